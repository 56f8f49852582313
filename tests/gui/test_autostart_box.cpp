// The autostart box against a fake source: it shows lxc.start.auto and the
// boot order, a click writes the key into the config (and nothing else of
// it changes), a refusal puts the box back and says why. And the config
// edit it relies on, withConfigValue.
#include "autostart_box.h"
#include "config_key_edit.h"
#include "fake_container_source.h"

#include <QCheckBox>
#include <QLabel>
#include <QSignalSpy>
#include <QtTest>

using berth::gui::AutostartBox;
using berth::gui::withConfigValue;
using berth::test::FakeContainerSource;

namespace {

const QString kWeb = QStringLiteral("web");
const QString kConfig = QStringLiteral("# web server\nlxc.uts.name = web\n");

berth::client::ContainerInfo web(bool autostart)
{
    berth::client::ContainerInfo info;
    info.name = kWeb;
    info.state = berth::model::RunState::Stopped;
    info.autostart = autostart;
    info.startOrder = 20;
    info.startDelay = 5;
    return info;
}

} // namespace

class TestAutostartBox : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void configValue_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("appended") << kConfig << kConfig + "lxc.start.auto = 1\n";
        QTest::newRow("appended after a last line without newline") << "lxc.uts.name = web"
                                                                    << "lxc.uts.name = web\nlxc.start.auto = 1\n";
        QTest::newRow("empty") << ""
                               << "lxc.start.auto = 1\n";
        QTest::newRow("replaced in place") << "a = 1\nlxc.start.auto = 0\nb = 2\n"
                                           << "a = 1\nlxc.start.auto = 1\nb = 2\n";
        QTest::newRow("spacing") << "  lxc.start.auto=0\n"
                                 << "lxc.start.auto = 1\n";
        QTest::newRow("later copies dropped") << "lxc.start.auto = 0\nx = 1\nlxc.start.auto = 0\n"
                                              << "lxc.start.auto = 1\nx = 1\n";
        QTest::newRow("comment left alone") << "# lxc.start.auto = 0\n"
                                            << "# lxc.start.auto = 0\nlxc.start.auto = 1\n";
        QTest::newRow("longer key left alone") << "lxc.start.autox = 0\n"
                                               << "lxc.start.autox = 0\nlxc.start.auto = 1\n";
    }
    void configValue()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(withConfigValue(text, QStringLiteral("lxc.start.auto"), QStringLiteral("1")), expected);
    }

    void nothingSelectedIsDisabled()
    {
        FakeContainerSource source;
        AutostartBox box(source);
        QVERIFY(!box.checkBox()->isEnabled());
        QVERIFY(!box.checkBox()->isChecked());
    }

    void showsTheBootOrder()
    {
        FakeContainerSource source;
        AutostartBox box(source);
        const auto info = web(true);
        box.showContainer(&info);
        QVERIFY(box.checkBox()->isEnabled());
        QVERIFY(box.checkBox()->isChecked());
        QVERIFY2(box.details()->text().contains(QStringLiteral("20")), qPrintable(box.details()->text()));
        QVERIFY2(box.details()->text().contains(QStringLiteral("5")), qPrintable(box.details()->text()));
        const auto off = web(false);
        box.showContainer(&off);
        QVERIFY(!box.checkBox()->isChecked());
        QVERIFY(box.details()->text().isEmpty());
        QVERIFY(source.actions.isEmpty()); // showing never writes
    }

    void clickWritesTheKey()
    {
        FakeContainerSource source;
        source.configs.insert(kWeb, kConfig);
        AutostartBox box(source);
        const auto info = web(false);
        box.showContainer(&info);
        QSignalSpy changed(&box, &AutostartBox::changed);
        box.checkBox()->click();
        QVERIFY(changed.wait());
        QCOMPARE(changed.first().first().toString(), kWeb);
        QCOMPARE(source.actions, QStringList{QStringLiteral("config web")});
        QCOMPARE(source.configs.value(kWeb), kConfig + QStringLiteral("lxc.start.auto = 1\n"));
        QVERIFY(box.checkBox()->isChecked());
        QVERIFY(box.checkBox()->isEnabled());

        box.checkBox()->click();
        QVERIFY(changed.wait());
        QCOMPARE(source.configs.value(kWeb), kConfig + QStringLiteral("lxc.start.auto = 0\n"));
    }

    void refusalPutsTheBoxBack()
    {
        FakeContainerSource source;
        source.configs.insert(kWeb, kConfig);
        source.actionError = berth::client::clientError(QStringLiteral("org.berth.Error.NotAuthorized"),
                                                        QStringLiteral("not authorized"));
        AutostartBox box(source);
        const auto info = web(false);
        box.showContainer(&info);
        QSignalSpy changed(&box, &AutostartBox::changed);
        box.checkBox()->click();
        QTRY_VERIFY(!box.details()->text().isEmpty());
        QVERIFY(!box.checkBox()->isChecked());
        QVERIFY(box.checkBox()->isEnabled());
        QVERIFY(changed.isEmpty());
        QCOMPARE(source.configs.value(kWeb), kConfig);
    }
};

QTEST_MAIN(TestAutostartBox)
#include "test_autostart_box.moc"
