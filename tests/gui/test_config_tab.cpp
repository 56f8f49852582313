// The Config tab against a fake source: the text loads highlighted, Save
// sends it and is enabled only with changes, a refusal naming a line marks
// that line and keeps the text, Revert restores, unsaved changes ask first.
#include "config_highlighter.h"
#include "config_tab.h"
#include "fake_container_source.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QTextLayout>
#include <QtTest>

using berth::gui::ConfigTab;
using berth::test::FakeContainerSource;

namespace {

const QString kWeb = QStringLiteral("web");
const QString kConfig = QStringLiteral("# web server\n"
                                       "lxc.uts.name = web\n"
                                       "lxc.rootfs.path = dir:/var/lib/berth/web/rootfs\n"
                                       "berth.template = busybox\n");

// The highlighter's format at `column` of line `line` (0-based).
QTextCharFormat formatAt(const ConfigTab& tab, int line, int column)
{
    const QTextBlock block = tab.editor()->document()->findBlockByNumber(line);
    for (const QTextLayout::FormatRange& range : block.layout()->formats()) {
        if (column >= range.start && column < range.start + range.length)
            return range.format;
    }
    return {};
}

void typeAtEnd(ConfigTab& tab, const QString& text)
{
    QTextCursor cursor(tab.editor()->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(text);
}

struct Loaded {
    FakeContainerSource source;
    ConfigTab tab{source};
    Loaded()
    {
        source.configs.insert(kWeb, kConfig);
        tab.setContainer(kWeb);
    }
};

} // namespace

class TestConfigTab : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void loads()
    {
        Loaded loaded;
        QTRY_COMPARE(loaded.tab.editor()->toPlainText(), kConfig);
        QVERIFY(!loaded.tab.saveButton()->isEnabled());
        QVERIFY(!loaded.tab.revertButton()->isEnabled());
        QVERIFY(!loaded.tab.editor()->isReadOnly());
    }

    void highlights_data()
    {
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("part");
        QTest::newRow("comment") << 0 << 3 << "comment";
        QTest::newRow("lxc key") << 1 << 2 << "key";
        QTest::newRow("separator") << 1 << 13 << "separator";
        QTest::newRow("value") << 1 << 16 << "value";
        QTest::newRow("berth key") << 3 << 0 << "key";
        QTest::newRow("berth value") << 3 << 18 << "value";
    }
    void highlights()
    {
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, part);
        Loaded loaded;
        QTRY_COMPARE(loaded.tab.editor()->toPlainText(), kConfig);
        const berth::gui::ConfigHighlighter* h = loaded.tab.highlighter();
        const QMap<QString, QTextCharFormat> formats{{QStringLiteral("comment"), h->commentFormat()},
                                                     {QStringLiteral("key"), h->keyFormat()},
                                                     {QStringLiteral("separator"), h->separatorFormat()},
                                                     {QStringLiteral("value"), h->valueFormat()}};
        const QTextCharFormat found = formatAt(loaded.tab, line, column);
        QCOMPARE(found.foreground(), formats.value(part).foreground());
        for (auto it = formats.begin(); it != formats.end(); ++it) {
            if (it.key() != part)
                QVERIFY2(found.foreground() != it.value().foreground() ||
                             found.fontItalic() != it.value().fontItalic() ||
                             found.fontWeight() != it.value().fontWeight(),
                         qPrintable(it.key()));
        }
    }

    void unknownKeyNotFlagged()
    {
        FakeContainerSource source;
        source.configs.insert(kWeb, QStringLiteral("lxc.no.such.key = 1\n"));
        ConfigTab tab(source);
        tab.setContainer(kWeb);
        QTRY_VERIFY(!tab.editor()->toPlainText().isEmpty());
        QCOMPARE(formatAt(tab, 0, 0).foreground(), tab.highlighter()->keyFormat().foreground());
    }

    void saveSendsText()
    {
        Loaded loaded;
        QTRY_COMPARE(loaded.tab.editor()->toPlainText(), kConfig);
        typeAtEnd(loaded.tab, QStringLiteral("lxc.start.auto = 1\n"));
        QVERIFY(loaded.tab.saveButton()->isEnabled());
        QSignalSpy saved(&loaded.tab, &ConfigTab::saved);
        QTest::mouseClick(loaded.tab.saveButton(), Qt::LeftButton);
        QVERIFY(saved.wait());
        QCOMPARE(loaded.source.actions, QStringList{QStringLiteral("config web")});
        QCOMPARE(loaded.source.configs.value(kWeb), kConfig + QStringLiteral("lxc.start.auto = 1\n"));
        QVERIFY(!loaded.tab.saveButton()->isEnabled());
        QCOMPARE(loaded.tab.markedLine(), 0);
    }

    void refusalMarksLineAndKeepsText()
    {
        Loaded loaded;
        QTRY_COMPARE(loaded.tab.editor()->toPlainText(), kConfig);
        loaded.source.actionError = berth::client::clientError(QStringLiteral("org.berth.Error.InvalidArgument"),
                                                               QStringLiteral("config:3: invalid key"));
        typeAtEnd(loaded.tab, QStringLiteral("typo\n"));
        const QString edited = loaded.tab.editor()->toPlainText();
        loaded.tab.save();
        QTRY_COMPARE(loaded.tab.markedLine(), 3);
        QCOMPARE(loaded.tab.editor()->toPlainText(), edited);
        QVERIFY(loaded.tab.message()->text().contains(QStringLiteral("invalid key")));
        QCOMPARE(loaded.tab.editor()->textCursor().blockNumber(), 2);
        const auto marks = loaded.tab.editor()->extraSelections();
        QCOMPARE(marks.size(), 1);
        QCOMPARE(marks.first().cursor.blockNumber(), 2);
        QCOMPARE(loaded.source.configs.value(kWeb), kConfig);
        QVERIFY(loaded.tab.saveButton()->isEnabled()); // still unsaved: fix and try again
    }

    void refusalWithoutLineMarksNothing()
    {
        Loaded loaded;
        QTRY_COMPARE(loaded.tab.editor()->toPlainText(), kConfig);
        loaded.source.actionError =
            berth::client::clientError(QStringLiteral("org.berth.Error.NotAuthorized"), QStringLiteral("denied"));
        typeAtEnd(loaded.tab, QStringLiteral("lxc.start.auto = 1\n"));
        loaded.tab.save();
        QTRY_VERIFY(!loaded.tab.message()->text().isEmpty());
        QCOMPARE(loaded.tab.markedLine(), 0);
        QVERIFY(loaded.tab.editor()->extraSelections().isEmpty());
    }

    void revertRestores()
    {
        Loaded loaded;
        QTRY_COMPARE(loaded.tab.editor()->toPlainText(), kConfig);
        typeAtEnd(loaded.tab, QStringLiteral("lxc.start.auto = 1\n"));
        QVERIFY(loaded.tab.revertButton()->isEnabled());
        QTest::mouseClick(loaded.tab.revertButton(), Qt::LeftButton);
        QCOMPARE(loaded.tab.editor()->toPlainText(), kConfig);
        QVERIFY(!loaded.tab.saveButton()->isEnabled());
        QVERIFY(loaded.source.actions.isEmpty());
    }

    void switchingWithChangesAsks_data()
    {
        QTest::addColumn<bool>("discard");
        QTest::newRow("discard") << true;
        QTest::newRow("keep") << false;
    }
    void switchingWithChangesAsks()
    {
        QFETCH(bool, discard);
        Loaded loaded;
        loaded.source.configs.insert(QStringLiteral("db"), QStringLiteral("lxc.uts.name = db\n"));
        int asked = 0;
        loaded.tab.setConfirmation([&](const QString&, const QString&) {
            ++asked;
            return discard;
        });
        QTRY_COMPARE(loaded.tab.editor()->toPlainText(), kConfig);
        QVERIFY(loaded.tab.setContainer(QStringLiteral("web"))); // the same one: nothing to ask
        typeAtEnd(loaded.tab, QStringLiteral("x"));
        QCOMPARE(loaded.tab.setContainer(QStringLiteral("db")), discard);
        QCOMPARE(asked, 1);
        if (discard)
            QTRY_COMPARE(loaded.tab.editor()->toPlainText(), QStringLiteral("lxc.uts.name = db\n"));
        else
            QCOMPARE(loaded.tab.editor()->toPlainText(), kConfig + QStringLiteral("x"));
        QCOMPARE(loaded.tab.container(), discard ? QStringLiteral("db") : kWeb);
    }

    void switchingUnchangedDoesNotAsk()
    {
        Loaded loaded;
        loaded.source.configs.insert(QStringLiteral("db"), QStringLiteral("lxc.uts.name = db\n"));
        int asked = 0;
        loaded.tab.setConfirmation([&asked](const QString&, const QString&) {
            ++asked;
            return false;
        });
        QTRY_COMPARE(loaded.tab.editor()->toPlainText(), kConfig);
        QVERIFY(loaded.tab.setContainer(QStringLiteral("db")));
        QCOMPARE(asked, 0);
        QTRY_COMPARE(loaded.tab.editor()->toPlainText(), QStringLiteral("lxc.uts.name = db\n"));
    }

    // Issue #19: after a limit set from the Resources tab the Config tab
    // kept its stale copy, and saving it put the old limits back.
    void limitsChangeShowsAtOnce()
    {
        Loaded loaded;
        QTRY_COMPARE(loaded.tab.editor()->toPlainText(), kConfig);
        const QString newer = kConfig + QStringLiteral("lxc.cgroup2.memory.max = 32M\n");
        loaded.source.configs.insert(kWeb, newer); // what the helper's SetLimits wrote
        berth::model::Limits limits;
        limits.memoryMax = 32ULL << 20;
        loaded.source.setLimits(kWeb, limits, &loaded.tab, [](const berth::client::Status&) {});
        QTRY_COMPARE(loaded.tab.editor()->toPlainText(), newer);
        QVERIFY(!loaded.tab.saveButton()->isEnabled());
        QVERIFY(!loaded.tab.changedBar()->isVisibleTo(&loaded.tab));
    }

    void changeUnderEditsOffersReload_data()
    {
        QTest::addColumn<bool>("reload");
        QTest::newRow("reload") << true;
        QTest::newRow("keep editing") << false;
    }
    void changeUnderEditsOffersReload()
    {
        QFETCH(bool, reload);
        Loaded loaded;
        QTRY_COMPARE(loaded.tab.editor()->toPlainText(), kConfig);
        typeAtEnd(loaded.tab, QStringLiteral("lxc.start.auto = 1\n"));
        const QString edited = loaded.tab.editor()->toPlainText();
        const QString newer = kConfig + QStringLiteral("lxc.cgroup2.memory.max = 32M\n");
        loaded.source.configs.insert(kWeb, newer);
        loaded.source.setAutostart(kWeb, false, &loaded.tab, [](const berth::client::Status&) {});
        QTRY_VERIFY(loaded.tab.changedBar()->isVisibleTo(&loaded.tab));
        QCOMPARE(loaded.tab.editor()->toPlainText(), edited); // the edits are the user's until they say
        if (reload) {
            QTest::mouseClick(loaded.tab.reloadButton(), Qt::LeftButton);
            QTRY_COMPARE(loaded.tab.editor()->toPlainText(), newer);
            QVERIFY(!loaded.tab.saveButton()->isEnabled());
        } else {
            QTest::mouseClick(loaded.tab.keepEditingButton(), Qt::LeftButton);
            QCOMPARE(loaded.tab.editor()->toPlainText(), edited);
            // Not asked again for the same version.
            loaded.tab.recheck();
            QTest::qWait(50);
            QVERIFY(!loaded.tab.changedBar()->isVisibleTo(&loaded.tab));
        }
        QVERIFY(!loaded.tab.changedBar()->isVisibleTo(&loaded.tab));
    }

    // Saving is a compare-and-set against the text the editor loaded: a
    // config changed meanwhile (here without any signal: berthctl) is kept.
    void saveOverNewerVersionRefused()
    {
        Loaded loaded;
        QTRY_COMPARE(loaded.tab.editor()->toPlainText(), kConfig);
        typeAtEnd(loaded.tab, QStringLiteral("lxc.start.auto = 1\n"));
        const QString newer = kConfig + QStringLiteral("lxc.cgroup2.memory.max = 32M\n");
        loaded.source.configs.insert(kWeb, newer);
        QSignalSpy saved(&loaded.tab, &ConfigTab::saved);
        loaded.tab.save();
        QTRY_VERIFY(loaded.tab.changedBar()->isVisibleTo(&loaded.tab));
        QCOMPARE(loaded.source.configs.value(kWeb), newer);
        QCOMPARE(saved.count(), 0);
        QVERIFY(loaded.tab.saveButton()->isEnabled()); // the edits are still there
        QTest::mouseClick(loaded.tab.reloadButton(), Qt::LeftButton);
        QTRY_COMPARE(loaded.tab.editor()->toPlainText(), newer);
    }

    // A saved line Berth keeps but does not apply is named, not saved silently.
    void unappliedLinesAreNamedAfterSave()
    {
        Loaded loaded;
        QTRY_COMPARE(loaded.tab.editor()->toPlainText(), kConfig);
        typeAtEnd(loaded.tab, QStringLiteral("lxc.apparmor.profile = lxc-container-default\n"));
        berth::client::ContainerInfo info;
        info.name = kWeb;
        info.warnings = {QStringLiteral("config:5: lxc.apparmor.profile = 'lxc-container-default': AppArmor is not "
                                        "used by Berth; this is not applied")};
        loaded.source.containers.insert(kWeb, info);
        loaded.tab.save();
        QTRY_VERIFY(loaded.tab.message()->text().contains(QStringLiteral("config:5: lxc.apparmor.profile")));
        QVERIFY(loaded.tab.message()->text().startsWith(QStringLiteral("Saved.")));
    }

    void shownTabPicksUpOutsideChanges()
    {
        Loaded loaded;
        loaded.tab.show();
        QTRY_COMPARE(loaded.tab.editor()->toPlainText(), kConfig);
        const QString newer = kConfig + QStringLiteral("lxc.start.auto = 1\n");
        loaded.source.configs.insert(kWeb, newer); // berthctl: no signal
        QTRY_COMPARE_WITH_TIMEOUT(loaded.tab.editor()->toPlainText(), newer, 3 * ConfigTab::kRecheckMs);
    }
};

QTEST_MAIN(TestConfigTab)
#include "test_config_tab.moc"
