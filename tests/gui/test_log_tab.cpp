// The Log tab against a fake source: the log shown readable, followed
// while the container runs and the tab is shown, started again when the
// log was replaced, searched with every match highlighted, saved.
#include "fake_container_source.h"
#include "log_tab.h"
#include "search_bar.h"

#include <QAction>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QtTest>

using berth::gui::LogTab;
using berth::test::FakeContainerSource;

namespace {

const QString kWeb = QStringLiteral("web");
constexpr auto kRunning = berth::model::RunState::Running;
constexpr auto kStopped = berth::model::RunState::Stopped;

// A source whose GetLog is refused.
class RefusingSource : public FakeContainerSource {
public:
    void readLog(const QString&, quint64, uint, QObject* context,
                 berth::gui::Callback<berth::client::LogChunk> done) override
    {
        const auto error =
            berth::client::clientError(QStringLiteral("org.berth.Error.NotAuthorized"), QStringLiteral("not allowed"));
        QMetaObject::invokeMethod(
            context,
            [done = std::move(done), error] {
                done(berth::client::Result<berth::client::LogChunk>(std::unexpect, error));
            },
            Qt::QueuedConnection);
    }
};

// A log capped at lxc.console.size: the first `oldest` bytes of `logs`
// were dropped, and GetLog reads from the oldest byte kept.
class CappedSource : public FakeContainerSource {
public:
    quint64 oldest = 0;
    void readLog(const QString& name, quint64 offset, uint maxBytes, QObject* context,
                 berth::gui::Callback<berth::client::LogChunk> done) override
    {
        const QByteArray all = logs.value(name);
        const quint64 from = std::max(offset, oldest);
        berth::client::LogChunk chunk;
        chunk.data = all.mid(qsizetype(from), qsizetype(maxBytes));
        chunk.nextOffset = from + quint64(chunk.data.size());
        chunk.size = quint64(all.size());
        QMetaObject::invokeMethod(
            context, [done = std::move(done), chunk] { done(chunk); }, Qt::QueuedConnection);
    }
};

QString shown(const LogTab& tab)
{
    return tab.view()->toPlainText();
}

} // namespace

class TestLogTab : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showsReadableText()
    {
        FakeContainerSource source;
        source.logs.insert(kWeb, "booting\r\n\x1b[1;32mOK\x1b[0m started\r\n");
        LogTab tab(source);
        tab.setContainer(kWeb, kStopped);
        QTRY_COMPARE(shown(tab), QStringLiteral("booting\nOK started\n"));
        QVERIFY(!tab.isPolling());
    }

    void readsLargeLogInPieces()
    {
        FakeContainerSource source;
        QByteArray log;
        for (int i = 0; log.size() < 3 * int(LogTab::kChunkBytes); ++i)
            log += QByteArray::number(i) + " a line of the console log\n";
        source.logs.insert(kWeb, log);
        LogTab tab(source);
        tab.setContainer(kWeb, kStopped);
        QTRY_COMPARE(shown(tab).size(), log.size());
        QCOMPARE(shown(tab).toUtf8(), log);
    }

    void followsWhileRunningAndShown()
    {
        FakeContainerSource source;
        source.logs.insert(kWeb, "first\n");
        LogTab tab(source);
        tab.show();
        tab.setContainer(kWeb, kRunning);
        QVERIFY(tab.isPolling());
        QTRY_COMPARE(shown(tab), QStringLiteral("first\n"));
        source.logs[kWeb] += "second\n";
        QTRY_COMPARE(shown(tab), QStringLiteral("first\nsecond\n"));
        tab.setContainer(kWeb, kStopped);
        QVERIFY(!tab.isPolling());
    }

    void noPollingWhileHidden()
    {
        FakeContainerSource source;
        source.logs.insert(kWeb, "first\n");
        LogTab tab(source);
        tab.setContainer(kWeb, kRunning);
        QVERIFY(!tab.isPolling());
        tab.show();
        QVERIFY(tab.isPolling());
        tab.hide();
        QVERIFY(!tab.isPolling());
    }

    void startsAgainWhenLogShrank()
    {
        FakeContainerSource source;
        source.logs.insert(kWeb, "an old boot's long log\n");
        LogTab tab(source);
        tab.show();
        tab.setContainer(kWeb, kRunning);
        QTRY_COMPARE(shown(tab), QStringLiteral("an old boot's long log\n"));
        source.logs[kWeb] = "new boot\n";
        QTRY_COMPARE(shown(tab), QStringLiteral("new boot\n"));
    }

    void saysWhenOlderOutputWasDropped()
    {
        CappedSource source;
        source.logs.insert(kWeb, "dropped\nkept\n");
        source.oldest = 8;
        LogTab tab(source);
        tab.show();
        tab.setContainer(kWeb, kStopped);
        QTRY_COMPARE(shown(tab), QStringLiteral("kept\n"));
        QVERIFY(tab.droppedNotice()->isVisible());
        QVERIFY(tab.droppedNotice()->text().contains(QLatin1String("lxc.console.size")));
        // A log that lost nothing says nothing.
        FakeContainerSource whole;
        whole.logs.insert(kWeb, "all\n");
        LogTab other(whole);
        other.show();
        other.setContainer(kWeb, kStopped);
        QTRY_COMPARE(shown(other), QStringLiteral("all\n"));
        QVERIFY(!other.droppedNotice()->isVisible());
    }

    void switchingContainerShowsOnlyItsLog()
    {
        FakeContainerSource source;
        source.logs.insert(kWeb, "web log\n");
        source.logs.insert(QStringLiteral("db"), "db log\n");
        LogTab tab(source);
        tab.setContainer(kWeb, kStopped);
        tab.setContainer(QStringLiteral("db"), kStopped); // before web's answer arrives
        QTRY_COMPARE(shown(tab), QStringLiteral("db log\n"));
        tab.setContainer(QString(), std::nullopt);
        QCOMPARE(shown(tab), QString());
        QVERIFY(!tab.isEnabled());
    }

    void followKeepsNewestInView()
    {
        FakeContainerSource source;
        QByteArray log;
        for (int i = 0; i < 500; ++i)
            log += "line " + QByteArray::number(i) + "\n";
        source.logs.insert(kWeb, log);
        LogTab tab(source);
        tab.resize(400, 200);
        tab.show();
        tab.setContainer(kWeb, kStopped);
        QTRY_VERIFY(shown(tab).endsWith(QStringLiteral("line 499\n")));
        QScrollBar* bar = tab.view()->verticalScrollBar();
        QVERIFY(bar->maximum() > 0);
        QCOMPARE(bar->value(), bar->maximum());
    }

    // A Debian container's console log as systemd writes it (lines end in
    // "\r\r\n", a status line rewritten by '\r'): every line shown, searchable.
    void systemdLogShownAndSearchable()
    {
        QFile recorded(QStringLiteral(BERTH_GUI_FIXTURES "/systemd_console.log"));
        QVERIFY(recorded.open(QIODevice::ReadOnly));
        FakeContainerSource source;
        source.logs.insert(kWeb, recorded.readAll());
        LogTab tab(source);
        tab.setContainer(kWeb, kStopped);
        QTRY_VERIFY(shown(tab).contains(QStringLiteral("deb login: ")));
        const QStringList lines = shown(tab).split(QLatin1Char('\n'));
        QVERIFY(lines.contains(QStringLiteral("Welcome to Debian GNU/Linux 12 (bookworm)!")));
        QVERIFY(lines.contains(QStringLiteral("[  OK  ] Reached target local-fs.target - Local File Systems.")));
        QVERIFY(lines.contains(QStringLiteral("[  OK  ] Started systemd-journald.service - Journal Service.")));
        QVERIFY(!shown(tab).contains(QStringLiteral("A start job is running"))); // rewritten by the next
        tab.searchBar()->setText(QStringLiteral("Reached target"));
        QCOMPARE(tab.searchBar()->matchCount(), 2);
    }

    void searchHighlightsEveryMatch_data()
    {
        QTest::addColumn<QString>("needle");
        QTest::addColumn<int>("matches");
        QTest::newRow("three") << "error" << 3;
        QTest::newRow("case ignored") << "ERROR" << 3;
        QTest::newRow("one") << "disk" << 1;
        QTest::newRow("none") << "panic" << 0;
        QTest::newRow("empty") << "" << 0;
    }
    void searchHighlightsEveryMatch()
    {
        QFETCH(QString, needle);
        QFETCH(int, matches);
        FakeContainerSource source;
        source.logs.insert(kWeb, "error: one\nfine\nerror: disk\nok\nlast error\n");
        LogTab tab(source);
        tab.setContainer(kWeb, kStopped);
        QTRY_VERIFY(!shown(tab).isEmpty());
        tab.searchBar()->setText(needle);
        QCOMPARE(tab.searchBar()->matchCount(), matches);
        QCOMPARE(tab.view()->extraSelections().size(), matches);
    }

    void findNextAndPreviousWrap()
    {
        FakeContainerSource source;
        source.logs.insert(kWeb, "error: one\nfine\nerror: two\n");
        LogTab tab(source);
        tab.setContainer(kWeb, kStopped);
        QTRY_VERIFY(!shown(tab).isEmpty());
        tab.searchBar()->setText(QStringLiteral("error"));
        tab.searchBar()->findNext();
        QCOMPARE(tab.view()->textCursor().selectionStart(), 0);
        tab.searchBar()->findNext();
        QCOMPARE(tab.view()->textCursor().selectionStart(), 16);
        tab.searchBar()->findNext(); // wraps to the first
        QCOMPARE(tab.view()->textCursor().selectionStart(), 0);
        tab.searchBar()->findPrevious(); // wraps to the last
        QCOMPARE(tab.view()->textCursor().selectionStart(), 16);
        QCOMPARE(tab.view()->textCursor().selectedText(), QStringLiteral("error"));
    }

    void refusalShownInPlainWords()
    {
        RefusingSource source;
        LogTab tab(source);
        tab.setContainer(kWeb, kStopped);
        QTRY_VERIFY(!tab.message()->text().isEmpty());
        QVERIFY(tab.message()->text().contains(QStringLiteral("'web'")));
        QCOMPARE(shown(tab), QString());
    }

    void newTextIsSearchedToo()
    {
        FakeContainerSource source;
        source.logs.insert(kWeb, "error: one\n");
        LogTab tab(source);
        tab.show();
        tab.setContainer(kWeb, kRunning);
        QTRY_VERIFY(!shown(tab).isEmpty());
        tab.searchBar()->setText(QStringLiteral("error"));
        QCOMPARE(tab.searchBar()->matchCount(), 1);
        source.logs[kWeb] += "error: two\n";
        QTRY_COMPARE(tab.searchBar()->matchCount(), 2);
        QCOMPARE(tab.view()->extraSelections().size(), 2);
    }

    void ctrlFGoesToSearch()
    {
        FakeContainerSource source;
        source.logs.insert(kWeb, "text\n");
        LogTab tab(source);
        tab.setContainer(kWeb, kStopped);
        tab.show();
        QVERIFY(QTest::qWaitForWindowActive(&tab));
        // The main window's own Ctrl+F (the list filter) must not take it.
        QAction windowFind;
        windowFind.setShortcut(QKeySequence::Find);
        tab.addAction(&windowFind);
        QSignalSpy windowFound(&windowFind, &QAction::triggered);
        tab.view()->setFocus();
        QTest::keyClick(tab.view(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(tab.searchBar()->field()->hasFocus());
        QCOMPARE(windowFound.count(), 0);
        tab.searchBar()->setText(QStringLiteral("text"));
        QTest::keyClick(tab.searchBar()->field(), Qt::Key_F3);
        QCOMPARE(tab.view()->textCursor().selectedText(), QStringLiteral("text"));
    }

    void savesShownText()
    {
        FakeContainerSource source;
        source.logs.insert(kWeb, "\x1b[31mred\x1b[0m\n");
        LogTab tab(source);
        tab.setContainer(kWeb, kStopped);
        QTRY_COMPARE(shown(tab), QStringLiteral("red\n"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("web.log"));
        QVERIFY(tab.saveTo(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("red\n"));
        QVERIFY(!tab.saveTo(dir.filePath(QStringLiteral("missing/dir/web.log"))));
        QVERIFY(!tab.message()->text().isEmpty());
    }
};

QTEST_MAIN(TestLogTab)
#include "test_log_tab.moc"
