// `berthctl run --rm -it` as a user types it (issue #16, item 5): a member
// of group berth on a pty the test holds, as docker run -it: Ctrl-C and
// Ctrl-Z reach the shell's foreground job, Ctrl-a q detaches at once and
// leaves the container running, and --rm removes it when it ends even
// though berthctl is gone. Also run's -e and -s, and start NAME -- COMMAND.
#include "berthctl_run.h"
#include "integration_bus.h"
#include "system_bus.h"
#include "test_users.h"
#include "user_terminal.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace berth::test;

namespace {

// Generous: a busy CI machine must not fail these; the checks are on what
// happens, never on how fast.
constexpr int kPatienceMs = 60000;

QString stateOf(const QString& name)
{
    auto info = berthctl({QStringLiteral("info"), name, QStringLiteral("--json")});
    return QJsonDocument::fromJson(info.out).object().value(QStringLiteral("state")).toString();
}

// --rm: the helper destroys it once it has stopped ("info" then says no such container).
bool isRemoved(const QString& name)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < kPatienceMs) {
        if (berthctl({QStringLiteral("info"), name}).code == 4)
            return true;
        QTest::qWait(200);
    }
    return false;
}

} // namespace

class TestRunTtySystem : public QObject {
    Q_OBJECT
private:
    SystemBus m_bus;

    // berthctl as the member on a new pty: the test is the terminal.
    bool startBerthctl(UserTerminal& user, const QStringList& args)
    {
        QString why;
        const bool started =
            user.start(kTestUser, QStringList{QStringLiteral(BERTHCTL_BINARY)} + args, m_bus.address(), &why);
        if (!started)
            qWarning("%s", qPrintable(why));
        return started;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(ensureMember(kTestUser, &why), qPrintable(why));
        QVERIFY2(startTestBus(m_bus, &why), qPrintable(why));
    }

    void cleanupTestCase()
    {
        for (const auto& name :
             {QStringLiteral("tty1"), QStringLiteral("tty2"), QStringLiteral("tty3"), QStringLiteral("tty4")})
            berthctl({QStringLiteral("destroy"), QStringLiteral("-f"), name});
        m_bus.stop();
        removeFromGroup(kTestUser, kBerthGroup);
    }

    void shellOnATerminal()
    {
        UserTerminal user;
        QVERIFY(startBerthctl(user, {QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("-it"),
                                     QStringLiteral("--name"), QStringLiteral("tty1"), QStringLiteral("busybox"),
                                     QStringLiteral("--"), QStringLiteral("/bin/sh")}));
        user.type("echo ready-$((1+1))\r");
        QVERIFY2(user.waitFor("ready-2", kPatienceMs), user.screen().constData());

        // Ctrl-C ends the foreground command; the shell stays. (The command
        // itself says it started: by then it is the foreground group.)
        user.type("sh -c 'echo started-$((4+4)); exec sleep 100'\r");
        QVERIFY2(user.waitFor("started-8", kPatienceMs), user.screen().constData());
        user.type("\x03");
        user.type("echo alive-$((3+4))\r");
        QVERIFY2(user.waitFor("alive-7", kPatienceMs), user.screen().constData());

        // Job control: Ctrl-Z stops the foreground job, fg resumes it in
        // the foreground (it prints again), where Ctrl-C reaches it.
        user.type("sh -c 'while :; do echo tick-$((1+1)); sleep 1; done'\r");
        QVERIFY2(user.waitFor("tick-2", kPatienceMs), user.screen().constData());
        user.type("\x1a");
        QVERIFY2(user.waitFor("Stopped", kPatienceMs), user.screen().constData());
        user.type("fg\r");
        QVERIFY2(user.waitFor("tick-2", kPatienceMs), user.screen().constData());
        user.type("\x03");
        user.type("jobs; echo jobs-$((5+5))\r");
        QVERIFY2(user.waitFor("jobs-10", kPatienceMs), user.screen().constData());

        // Ctrl-a q: berthctl leaves at once, the container runs on.
        user.type("\x01q");
        QCOMPARE(user.waitForExit(kPatienceMs), 0);
        QCOMPARE(stateOf(QStringLiteral("tty1")), QStringLiteral("running"));

        // Its end, without berthctl: --rm still removes it.
        EXPECT_CODE(berthctl({QStringLiteral("stop"), QStringLiteral("tty1")}), 0);
        QVERIFY(isRemoved(QStringLiteral("tty1")));
    }

    // Ctrl-C to berthctl itself (no raw mode without -i): it goes, the
    // container runs on, and --rm removes it when it ends.
    void interruptedClient()
    {
        UserTerminal user;
        QVERIFY(startBerthctl(user, {QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--name"),
                                     QStringLiteral("tty2"), QStringLiteral("busybox"), QStringLiteral("--"),
                                     QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                                     QStringLiteral("echo up-$((2+4)); exec sleep 1000")}));
        QVERIFY2(user.waitFor("up-6", kPatienceMs), user.screen().constData());
        user.type("\x03");
        QVERIFY(user.waitForExit(kPatienceMs) != -1);
        QCOMPARE(stateOf(QStringLiteral("tty2")), QStringLiteral("running"));
        EXPECT_CODE(
            berthctl({QStringLiteral("stop"), QStringLiteral("tty2"), QStringLiteral("-t"), QStringLiteral("1")}), 0);
        QVERIFY(isRemoved(QStringLiteral("tty2")));
    }

    // run -e KEY=VALUE (docker) and -s KEY=VALUE (lxc-execute -s).
    void environmentAndSettings()
    {
        auto ran = berthctl({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--name"),
                             QStringLiteral("tty3"), QStringLiteral("-e"), QStringLiteral("GREETING=hello there"),
                             QStringLiteral("-s"), QStringLiteral("lxc.uts.name=inside"), QStringLiteral("busybox"),
                             QStringLiteral("--"), QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                             QStringLiteral("echo \"$GREETING from $(hostname)\"; exit 3")});
        EXPECT_CODE(ran, 3);
        QCOMPARE(ran.out, QByteArray("hello there from inside\n"));
        EXPECT_CODE(berthctl({QStringLiteral("info"), QStringLiteral("tty3")}), 4);
        // A bad key is refused before anything runs, and nothing is left.
        auto refused = berthctl({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--name"),
                                 QStringLiteral("tty3"), QStringLiteral("-s"), QStringLiteral("lxc.start.auto=maybe"),
                                 QStringLiteral("busybox"), QStringLiteral("--"), QStringLiteral("true")});
        QVERIFY2(refused.code != 0 && both(refused).contains(QLatin1String("lxc.start.auto")),
                 qPrintable(describe(refused)));
        EXPECT_CODE(berthctl({QStringLiteral("info"), QStringLiteral("tty3")}), 4);
        // A start that fails: --rm leaves nothing either (it never ran).
        auto failed =
            berthctl({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--name"), QStringLiteral("tty3"),
                      QStringLiteral("-s"),
                      QStringLiteral("lxc.mount.entry=/nonexistent-berth-source mnt none bind,create=dir 0 0"),
                      QStringLiteral("busybox"), QStringLiteral("--"), QStringLiteral("true")});
        QVERIFY2(failed.code != 0 && both(failed).contains(QLatin1String("nonexistent-berth-source")),
                 qPrintable(describe(failed)));
        EXPECT_CODE(berthctl({QStringLiteral("info"), QStringLiteral("tty3")}), 4);
    }

    // start NAME -- COMMAND runs COMMAND as the init for that run, as
    // lxc-start does; the next plain start runs the configured one again.
    void startWithCommand()
    {
        EXPECT_CODE(
            berthctl({QStringLiteral("create"), QStringLiteral("tty4"), QStringLiteral("-t"), QStringLiteral("busybox"),
                      QStringLiteral("--app"), QStringLiteral("--"), QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                      QStringLiteral("echo configured-$((2*3))")}),
            0);
        EXPECT_CODE(
            berthctl({QStringLiteral("start"), QStringLiteral("tty4"), QStringLiteral("--"), QStringLiteral("/bin/sh"),
                      QStringLiteral("-c"), QStringLiteral("echo override-$((6*7)); exit 6")}),
            0);
        auto first = berthctl({QStringLiteral("logs"), QStringLiteral("tty4"), QStringLiteral("-f")});
        EXPECT_CODE(first, 6);
        QVERIFY2(first.out.contains("override-42") && !first.out.contains("configured-6"), first.out.constData());
        EXPECT_CODE(berthctl({QStringLiteral("start"), QStringLiteral("tty4")}), 0);
        auto second = berthctl({QStringLiteral("logs"), QStringLiteral("tty4"), QStringLiteral("-f")});
        EXPECT_CODE(second, 0);
        QVERIFY2(second.out.contains("configured-6"), second.out.constData());
        EXPECT_CODE(berthctl({QStringLiteral("destroy"), QStringLiteral("tty4")}), 0);
    }
};

BERTH_SYSTEM_TEST_MAIN(TestRunTtySystem)
#include "test_run_tty_system.moc"
