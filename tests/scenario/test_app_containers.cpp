// Scenario (issue #16): lxc-execute and `docker run`, as a member of group
// berth types them. An application container's exit status is berthctl's;
// `run -e KEY=VAL` sets the command's environment and `run -s KEY=VAL` a
// config key for the container (lxc-execute -s); `run --rm -it` is driven
// through a terminal the test owns, as `docker run -it busybox sh` is: the
// shell is a session with that terminal as its controlling tty, so Ctrl-C
// interrupts the foreground command and the shell lives on, Ctrl-Z stops a
// job and `bg` continues it; Ctrl-a q detaches berthctl at once with the
// container running, and `--rm` still removes the container when it ends.
#include "scenario_member.h"
#include "user_terminal.h"

#include "helper_calls.h"
#include "integration_bus.h"
#include "test_users.h"

#include <QtTest>

using namespace berth::test;

class TestAppContainers : public QObject {
    Q_OBJECT
private:
    SystemBus m_bus;
    UserTerminal m_terminal; // the user's terminal with `run --rm -it` in it
    const QString kShell = QStringLiteral("tty1");

    // Whether a process whose command line is exactly `command` runs in `name`.
    static bool runsInside(const QString& name, const QString& command)
    {
        const Outcome ps = inside(name, QStringLiteral("ps -o args"));
        return ps.outText().split(QLatin1Char('\n')).contains(command);
    }

    // Ends the sleeps a slot typed, so a failure leaves the next slot a prompt.
    void stopSleeps() const { inside(kShell, QStringLiteral("pkill sleep; true")); }

    bool gone(const QString& name) const
    {
        return containerState(m_bus, name) == QLatin1String("org.berth.Error.NotFound");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(startMemberSession(m_bus, false, &why), qPrintable(why));
    }

    void cleanupTestCase() { endMemberSession(m_bus); }

    // lxc-execute / docker run: the command's status is berthctl's, and --rm removes it.
    void exitStatusPassedThrough()
    {
        const Outcome ran = member({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--name"),
                                    QStringLiteral("exit7"), QStringLiteral("busybox"), QStringLiteral("--"),
                                    QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("exit 7")});
        EXPECT_CODE(ran, 7);
        QVERIFY(gone(QStringLiteral("exit7")));
    }

    // docker run -e: the command's environment.
    void environmentOption()
    {
        const Outcome ran =
            member({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--name"), QStringLiteral("env1"),
                    QStringLiteral("-e"), QStringLiteral("GREETING=hello there"), QStringLiteral("busybox"),
                    QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                    QStringLiteral("echo \"greeting=$GREETING\"")});
        EXPECT_CODE(ran, 0);
        QCOMPARE(ran.outText(), QStringLiteral("greeting=hello there\n"));
        QVERIFY(gone(QStringLiteral("env1")));
    }

    // lxc-execute -s: a config key for this container, here its hostname,
    // seen inside.
    void configOption()
    {
        const Outcome ran =
            member({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--name"), QStringLiteral("set1"),
                    QStringLiteral("-s"), QStringLiteral("lxc.uts.name=apphost"), QStringLiteral("busybox"),
                    QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                    QStringLiteral("echo \"host=$(hostname)\"")});
        EXPECT_CODE(ran, 0);
        QCOMPARE(ran.outText(), QStringLiteral("host=apphost\n"));
        QVERIFY(gone(QStringLiteral("set1")));
    }

    // docker run -it busybox sh, typed by the test; the next slots type
    // into the same shell.
    void interactiveShellStarts()
    {
        QString why;
        QVERIFY2(m_terminal.start(kTestUser,
                                  {QStringLiteral(BERTHCTL_BINARY), QStringLiteral("run"), QStringLiteral("--rm"),
                                   QStringLiteral("-it"), QStringLiteral("--name"), kShell, QStringLiteral("busybox"),
                                   QStringLiteral("--"), QStringLiteral("/bin/sh")},
                                  m_bus.address(), &why),
                 qPrintable(why));
        m_terminal.type("echo ready-$((20+22))\r");
        QVERIFY2(m_terminal.waitFor("ready-42", 120000), m_terminal.screen().constData());
    }

    // The shell owns its terminal: ash says nothing like "can't access
    // tty; job control turned off".
    void shellOwnsItsTerminal()
    {
        QVERIFY2(!m_terminal.screen().contains("job control turned off"), m_terminal.screen().constData());
        // Field 7 of /proc/PID/stat: the controlling terminal's device, 0 for none.
        m_terminal.type("echo ctty-$(cut -d' ' -f7 /proc/$$/stat)-e\"\"nd\r");
        QVERIFY2(m_terminal.waitFor("-end", 30000), m_terminal.screen().constData());
        const auto ctty =
            QRegularExpression(QStringLiteral("ctty-(\\d+)-end")).match(QString::fromUtf8(m_terminal.screen()));
        QVERIFY2(ctty.hasMatch() && ctty.captured(1) != QLatin1String("0"), m_terminal.screen().constData());
    }

    // Ctrl-C reaches the foreground command, not the shell.
    void ctrlCInterruptsForegroundCommand()
    {
        m_terminal.type("sleep 1000\r");
        QVERIFY2(waitUntil([&] { return runsInside(kShell, QStringLiteral("sleep 1000")); }, 60000),
                 m_terminal.screen().constData());
        m_terminal.type("\x03");
        m_terminal.type("echo alive-$((6*7))\r");
        QVERIFY2(m_terminal.waitFor("alive-42", 60000), m_terminal.screen().constData());
        QVERIFY(!runsInside(kShell, QStringLiteral("sleep 1000")));
    }

    // Job control: Ctrl-Z stops the foreground job, bg continues it, jobs lists it.
    void jobControl()
    {
        stopSleeps(); // what a failed slot before left in the foreground
        m_terminal.type("sleep 1001\r");
        QVERIFY2(waitUntil([&] { return runsInside(kShell, QStringLiteral("sleep 1001")); }, 60000),
                 m_terminal.screen().constData());
        m_terminal.type("\x1a");
        QVERIFY2(m_terminal.waitFor("Stopped", 30000), m_terminal.screen().constData());
        // ash prints jobs through stdio, flushed at its next prompt: wait for the word itself.
        m_terminal.type("bg; jobs\r");
        QVERIFY2(m_terminal.waitFor("Running", 30000), m_terminal.screen().constData());
        m_terminal.type("kill %1\r");
    }

    // Ctrl-a q detaches at once: berthctl exits 0, the container keeps running.
    void detachKeysDetach()
    {
        stopSleeps();
        m_terminal.type("\x01q");
        QCOMPARE(m_terminal.waitForExit(30000), 0);
        QCOMPARE(containerState(m_bus, kShell), QStringLiteral("running"));
    }

    // It ends later (the user stops it), after berthctl is long gone (had
    // it not detached, the user closed the terminal): --rm removes it all the same.
    void removedWhenItEnds()
    {
        m_terminal.kill();
        EXPECT_CODE(member({QStringLiteral("stop"), kShell}), 0);
        QVERIFY2(waitUntil([&] { return gone(kShell); }, 60000), qPrintable(containerState(m_bus, kShell)));
    }
};

BERTH_SYSTEM_TEST_MAIN(TestAppContainers)

#include "test_app_containers.moc"
