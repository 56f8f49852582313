// berthctl's quick path (cli/quick/) against the full client on the same
// private bus: for the lines the quick path takes, the same exit code and
// the same words on stdout and stderr, whether the helper accepts or
// refuses; what needs the full client (an interrupt, no bus) reaches it.
#include "berthctl_run.h"
#include "integration_bus.h"
#include "system_bus.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include <csignal>

using namespace berth::test;

namespace {

// The full client the quick path hands over to, next to it in the build tree.
QString fullClient()
{
    return QFileInfo(QStringLiteral(BERTHCTL_BINARY)).dir().filePath(QStringLiteral("berthctl-full"));
}

Outcome fullBerthctl(const QStringList& args)
{
    QProcess process;
    process.start(fullClient(), args);
    process.closeWriteChannel();
    return finish(process, 300000, QStringLiteral("berthctl-full ") + args.join(QLatin1Char(' ')));
}

QString state(const QString& name)
{
    const Outcome info = berthctl({QStringLiteral("info"), name, QStringLiteral("--json")});
    return QJsonDocument::fromJson(info.out).object().value(QStringLiteral("state")).toString();
}

} // namespace

class TestQuickPathSystem : public QObject {
    Q_OBJECT
private:
    SystemBus m_bus;

    void sameAsFullClient(const QStringList& args)
    {
        const Outcome quick = berthctl(args);
        const Outcome full = fullBerthctl(args);
        const QString what = args.join(QLatin1Char(' ')) + QStringLiteral("\nquick: ") + describe(quick) +
                             QStringLiteral("\nfull: ") + describe(full);
        QVERIFY2(quick.code == full.code && quick.out == full.out && quick.err == full.err, qPrintable(what));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFileInfo(fullClient()).isExecutable());
        QString why;
        // Both clients (and what they hand over to) find the bus in BERTH_BUS_ADDRESS.
        QVERIFY2(startTestBus(m_bus, &why), qPrintable(why));
        for (const char* name : {"quick-run", "quick-stopped"})
            EXPECT_CODE(berthctl({QStringLiteral("create"), QString::fromLatin1(name), QStringLiteral("-t"),
                                  QStringLiteral("busybox"), QStringLiteral("--app"), QStringLiteral("--"),
                                  QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                                  QStringLiteral("trap '' TERM; while :; do sleep 1; done")}),
                        0);
        EXPECT_CODE(berthctl({QStringLiteral("start"), QStringLiteral("quick-run")}), 0);
        QCOMPARE(state(QStringLiteral("quick-run")), QStringLiteral("running"));
    }

    void cleanupTestCase()
    {
        for (const char* name : {"quick-run", "quick-stopped"})
            (void)berthctl({QStringLiteral("destroy"), QString::fromLatin1(name), QStringLiteral("-f")});
    }

    // Lines that change nothing: refusals and commands, word for word.
    void sameAnswers_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("start missing") << QStringList{"start", "nosuch"};
        QTest::newRow("start invalid name") << QStringList{"start", "../x"};
        QTest::newRow("start running") << QStringList{"start", "quick-run"};
        QTest::newRow("stop missing") << QStringList{"stop", "nosuch", "-t", "0"};
        QTest::newRow("stop stopped") << QStringList{"stop", "quick-stopped"};
        QTest::newRow("stop timeout too long") << QStringList{"stop", "quick-run", "-t", "3601"};
        QTest::newRow("exec stopped") << QStringList{"exec", "quick-stopped", "--", "true"};
        QTest::newRow("exec not found") << QStringList{"exec", "quick-run", "--", "/no/such/command"};
        QTest::newRow("exec not runnable") << QStringList{"exec", "-T", "quick-run", "--", "/etc"};
        QTest::newRow("exec output and status")
            << QStringList{"exec", "quick-run", "--", "/bin/sh", "-c", "echo out; echo err >&2; exit 3"};
        QTest::newRow("exec killed") << QStringList{"exec", "quick-run", "--", "/bin/sh", "-c", "kill -9 $$"};
    }
    void sameAnswers()
    {
        QFETCH(QStringList, args);
        sameAsFullClient(args);
    }

    // exec with stdin closed (not at its end: no descriptor at all) is the
    // full client's, so it says the same either way.
    void execWithStdinClosed()
    {
        const auto closedStdin = [](const QString& program) {
            QProcess process;
            process.start(QStringLiteral("/bin/sh"),
                          {QStringLiteral("-c"), QStringLiteral("\"$0\" \"$@\" <&-"), program, QStringLiteral("exec"),
                           QStringLiteral("quick-run"), QStringLiteral("--"), QStringLiteral("/bin/echo"),
                           QStringLiteral("hi")});
            return finish(process, 60000, program + QStringLiteral(" exec with stdin closed"));
        };
        const Outcome quick = closedStdin(QStringLiteral(BERTHCTL_BINARY));
        const Outcome full = closedStdin(fullClient());
        QVERIFY2(quick.code == full.code && quick.out == full.out && quick.err == full.err,
                 qPrintable(describe(quick) + QStringLiteral("\n") + describe(full)));
    }

    // A start and a stop that succeed: the state, and stop's step lines.
    void startAndStop()
    {
        EXPECT_CODE(berthctl({QStringLiteral("start"), QStringLiteral("quick-stopped")}), 0);
        QCOMPARE(state(QStringLiteral("quick-stopped")), QStringLiteral("running"));
        const Outcome quick = berthctl(
            {QStringLiteral("stop"), QStringLiteral("quick-stopped"), QStringLiteral("-t"), QStringLiteral("0")});
        QCOMPARE(state(QStringLiteral("quick-stopped")), QStringLiteral("stopped"));
        EXPECT_CODE(berthctl({QStringLiteral("start"), QStringLiteral("quick-stopped")}), 0);
        const Outcome full =
            fullBerthctl({QStringLiteral("stop"), QStringLiteral("quick-stopped"), QStringLiteral("--timeout=0")});
        QVERIFY2(quick.code == 0 && full.code == 0 && quick.err == full.err && quick.out == full.out,
                 qPrintable(describe(quick) + QStringLiteral("\n") + describe(full)));
        QVERIFY2(quick.err.contains("100% "), quick.err.constData());
    }

    // Ctrl-C while a stop runs: the full client takes the job over, says it
    // cancels (a stop runs to its end) and reports how it ended.
    void interruptedStop()
    {
        QProcess stop;
        stop.start(QStringLiteral(BERTHCTL_BINARY),
                   {QStringLiteral("stop"), QStringLiteral("quick-run"), QStringLiteral("-t"), QStringLiteral("3")});
        stop.closeWriteChannel();
        QVERIFY(stop.waitForStarted());
        // The halt signal is ignored: the stop waits for its timeout.
        QTRY_COMPARE_WITH_TIMEOUT(state(QStringLiteral("quick-run")), QStringLiteral("stopping"), 5000);
        QTest::qWait(300);
        QCOMPARE(::kill(static_cast<pid_t>(stop.processId()), SIGINT), 0);
        const Outcome ended = finish(stop, 60000, QStringLiteral("interrupted stop"));
        QVERIFY2(ended.code == 0 && ended.err.contains("Cancelling"), qPrintable(describe(ended)));
        QCOMPARE(state(QStringLiteral("quick-run")), QStringLiteral("stopped"));
    }

    // No bus: nothing was asked yet, so the full client gets the line and
    // says why it cannot reach the helper.
    void noBus()
    {
        for (const QString& program : {QStringLiteral(BERTHCTL_BINARY), fullClient()}) {
            QProcess process;
            auto env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("BERTH_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/berth-bus"));
            process.setProcessEnvironment(env);
            process.start(program, {QStringLiteral("start"), QStringLiteral("quick-run")});
            const Outcome outcome = finish(process, 60000, program);
            QVERIFY2(outcome.code == 6 && outcome.err.contains("cannot reach the Berth helper"),
                     qPrintable(describe(outcome)));
        }
    }
};

BERTH_SYSTEM_TEST_MAIN(TestQuickPathSystem)

#include "test_quick_path_system.moc"
