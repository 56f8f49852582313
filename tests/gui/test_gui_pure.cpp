// The GUI's pure parts, table-tested: actions by state, units, error texts.
#include "container_actions.h"
#include "error_text.h"
#include "figures.h"

#include <QtTest>

using namespace berth::gui;

class TestGuiPure : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void allowed_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<bool>("privileged");
        // start stop force freeze thaw destroy terminal clone export convert as 0/1
        QTest::addColumn<QString>("expected");
        QTest::newRow("none") << "" << false << "0000000000";
        QTest::newRow("stopped") << "stopped" << false << "1000010110";
        QTest::newRow("stopped privileged") << "stopped" << true << "1000010111";
        QTest::newRow("starting") << "starting" << false << "0010000000";
        QTest::newRow("running") << "running" << false << "0111001000";
        QTest::newRow("running privileged") << "running" << true << "0111001000";
        QTest::newRow("stopping") << "stopping" << false << "0010000000";
        QTest::newRow("frozen") << "frozen" << false << "0010100000";
        QTest::newRow("unknown") << "exploded" << false << "0000000000";
    }

    void allowed()
    {
        QFETCH(QString, state);
        QFETCH(bool, privileged);
        QFETCH(QString, expected);
        const auto known = berth::model::parseRunState(state.toStdString());
        const AllowedActions a = allowedActions(known, privileged);
        QString got;
        for (bool on :
             {a.start, a.stop, a.forceStop, a.freeze, a.thaw, a.destroy, a.terminal, a.clone, a.exportTree, a.convert})
            got += on ? QLatin1Char('1') : QLatin1Char('0');
        QCOMPARE(got, expected);
    }

    void bytes_data()
    {
        QTest::addColumn<quint64>("bytes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("0") << quint64(0) << "0 B";
        QTest::newRow("1023") << quint64(1023) << "1023 B";
        QTest::newRow("1 KiB") << quint64(1024) << "1 KiB";
        QTest::newRow("1.5 KiB") << quint64(1536) << "1.5 KiB";
        QTest::newRow("256 MiB") << quint64(268435456) << "256 MiB";
        QTest::newRow("150.5 MiB drops the decimal") << quint64(157810688) << "151 MiB";
        QTest::newRow("2 GiB") << quint64(2147483648ULL) << "2 GiB";
        QTest::newRow("max") << std::numeric_limits<quint64>::max() << "16384 PiB";
    }

    void bytes()
    {
        QFETCH(quint64, bytes);
        QFETCH(QString, expected);
        QCOMPARE(formatBytes(bytes), expected);
    }

    void duration_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("expected");
        QTest::newRow("negative") << qint64(-5) << "0 s";
        QTest::newRow("45 s") << qint64(45) << "45 s";
        QTest::newRow("12 min") << qint64(12 * 60 + 59) << "12 min";
        QTest::newRow("3 h 05 min") << qint64(3 * 3600 + 5 * 60) << "3 h 05 min";
        QTest::newRow("2 d 4 h") << qint64(2 * 86400 + 4 * 3600 + 10) << "2 d 4 h";
    }

    void duration()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, expected);
        QCOMPARE(formatDuration(seconds), expected);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not authorized") << "org.berth.Error.NotAuthorized"
                                        << "You are not allowed to start 'a'.";
        // Issue #17: the helper's reason, e.g. why exec could not join the container's cgroup.
        QTest::newRow("busy") << "org.berth.Error.Busy"
                              << "Could not start 'a': the reason";
        QTest::newRow("failed") << "org.berth.Error.Failed"
                                << "Could not start 'a': the reason";
        QTest::newRow("no helper") << "org.freedesktop.DBus.Error.ServiceUnknown"
                                   << "Could not start 'a': the Berth helper service cannot be reached.";
    }

    void errors()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        const auto error = berth::client::clientError(name, QStringLiteral("the reason"));
        QCOMPARE(errorText(error, QStringLiteral("start 'a'")), expected);
    }

    // Busy with no reason given: the general sentence.
    void busyWithoutReason()
    {
        const auto error = berth::client::clientError(QStringLiteral("org.berth.Error.Busy"), QString());
        QCOMPARE(
            errorText(error, QStringLiteral("start 'a'")),
            QStringLiteral("Could not start 'a': another operation on it is still running. Try again in a moment."));
    }

    // Issue #19: the real cause, said once. Messages as the helper sends them.
    void errorsSayTheCauseOnce_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("expected");
        // It reached the user as "it does not exist (any more)".
        QTest::newRow("missing cgroups") << "org.berth.Error.NotFound"
                                         << "no cgroup hierarchy is mounted"
                                         << "start 'a'"
                                         << "Could not start 'a': no cgroup hierarchy is mounted";
        QTest::newRow("no reason") << "org.berth.Error.NotFound" << QString() << "start 'a'"
                                   << "Could not start 'a': it does not exist (any more).";
        // It read "create 'x': create 'x': cancelled".
        QTest::newRow("cancelled create") << "org.berth.Error.Failed"
                                          << "create 'x': cancelled"
                                          << "create 'x'"
                                          << "Could not create 'x': cancelled";
        QTest::newRow("other context kept") << "org.berth.Error.Failed"
                                            << "extract 'rootfs.tar': short read"
                                            << "create 'x'"
                                            << "Could not create 'x': extract 'rootfs.tar': short read";
        QTest::newRow("helper gone")
            << "org.berth.Client.HelperGone"
            << "the Berth helper stopped during the job"
            << "create 'x'"
            << "Could not create 'x': the Berth helper stopped before it was done. The list shows what is in force "
               "now; try again if it is not done (the helper starts again and removes what was left half-made).";
        // A plain call whose helper was killed before it answered: the bus's NoReply.
        QTest::newRow("helper left before replying")
            << "org.freedesktop.DBus.Error.NoReply"
            << "Message recipient disconnected from message bus without replying"
            << "start 'x'"
            << "Could not start 'x': the Berth helper stopped before it was done. The list shows what is in force "
               "now; try again if it is not done (the helper starts again and removes what was left half-made).";
    }

    void errorsSayTheCauseOnce()
    {
        QFETCH(QString, name);
        QFETCH(QString, message);
        QFETCH(QString, what);
        QFETCH(QString, expected);
        QCOMPARE(errorText(berth::client::clientError(name, message), what), expected);
    }

    // A refusal for host access shows the helper's reasons (issue #14, item 11).
    void hostRefusalNamesTheLine()
    {
        const auto error = berth::client::clientError(
            QStringLiteral("org.berth.Error.NotAuthorized"),
            QStringLiteral("not authorized: config:3: lxc.mount.entry mounts 'proc' (a kernel filesystem that reaches "
                           "the host) \u2014 needs an administrator (org.berth.host.bind-mount)"));
        QCOMPARE(
            errorText(error, QStringLiteral("save the config of 'a'")),
            QStringLiteral("You are not allowed to save the config of 'a': config:3: lxc.mount.entry mounts 'proc' "
                           "(a kernel filesystem that reaches the host) \u2014 needs an administrator "
                           "(org.berth.host.bind-mount)"));
    }
};

QTEST_MAIN(TestGuiPure)
#include "test_gui_pure.moc"
