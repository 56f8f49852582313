// The autostart box against a fake source: it shows lxc.start.auto and the
// boot order, a click asks for SetAutostart (never a config edit: the
// engine changes that one key, tests/integration/runtime/
// test_create_with_setup.cpp), a refusal puts the box back and says why.
#include "autostart_box.h"
#include "fake_container_source.h"

#include <QCheckBox>
#include <QLabel>
#include <QSignalSpy>
#include <QtTest>

using berth::gui::AutostartBox;
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

    void clickAsksForSetAutostart()
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
        QCOMPARE(source.actions, QStringList{QStringLiteral("autostart web on")});
        QCOMPARE(source.configs.value(kWeb), kConfig); // no config edit
        QVERIFY(box.checkBox()->isChecked());
        QVERIFY(box.checkBox()->isEnabled());

        box.checkBox()->click();
        QVERIFY(changed.wait());
        QCOMPARE(source.actions,
                 (QStringList{QStringLiteral("autostart web on"), QStringLiteral("autostart web off")}));
        QCOMPARE(source.configs.value(kWeb), kConfig);
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
