// Pure pieces of the runtime: hosts file edits, the container environment,
// the config of new containers, and the state file.
#include "spec/container_spec.h"
#include "config/values.h"
#include "config/new_container_config.h"
#include "runtime/container_environment.h"
#include "runtime/etc_files.h"
#include "runtime/plan_builder.h"
#include "runtime/signal_taken.h"
#include "runtime/state_file.h"

#include <QtTest/QtTest>

#include <csignal>
#include <fstream>

#include <sys/syscall.h>

using namespace berth;

class TestRuntimePure : public QObject {
    Q_OBJECT

private slots:
    // lxc.idmap puts the container in a user namespace of its own (issue
    // #15): the monitor makes its rootfs mount unless it is shifted on
    // disk, /dev binds the host's nodes, lxc.init.uid/gid reach the init.
    void userNamespacePlan_data()
    {
        QTest::addColumn<QString>("extra");
        QTest::addColumn<bool>("ownUserns");
        QTest::addColumn<bool>("fromMonitor");
        QTest::addColumn<unsigned>("uid");
        QTest::newRow("privileged") << "" << false << false << 0U;
        QTest::newRow("privileged as a user") << "lxc.init.uid = 1000\n" << false << false << 1000U;
        QTest::newRow("mapped") << "lxc.idmap = u 0 1000000000 65536\nlxc.idmap = g 0 1000000000 65536\n"
                                << true << true << 0U;
        QTest::newRow("shifted") << "lxc.idmap = u 0 1000000000 65536\nlxc.idmap = g 0 1000000000 65536\n"
                                    "berth.rootfs.shifted = 1\nlxc.init.uid = 7\n"
                                 << true << false << 7U;
    }
    void userNamespacePlan()
    {
        QFETCH(QString, extra);
        QFETCH(bool, ownUserns);
        QFETCH(bool, fromMonitor);
        QFETCH(unsigned, uid);
        auto config = Config::parse("lxc.rootfs.path = dir:/var/lib/berth/containers/a/rootfs\n"
                                    "lxc.init.cmd = /sbin/init\n" +
                                    extra.toStdString());
        QVERIFY(config);
        auto spec = ContainerSpec::fromConfig(*config);
        QVERIFY2(spec, spec ? "" : spec.error().message.c_str());
        auto plan = runtime::buildLaunchPlan(EngineSettings{}, *spec, {}, cgroup::Layout{});
        QVERIFY2(plan, plan ? "" : plan.error().message.c_str());
        QCOMPARE(plan->ownUserNamespace(), ownUserns);
        QCOMPARE(plan->rootfsFromMonitor(), fromMonitor);
        QCOMPARE(plan->dev.bindHostNodes, ownUserns);
        QCOMPARE(plan->idMap, spec->idMap);
        QCOMPARE(plan->initIds.uid, uid);
    }

    void hostsFile_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::newRow("empty") << ""
                               << "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n127.0.1.1\tweb\n";
        QTest::newRow("no own line") << "127.0.0.1 localhost\n10.0.0.5 db\n"
                                     << "127.0.0.1 localhost\n10.0.0.5 db\n127.0.1.1\tweb\n";
        QTest::newRow("old name replaced") << "127.0.0.1 localhost\n127.0.1.1 old\n# note\n"
                                           << "127.0.0.1 localhost\n127.0.1.1\tweb\n# note\n";
        QTest::newRow("duplicates folded") << "127.0.1.1 a\n127.0.1.1 b\n"
                                           << "127.0.1.1\tweb\n";
        QTest::newRow("no final newline") << "127.0.0.1 localhost"
                                          << "127.0.0.1 localhost\n127.0.1.1\tweb\n";
    }

    void hostsFile()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        QCOMPARE(QString::fromStdString(runtime::updatedHosts(before.toStdString(), "web")), after);
    }

    void environmentLayers()
    {
        const auto env = runtime::containerEnvironment({"TERM=xterm", "LANG=C.UTF-8"}, {"LANG=de_DE.UTF-8", "X=1"});
        const std::vector<std::string> expected = {"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                                                   "TERM=xterm",
                                                   "HOME=/root",
                                                   "container=berth",
                                                   "LANG=de_DE.UTF-8",
                                                   "X=1"};
        QCOMPARE(env, expected);
        // Malformed entries never reach a process.
        const auto cleaned = runtime::containerEnvironment({"=oops", "NOEQUALS"}, {});
        QCOMPARE(cleaned.size(), size_t(4));
    }

    void quotedArgumentsSplitBack_data()
    {
        QTest::addColumn<QStringList>("argv");
        QTest::newRow("plain") << QStringList{"/bin/echo", "hello"};
        QTest::newRow("spaces") << QStringList{"sh", "-c", "echo a b; exit 3"};
        QTest::newRow("quotes") << QStringList{"printf", "it's \"quoted\"\n"};
        QTest::newRow("empty argument") << QStringList{"echo", "", "x"};
        QTest::newRow("specials") << QStringList{"sh", "-c", "echo $HOME `id` \\ # not a comment"};
    }

    void quotedArgumentsSplitBack()
    {
        QFETCH(QStringList, argv);
        std::string line;
        std::vector<std::string> expected;
        for (const QString& arg : argv) {
            expected.push_back(arg.toStdString());
            line += (line.empty() ? "" : " ") + quoteArgument(arg.toStdString());
        }
        auto split = splitCommandLine(line);
        QVERIFY2(split, line.c_str());
        QCOMPARE(*split, expected);
    }

    void newContainerConfigIsValid_data()
    {
        QTest::addColumn<bool>("application");
        QTest::newRow("system") << false;
        QTest::newRow("application") << true;
    }

    void newContainerConfigIsValid()
    {
        QFETCH(bool, application);
        CreateRequest request{.name = "box",
                              .kind = application ? ContainerKind::Application : ContainerKind::System,
                              .command = {"sh", "-c", "echo 'hi there'"}};
        auto config = Config::parse(newContainerConfig(request, "/var/lib/berth/containers/box/rootfs"));
        QVERIFY(config);
        auto spec = ContainerSpec::fromConfig(*config);
        QVERIFY2(spec, spec ? "" : spec.error().describe().c_str());
        QCOMPARE(spec->hostname, std::string("box"));
        QCOMPARE(spec->rootfs, std::filesystem::path("/var/lib/berth/containers/box/rootfs"));
        QCOMPARE(spec->kind, request.kind);
        if (application)
            QCOMPARE(spec->command, request.command);
        else
            QCOMPARE(spec->command, std::vector<std::string>{"/sbin/init"});
        QCOMPARE(spec->ttyMax, application ? 0u : kSystemContainerTtys);
    }

    // A new container's config holds only keys Berth reads: no warning (issue #19).
    void newContainerConfigHasNoWarnings_data()
    {
        QTest::addColumn<bool>("application");
        QTest::addColumn<QString>("network");
        QTest::newRow("system, no network") << false << "";
        QTest::newRow("system on a bridge") << false << "berth0";
        QTest::newRow("application on a bridge") << true << "berth0";
    }
    void newContainerConfigHasNoWarnings()
    {
        QFETCH(bool, application);
        QFETCH(QString, network);
        CreateRequest request{
            .name = "box", .kind = application ? ContainerKind::Application : ContainerKind::System, .command = {"sh"}};
        request.network = network.toStdString();
        auto config = Config::parse(newContainerConfig(request, "/var/lib/berth/containers/box/rootfs"));
        QVERIFY(config);
        auto spec = ContainerSpec::fromConfig(*config);
        QVERIFY2(spec, spec ? "" : spec.error().describe().c_str());
        QVERIFY2(spec->warnings.empty(), spec->warnings.empty() ? "" : spec->warnings.front().c_str());
    }

    void stateFileRoundTrip()
    {
        QTemporaryDir dir;
        const std::filesystem::path file = dir.filePath("state").toStdString();
        runtime::RecordedState state;
        state.state = RunState::Running;
        state.initPid = 4242;
        state.monitorPid = 4241;
        state.startedAt = 1764000000;
        state.lastExit = ExitStatus{0, 15};
        state.lastError = "did not halt in time; killed";
        state.cgroupProcsFiles = {"/sys/fs/cgroup/pids/berth/box/cgroup.procs"};
        QVERIFY(runtime::writeState(file, state));
        auto read = runtime::readState(file);
        QVERIFY(read);
        QCOMPARE(read->state, RunState::Running);
        QCOMPARE(read->initPid, 4242);
        QCOMPARE(read->monitorPid, 4241);
        QCOMPARE(read->startedAt, std::int64_t(1764000000));
        QVERIFY(read->lastExit);
        QCOMPARE(read->lastExit->signal, 15);
        QCOMPARE(read->lastExit->shellStatus(), 143);
        QCOMPARE(read->lastError, state.lastError);
        QCOMPARE(read->cgroupProcsFiles, state.cgroupProcsFiles);
    }

    void damagedOrMissingStateFile()
    {
        QTemporaryDir dir;
        const std::filesystem::path file = dir.filePath("state").toStdString();
        auto missing = runtime::readState(file);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ENOENT);
        std::ofstream(file) << "{\"state\": \"running\", \"init_pid\": ";
        auto damaged = runtime::readState(file);
        QVERIFY(!damaged);
        QCOMPARE(damaged.error().code, EINVAL);
    }

    // A namespace's init takes a halt signal it blocks (systemd's
    // signalfd), catches (a shell's trap) or sleeps in sigtimedwait for
    // (busybox init, berth-init); not one it ignores or leaves at its
    // default, which the kernel drops.
    void haltSignalTaken_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("syscall");
        QTest::addColumn<int>("signal");
        QTest::addColumn<bool>("taken");
        const QString starting = "Name:\tinit\nSigQ:\t0/3841\nSigPnd:\t0000000000000000\n"
                                 "ShdPnd:\t0000000000000000\nSigBlk:\t0000000000000000\n"
                                 "SigIgn:\t0000000000000000\nSigCgt:\t0000000000000000\n";
        const auto with = [&](const char* field, const char* mask) {
            return QString(starting).replace(QString(field) + ":\t0000000000000000", QString(field) + ":\t" + mask);
        };
        const QString waiting =
            QString::number(SYS_rt_sigtimedwait) + " 0x7ffc1 0x0 0x7ffc2 0x8 0x0 0x0 0x7ffc3 0x7f1\n";
        const QString inWait4 = QString::number(SYS_wait4) + " 0xffffffff 0x7ffc1 0x0 0x0 0x0 0x0 0x7ffc3 0x7f1\n";
        // SIGPWR (30) is bit 29; SIGRTMIN+3 (37, systemd's halt) bit 36.
        QTest::newRow("starting") << starting << "running\n" << int(SIGPWR) << false;
        QTest::newRow("waiting for a child") << starting << inWait4 << int(SIGPWR) << false;
        QTest::newRow("blocked") << with("SigBlk", "0000000020000000") << inWait4 << int(SIGPWR) << true;
        QTest::newRow("caught") << with("SigCgt", "0000000020000000") << "running\n" << int(SIGPWR) << true;
        QTest::newRow("ignored") << with("SigIgn", "0000000020000000") << inWait4 << int(SIGPWR) << false;
        QTest::newRow("another caught") << with("SigCgt", "0000000000004000") << inWait4 << int(SIGPWR) << false;
        QTest::newRow("systemd") << with("SigBlk", "0000001000000000") << "running\n" << 37 << true;
        QTest::newRow("sigtimedwait") << starting << waiting << int(SIGPWR) << true;
        QTest::newRow("nothing read") << QString() << QString() << int(SIGPWR) << false;
    }

    void haltSignalTaken()
    {
        QFETCH(QString, status);
        QFETCH(QString, syscall);
        QFETCH(int, signal);
        QFETCH(bool, taken);
        QCOMPARE(runtime::initTakesSignal(status.toStdString(), syscall.toStdString(), signal), taken);
    }
};

QTEST_GUILESS_MAIN(TestRuntimePure)
#include "test_runtime_pure.moc"
