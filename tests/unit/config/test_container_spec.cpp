#include "spec/container_spec.h"

#include <QtTest>

#include <cerrno>
#include <climits>

#include <sys/capability.h>
#include <sys/mount.h>

using namespace berth;

namespace {

const std::string kBase = "lxc.rootfs.path = dir:/var/lib/berth/containers/a/rootfs\n";

Result<ContainerSpec> specOf(const std::string& text)
{
    auto config = Config::parse(text);
    if (!config)
        return fail(config.error());
    return ContainerSpec::fromConfig(*config);
}

} // namespace

class TestContainerSpec : public QObject {
    Q_OBJECT
private slots:
    void defaults()
    {
        auto spec = specOf(kBase);
        QVERIFY2(spec, spec ? "" : spec.error().message.c_str());
        QCOMPARE(spec->rootfs, std::filesystem::path("/var/lib/berth/containers/a/rootfs"));
        QVERIFY(spec->kind == ContainerKind::System);
        QCOMPARE(spec->command, std::vector<std::string>{"/sbin/init"});
        QCOMPARE(spec->cwd, std::filesystem::path("/"));
        QVERIFY(spec->hostname.empty());
        QVERIFY(spec->mountAuto.proc == MountAuto::Proc::Mixed);
        QVERIFY(spec->mountAuto.sys == MountAuto::Sys::ReadOnly);
        QVERIFY(spec->mountAuto.cgroup == MountAuto::Cgroup::None);
        QCOMPARE(spec->consoleBufferSize, std::uint64_t(128 * 1024));
        QCOMPARE(spec->consoleLogSize, std::uint64_t(4 << 20));
        QVERIFY(spec->consoleLogRotate);
        QVERIFY(!spec->consoleLogfile);
        QCOMPARE(spec->haltSignal, SIGPWR);
        QVERIFY(!spec->haltSignalConfigured);
        QCOMPARE(spec->stopSignal, SIGKILL);
        QCOMPARE(spec->ttyMax, 0u);
        QCOMPARE(spec->ptyMax, 0u);
        QVERIFY(!spec->noNewPrivs); // a system container's setuid works (issue #17)
        QVERIFY(!spec->startAuto);
        QVERIFY(!spec->removeWhenStopped);
        QCOMPARE(spec->startOrder, 0);
        QCOMPARE(spec->startDelay, 0u);
        QVERIFY(spec->capDrop.empty());
        QVERIFY(!spec->capKeep);
        QVERIFY(spec->mounts.empty());
        QVERIFY(spec->environment.empty());
    }

    void fullConfig()
    {
        qputenv("BERTH_TEST_PASSED", "from-host");
        qunsetenv("BERTH_TEST_UNSET");
        auto spec = specOf("lxc.uts.name = web.example\n"
                           "lxc.rootfs.path = /srv/rootfs\n"
                           "lxc.net.0.type = veth\n"
                           "lxc.cgroup.memory.limit_in_bytes = 1G\n"
                           "lxc.apparmor.profile = unconfined\n"
                           "lxc.execute.cmd = /bin/sh -c 'echo hi'\n"
                           "lxc.init.cwd = /tmp\n"
                           "lxc.environment = PATH=/bin\n"
                           "lxc.environment = BERTH_TEST_PASSED\n"
                           "lxc.environment = BERTH_TEST_UNSET\n"
                           "lxc.environment = PATH=/usr/bin\n"
                           "lxc.mount.entry = /host/my\\040data data none bind,ro,create=dir,optional 0 0\n"
                           "lxc.mount.entry = tmpfs /run tmpfs nosuid,nodev,size=10m,mode=755,rprivate\n"
                           "lxc.mount.auto = proc:rw sys:mixed\n"
                           "lxc.mount.auto = cgroup-full:ro:force\n"
                           "lxc.cap.drop = sys_module SYS_TIME\n"
                           "lxc.cap.drop = CAP_MAC_ADMIN sys_module\n"
                           "lxc.console.size = 1M\n"
                           "lxc.console.buffer.size = auto\n"
                           "lxc.console.rotate = 0\n"
                           "lxc.console.logfile = /var/log/berth/a.log\n"
                           "lxc.start.auto = 1\n"
                           "berth.remove_when_stopped = 1\n"
                           "lxc.signal.halt = SIGRTMIN+3\n"
                           "lxc.signal.stop = TERM\n"
                           "lxc.tty.max = 4\n"
                           "lxc.pty.max = 1024\n"
                           "lxc.no_new_privs = 0\n");
        QVERIFY2(spec, spec ? "" : spec.error().message.c_str());
        QCOMPARE(spec->hostname, std::string("web.example"));
        QCOMPARE(spec->rootfs, std::filesystem::path("/srv/rootfs"));
        QVERIFY(spec->kind == ContainerKind::Application);
        QCOMPARE(spec->command, (std::vector<std::string>{"/bin/sh", "-c", "echo hi"}));
        QCOMPARE(spec->cwd, std::filesystem::path("/tmp"));
        QCOMPARE(spec->environment, (std::vector<std::string>{"PATH=/usr/bin", "BERTH_TEST_PASSED=from-host"}));
        QCOMPARE(spec->mounts.size(), std::size_t(2));
        const MountEntry& data = spec->mounts[0];
        QCOMPARE(data.source, std::string("/host/my data"));
        QCOMPARE(data.target, std::filesystem::path("data"));
        QCOMPARE(data.flags, MS_BIND | MS_RDONLY);
        QVERIFY(data.optional);
        QVERIFY(data.create == MountEntry::Create::Dir);
        QCOMPARE(data.where, std::string("config:12"));
        const MountEntry& run = spec->mounts[1];
        QCOMPARE(run.target, std::filesystem::path("run"));
        QCOMPARE(run.fstype, std::string("tmpfs"));
        QCOMPARE(run.flags, MS_NOSUID | MS_NODEV);
        QCOMPARE(run.propagation, MS_PRIVATE | MS_REC);
        QCOMPARE(run.data, std::string("size=10m,mode=755"));
        QVERIFY(spec->mountAuto.proc == MountAuto::Proc::ReadWrite);
        QVERIFY(spec->mountAuto.sys == MountAuto::Sys::Mixed);
        QVERIFY(spec->mountAuto.cgroup == MountAuto::Cgroup::ReadOnly);
        QVERIFY(spec->mountAuto.cgroupFull);
        QVERIFY(spec->mountAuto.cgroupForce);
        QCOMPARE(spec->capDrop, (std::vector<int>{CAP_SYS_MODULE, CAP_SYS_TIME, CAP_MAC_ADMIN}));
        QCOMPARE(spec->consoleLogSize, std::uint64_t(1 << 20));
        QCOMPARE(spec->consoleBufferSize, std::uint64_t(128 * 1024));
        QVERIFY(!spec->consoleLogRotate);
        QCOMPARE(spec->consoleLogfile.value(), std::filesystem::path("/var/log/berth/a.log"));
        QVERIFY(spec->startAuto);
        QVERIFY(spec->removeWhenStopped);
        QCOMPARE(spec->haltSignal, SIGRTMIN + 3);
        QVERIFY(spec->haltSignalConfigured);
        QCOMPARE(spec->stopSignal, SIGTERM);
        QCOMPARE(spec->ttyMax, 4u);
        QCOMPARE(spec->ptyMax, 1024u);
        QVERIFY(!spec->noNewPrivs);
    }

    // LXC's units for lxc.console.size: auto is 128 KiB, less than a page a page.
    void consoleLogSize_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<quint64>("bytes");
        QTest::newRow("auto") << "auto" << quint64(128 * 1024);
        QTest::newRow("K") << "64K" << quint64(64 * 1024);
        QTest::newRow("KB") << "2KB" << quint64(4096);
        QTest::newRow("MiB") << "8MiB" << quint64(8 << 20);
        QTest::newRow("G") << "1G" << (quint64(1) << 30);
        QTest::newRow("zero") << "0" << quint64(4096);
        QTest::newRow("bytes") << "10000" << quint64(10000);
    }

    void consoleLogSize()
    {
        QFETCH(QString, value);
        QFETCH(quint64, bytes);
        auto spec = specOf(kBase + "lxc.console.size = " + value.toStdString() + "\n");
        QVERIFY2(spec, spec ? "" : spec.error().describe().c_str());
        QCOMPARE(quint64(spec->consoleLogSize), bytes);
    }

    void kinds_data()
    {
        QTest::addColumn<QString>("extra");
        QTest::addColumn<bool>("application");
        QTest::addColumn<QStringList>("command");
        QTest::newRow("default system") << "" << false << QStringList{"/sbin/init"};
        QTest::newRow("init.cmd") << "lxc.init.cmd = /sbin/init --log\n" << false << QStringList{"/sbin/init", "--log"};
        QTest::newRow("execute implies application") << "lxc.execute.cmd = /bin/true\n"
                                                     << true << QStringList{"/bin/true"};
        QTest::newRow("explicit system ignores execute") << "berth.kind = system\nlxc.execute.cmd = /bin/true\n"
                                                         << false << QStringList{"/sbin/init"};
        QTest::newRow("explicit application") << "berth.kind = application\nlxc.execute.cmd = \"/bin/echo\" a\n"
                                              << true << QStringList{"/bin/echo", "a"};
    }
    void kinds()
    {
        QFETCH(QString, extra);
        QFETCH(bool, application);
        QFETCH(QStringList, command);
        auto spec = specOf(kBase + extra.toStdString());
        QVERIFY2(spec, spec ? "" : spec.error().message.c_str());
        QCOMPARE(spec->kind == ContainerKind::Application, application);
        QStringList argv;
        for (const auto& a : spec->command)
            argv << QString::fromStdString(a);
        QCOMPARE(argv, command);
    }

    void capKeep()
    {
        auto none = specOf(kBase + "lxc.cap.keep = none\n");
        QVERIFY(none);
        QVERIFY(none->capKeep && none->capKeep->empty());
        auto some = specOf(kBase + "lxc.cap.keep = chown\nlxc.cap.keep = cap_kill Net_Bind_Service\n");
        QVERIFY2(some, some ? "" : some.error().message.c_str());
        QCOMPARE(some->capKeep.value(), (std::vector<int>{CAP_CHOWN, CAP_KILL, CAP_NET_BIND_SERVICE}));
        auto reset = specOf(kBase + "lxc.cap.keep = chown\nlxc.cap.keep = none kill\n");
        QVERIFY(reset);
        QCOMPARE(reset->capKeep.value(), std::vector<int>{CAP_KILL});
    }

    void mountAutoCleared()
    {
        auto spec = specOf(kBase + "lxc.mount.auto = proc:rw\nlxc.mount.auto =\n");
        QVERIFY(spec);
        QVERIFY(spec->mountAuto.proc == MountAuto::Proc::None);
        QVERIFY(spec->mountAuto.sys == MountAuto::Sys::None);
    }

    void mountTargets_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("expected"); // empty: an error
        QTest::newRow("absolute") << "/mnt/x"
                                  << "mnt/x";
        QTest::newRow("relative") << "mnt/x"
                                  << "mnt/x";
        QTest::newRow("double slash") << "//mnt//x/"
                                      << "mnt/x";
        QTest::newRow("dot dot inside") << "a/b/../c"
                                        << "a/c";
        QTest::newRow("escaped space") << "my\\040dir"
                                       << "my dir";
        QTest::newRow("climbs") << "../etc"
                                << "";
        QTest::newRow("climbs absolute") << "/../etc"
                                         << "";
        QTest::newRow("climbs later") << "a/../../etc"
                                      << "";
        QTest::newRow("root itself") << "/"
                                     << "";
        QTest::newRow("dot") << "."
                             << "";
    }
    void mountTargets()
    {
        QFETCH(QString, target);
        QFETCH(QString, expected);
        auto spec = specOf(kBase + "lxc.mount.entry = /src " + target.toStdString() + " none bind 0 0\n");
        QCOMPARE(spec.has_value(), !expected.isEmpty());
        if (spec)
            QCOMPARE(QString::fromStdString(spec->mounts.at(0).target.string()), expected);
        else
            QVERIFY2(spec.error().message.starts_with("config:2: lxc.mount.entry: target"),
                     spec.error().message.c_str());
    }

    void mountOptions()
    {
        auto spec = specOf(kBase + "lxc.mount.entry = /a b none rbind,ro,rw,noexec,relatime,create=file,relative,"
                                   "uid=5,rslave\n");
        QVERIFY2(spec, spec ? "" : spec.error().message.c_str());
        const MountEntry& m = spec->mounts.at(0);
        QCOMPARE(m.flags, MS_BIND | MS_REC | MS_NOEXEC | MS_RELATIME);
        QCOMPARE(m.propagation, MS_SLAVE | MS_REC);
        QVERIFY(m.create == MountEntry::Create::File);
        QVERIFY(m.relativeSource);
        QCOMPARE(m.data, std::string("uid=5"));
        QCOMPARE(m.dump, 0);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected"); // the message starts with this
        const QString base = QString::fromStdString(kBase);
        QTest::newRow("no rootfs") << "lxc.uts.name = a\n"
                                   << "config: lxc.rootfs.path is not set";
        QTest::newRow("rootfs relative") << "lxc.rootfs.path = rel/dir\n"
                                         << "config:1: lxc.rootfs.path: 'rel/dir' is not an absolute path";
        QTest::newRow("rootfs dotdot") << "lxc.rootfs.path = dir:/a/../b\n"
                                       << "config:1: lxc.rootfs.path: '/a/../b' contains '..'";
        QTest::newRow("rootfs type") << "lxc.rootfs.path = btrfs:/a\n"
                                     << "config:1: lxc.rootfs.path: rootfs type 'btrfs'";
        QTest::newRow("overlay with a relative upper") << "lxc.rootfs.path = overlay:/a:b\n"
                                                       << "config:1: lxc.rootfs.path:";
        QTest::newRow("hostname chars") << base + "lxc.uts.name = a_b\n"
                                        << "config:2: lxc.uts.name: 'a_b' may only contain";
        QTest::newRow("hostname empty label") << base + "lxc.uts.name = a..b\n"
                                              << "config:2: lxc.uts.name: 'a..b' has a label";
        QTest::newRow("hostname long label") << base + "lxc.uts.name = " + QString(64, 'a') + "\n"
                                             << "config:2: lxc.uts.name: '" + QString(64, 'a') + "' has a label";
        QTest::newRow("hostname too long")
            << base + "lxc.uts.name = " + QString(40, 'a') + "." + QString(30, 'b') + "\n"
            << "config:2: lxc.uts.name: '" + QString(40, 'a') + "." + QString(30, 'b') + "' is longer than 64";
        QTest::newRow("kind") << base + "berth.kind = vm\n"
                              << "config:2: berth.kind: 'vm' is not 'system' or 'application'";
        QTest::newRow("application without cmd")
            << base + "berth.kind = application\n"
            << "config:2: berth.kind: lxc.execute.cmd is required for an application container";
        QTest::newRow("unterminated quote") << base + "lxc.init.cmd = /bin/sh -c 'x\n"
                                            << "config:2: lxc.init.cmd: unterminated single quote";
        QTest::newRow("empty command") << base + "lxc.execute.cmd = '' x\n"
                                       << "config:2: lxc.execute.cmd: the command is empty";
        QTest::newRow("cwd relative") << base + "lxc.init.cwd = tmp\n"
                                      << "config:2: lxc.init.cwd: 'tmp' is not an absolute path";
        QTest::newRow("env name") << base + "lxc.environment = 1A=x\n"
                                  << "config:2: lxc.environment: '1A' is not a valid variable name";
        QTest::newRow("env name dash") << base + "lxc.environment = A-B=x\n"
                                       << "config:2: lxc.environment: 'A-B' is not";
        QTest::newRow("env empty name") << base + "lxc.environment = =x\n"
                                        << "config:2: lxc.environment: '' is not";
        QTest::newRow("mount fields") << base + "\nlxc.mount.entry = /a b\n"
                                      << "config:3: lxc.mount.entry: '/a b' is not 'source target fstype options";
        QTest::newRow("mount create") << base + "lxc.mount.entry = /a b none bind,create=link\n"
                                      << "config:2: lxc.mount.entry: mount option 'create=link'";
        QTest::newRow("mount escape") << base + "lxc.mount.entry = /a b\\000 none bind\n"
                                      << "config:2: lxc.mount.entry: '\\000'";
        QTest::newRow("mount dump") << base + "lxc.mount.entry = /a b none bind x\n"
                                    << "config:2: lxc.mount.entry: dump: 'x' is not a number";
        QTest::newRow("mount auto word") << base + "lxc.mount.auto = proc:mixed dev\n"
                                         << "config:2: lxc.mount.auto: 'dev' is not a known";
        QTest::newRow("mount auto proc ro") << base + "lxc.mount.auto = proc:ro\n"
                                            << "config:2: lxc.mount.auto: 'proc:ro' is not a known";
        QTest::newRow("mount auto cgroup") << base + "lxc.mount.auto = cgroup:bad\n"
                                           << "config:2: lxc.mount.auto: 'cgroup:bad': unknown cgroup mode 'bad'";
        QTest::newRow("mount auto cgroupx") << base + "lxc.mount.auto = cgroupx\n"
                                            << "config:2: lxc.mount.auto: 'cgroupx' is not a known";
        QTest::newRow("cap unknown") << base + "lxc.cap.drop = sys_admin sys_bogus\n"
                                     << "config:2: lxc.cap.drop: 'sys_bogus' is not a capability";
        QTest::newRow("cap keep unknown") << base + "lxc.cap.keep = CAP_\n"
                                          << "config:2: lxc.cap.keep: 'CAP_' is not a capability";
        QTest::newRow("cap number") << base + "lxc.cap.drop = 999\n"
                                    << "config:2: lxc.cap.drop: capability: '999' is out of range";
        QTest::newRow("cap both") << base + "lxc.cap.drop = sys_time\nlxc.cap.keep = chown\n"
                                  << "config:3: lxc.cap.keep: cannot be used together with lxc.cap.drop (config:2)";
        QTest::newRow("console size") << base + "\n\n\n\n\nlxc.console.size = abc\n"
                                      << "config:7: lxc.console.size: 'abc' is not a size";
        QTest::newRow("console size huge") << base + "lxc.console.size = 2G\n"
                                           << "config:2: lxc.console.size: '2G' is larger than 1 GiB";
        QTest::newRow("console rotate") << base + "lxc.console.rotate = yes\n"
                                        << "config:2: lxc.console.rotate: 'yes' is not a boolean (0 or 1)";
        QTest::newRow("console logfile") << base + "lxc.console.logfile = log.txt\n"
                                         << "config:2: lxc.console.logfile: 'log.txt' is not an absolute path";
        QTest::newRow("start auto") << base + "lxc.start.auto = yes\n"
                                    << "config:2: lxc.start.auto: 'yes' is not a boolean";
        QTest::newRow("remove when stopped") << base + "berth.remove_when_stopped = yes\n"
                                             << "config:2: berth.remove_when_stopped: 'yes' is not a boolean";
        QTest::newRow("start order word") << base + "lxc.start.order = first\n"
                                          << "config:2: lxc.start.order: 'first' is not an integer";
        QTest::newRow("start order plus") << base + "lxc.start.order = +1\n"
                                          << "config:2: lxc.start.order: '+1' is not an integer";
        QTest::newRow("start order minus only") << base + "lxc.start.order = -\n"
                                                << "config:2: lxc.start.order: '-' is not an integer";
        QTest::newRow("start order huge") << base + "lxc.start.order = 2147483648\n"
                                          << "config:2: lxc.start.order: '2147483648' is out of range";
        QTest::newRow("start delay negative") << base + "lxc.start.delay = -1\n"
                                              << "config:2: lxc.start.delay: '-1' is not a number";
        QTest::newRow("start delay unit") << base + "lxc.start.delay = 5s\n"
                                          << "config:2: lxc.start.delay: '5s' is not a number";
        QTest::newRow("start delay long") << base + "lxc.start.delay = 3601\n"
                                          << "config:2: lxc.start.delay: '3601' is out of range 0..3600";
        QTest::newRow("no new privs") << base + "lxc.no_new_privs = 2\n"
                                      << "config:2: lxc.no_new_privs: '2' is not a boolean";
        QTest::newRow("halt signal") << base + "lxc.signal.halt = SIGNOPE\n"
                                     << "config:2: lxc.signal.halt: 'SIGNOPE' is not a signal";
        QTest::newRow("stop signal range") << base + "lxc.signal.stop = 0\n"
                                           << "config:2: lxc.signal.stop: signal: '0' is out of range";
        QTest::newRow("tty max") << base + "lxc.tty.max = 65\n"
                                 << "config:2: lxc.tty.max: '65' is out of range 0..64";
        QTest::newRow("pty max") << base + "lxc.pty.max = 65537\n"
                                 << "config:2: lxc.pty.max: '65537' is out of range 0..65536";
        QTest::newRow("pty max word") << base + "lxc.pty.max = many\n"
                                      << "config:2: lxc.pty.max: 'many' is not a number";
        QTest::newRow("last value counts") << base + "lxc.tty.max = 1\nlxc.tty.max = x\n"
                                           << "config:3: lxc.tty.max: 'x' is not a number";
    }
    void errors()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        auto spec = specOf(text.toStdString());
        QVERIFY(!spec);
        QVERIFY2(QString::fromStdString(spec.error().message).startsWith(expected), spec.error().message.c_str());
        QVERIFY(spec.error().code != 0);
        QVERIFY(!spec.error().context.empty());
    }

    // lxc.start.order is a signed int (LXC's lxc_safe_int), the delay whole seconds.
    void startOrderAndDelay_data()
    {
        QTest::addColumn<QString>("extra");
        QTest::addColumn<bool>("autostart");
        QTest::addColumn<int>("order");
        QTest::addColumn<uint>("delay");
        QTest::newRow("unset") << "" << false << 0 << 0u;
        QTest::newRow("all three") << "lxc.start.auto = 1\nlxc.start.order = 20\nlxc.start.delay = 5\n"
                                   << true << 20 << 5u;
        QTest::newRow("negative order") << "lxc.start.order = -3\n" << false << -3 << 0u;
        QTest::newRow("int bounds") << "lxc.start.order = -2147483648\nlxc.start.delay = 3600\n"
                                    << false << INT_MIN << 3600u;
        QTest::newRow("empty values") << "lxc.start.order =\nlxc.start.delay =\n" << false << 0 << 0u;
        QTest::newRow("last value counts") << "lxc.start.order = 1\nlxc.start.order = 2\n" << false << 2 << 0u;
    }
    void startOrderAndDelay()
    {
        QFETCH(QString, extra);
        auto spec = specOf(kBase + extra.toStdString());
        QVERIFY2(spec, spec ? "" : spec.error().message.c_str());
        QTEST(spec->startAuto, "autostart");
        QTEST(spec->startOrder, "order");
        QTEST(spec->startDelay, "delay");
    }

    // Issue #15: setuid inside an unprivileged system container reaches
    // only its own IDs, and sudo/su under its systemd need it; issue #17:
    // privileged system containers too (an administrator's only);
    // application containers keep no_new_privs; the key wins.
    void noNewPrivsDefault_data()
    {
        const QString map = "lxc.idmap = u 0 1000000000 65536\nlxc.idmap = g 0 1000000000 65536\n";
        const QString app = "lxc.execute.cmd = /bin/true\n";
        QTest::addColumn<QString>("lines");
        QTest::addColumn<bool>("noNewPrivs");
        QTest::newRow("privileged system") << "" << false;
        QTest::newRow("privileged system, key on") << "lxc.no_new_privs = 1\n" << true;
        QTest::newRow("unprivileged system") << map << false;
        QTest::newRow("unprivileged system, key on") << map + "lxc.no_new_privs = 1\n" << true;
        QTest::newRow("privileged application") << app << true;
        QTest::newRow("unprivileged application") << app + map << true;
        QTest::newRow("unprivileged application, key off") << app + map + "lxc.no_new_privs = 0\n" << false;
    }

    void noNewPrivsDefault()
    {
        QFETCH(QString, lines);
        auto spec = specOf(kBase + lines.toStdString());
        QVERIFY2(spec, spec ? "" : spec.error().message.c_str());
        QTEST(spec->noNewPrivs, "noNewPrivs");
    }

    void unknownKeysIgnored()
    {
        auto spec = specOf(kBase + "lxc.net.0.type = veth\nlxc.net.0.link = br0\n"
                                   "lxc.apparmor.profile = x\nberth.future.key = ?\n");
        QVERIFY2(spec, spec ? "" : spec.error().message.c_str());
    }

    // Confinement keys Berth does not apply: refused naming the line, or
    // kept with a warning naming the line (issue #14, item 9).
    void unappliedKeys_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("refused");
        QTest::addColumn<int>("warnings");
        QTest::addColumn<QString>("says");
        QTest::newRow("half an idmap") << "lxc.idmap = u 0 100000 65536" << true << 0 << "no group IDs are mapped";
        QTest::newRow("idmap cleared") << "lxc.idmap =" << false << 0 << "";
        QTest::newRow("namespace keep") << "lxc.namespace.keep = net" << true << 0 << "namespaces";
        QTest::newRow("namespace share") << "lxc.namespace.share.net = 1" << true << 0 << "namespaces";
        QTest::newRow("namespace clone") << "lxc.namespace.clone = user" << true << 0 << "namespaces";
        QTest::newRow("apparmor unconfined") << "lxc.apparmor.profile = unconfined" << false << 0 << "";
        QTest::newRow("apparmor profile") << "lxc.apparmor.profile = lxc-container-default" << false << 1 << "AppArmor";
        QTest::newRow("apparmor generated") << "lxc.apparmor.profile = generated" << false << 1 << "AppArmor";
        QTest::newRow("apparmor nesting") << "lxc.apparmor.allow_nesting = 1" << false << 1 << "AppArmor";
        QTest::newRow("selinux") << "lxc.selinux.context = system_u:system_r:lxc_t:s0" << false << 1 << "SELinux";
        QTest::newRow("seccomp profile") << "lxc.seccomp.profile = /etc/strict.seccomp" << false << 1 << "seccomp";
        QTest::newRow("seccomp nesting") << "lxc.seccomp.allow_nesting = 1" << false << 1 << "seccomp";
        QTest::newRow("init uid") << "lxc.init.uid = 1000" << false << 0 << ""; // applied (issue #15)
        QTest::newRow("init gid") << "lxc.init.gid = 1000" << false << 0 << "";
        QTest::newRow("init uid not a number") << "lxc.init.uid = app" << true << 0 << "";
        QTest::newRow("init groups") << "lxc.init.groups = 10,20" << false << 0 << "";
        QTest::newRow("init groups not numbers") << "lxc.init.groups = 10,wheel" << true << 0 << "";
        QTest::newRow("prlimit") << "lxc.prlimit.nproc = 100" << false << 1 << "prlimit";
        QTest::newRow("rootfs ro") << "lxc.rootfs.options = ro" << false << 0 << "";
        QTest::newRow("rootfs nodev") << "lxc.rootfs.options = ro,nodev,idmap=container" << false << 2
                                      << "is not applied (only 'ro' is)";
        QTest::newRow("no_new_privs") << "lxc.no_new_privs = 0" << false << 0 << ""; // applied
        QTest::newRow("unknown key") << "berth.future.key = ?" << false << 1 << "Berth does not know this key";
        QTest::newRow("hook") << "lxc.hook.pre-start = /bin/true" << false << 1 << "hooks";
        QTest::newRow("fstab") << "lxc.mount.fstab = /etc/fstab.old" << false << 1 << "lxc.mount.entry";
        QTest::newRow("log level") << "lxc.log.level = 1" << false << 1 << "its own log";
        QTest::newRow("autodev on") << "lxc.autodev = 1" << false << 0 << "";
        QTest::newRow("autodev off") << "lxc.autodev = 0" << false << 1 << "/dev";
        QTest::newRow("arch linux64") << "lxc.arch = linux64" << false << 0 << "";
        QTest::newRow("arch other") << "lxc.arch = s390x-not-this-host" << false << 1 << "architecture";
        QTest::newRow("rootfs mount") << "lxc.rootfs.mount = /usr/lib/lxc/rootfs" << false << 1 << "rootfs";
        QTest::newRow("reboot signal") << "lxc.signal.reboot = SIGTERM" << false << 1 << "reboot";
    }
    void unappliedKeys()
    {
        QFETCH(QString, line);
        QFETCH(bool, refused);
        QFETCH(int, warnings);
        QFETCH(QString, says);
        const std::string key = line.section(QLatin1Char(' '), 0, 0).toStdString();
        auto spec = specOf(kBase + "lxc.uts.name = a\n" + line.toStdString() + "\n");
        QCOMPARE(!spec, refused);
        if (refused) {
            const QString message = QString::fromStdString(spec.error().message);
            QVERIFY2(message.startsWith(QStringLiteral("config:3: ") + QString::fromStdString(key)),
                     qPrintable(message));
            QVERIFY2(message.contains(says), qPrintable(message));
            QCOMPARE(spec.error().code, EINVAL);
            return;
        }
        QCOMPARE(int(spec->warnings.size()), warnings);
        for (const std::string& warning : spec->warnings) {
            QVERIFY2(warning.starts_with("config:3: " + key), warning.c_str());
            QVERIFY2(QString::fromStdString(warning).contains(says), warning.c_str());
        }
    }

    // A key Berth does not know (a typo) is kept with a warning naming its
    // line, key and value; no key Berth reads is warned about (issue #19).
    void unknownKeys_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("unknown");
        QTest::newRow("lxc.foo") << "lxc.foo = x" << true;
        QTest::newRow("typo in a key Berth reads") << "lxc.uts.nmae = a" << true;
        QTest::newRow("typo in a family") << "lxc.start.autoo = 1" << true;
        QTest::newRow("berth typo") << "berth.privilged = 1" << true;
        QTest::newRow("empty value") << "lxc.foo =" << true;
        QTest::newRow("not an lxc key") << "foo = bar" << true;
        QTest::newRow("LXC 2 name") << "lxc.utsname = a" << true;
        QTest::newRow("LXC 2 console") << "lxc.console = none" << true;
        QTest::newRow("rootfs path") << "lxc.rootfs.path = dir:/var/lib/berth/containers/a/rootfs" << false;
        QTest::newRow("rootfs options") << "lxc.rootfs.options = ro" << false;
        QTest::newRow("uts name") << "lxc.uts.name = b" << false;
        QTest::newRow("init cmd") << "lxc.init.cmd = /sbin/init" << false;
        QTest::newRow("execute cmd") << "lxc.execute.cmd = /bin/sh" << false;
        QTest::newRow("init cwd") << "lxc.init.cwd = /srv" << false;
        QTest::newRow("init uid") << "lxc.init.uid = 1" << false;
        QTest::newRow("init gid") << "lxc.init.gid = 1" << false;
        QTest::newRow("init groups") << "lxc.init.groups = 1" << false;
        QTest::newRow("environment") << "lxc.environment = A=1" << false;
        QTest::newRow("mount entry") << "lxc.mount.entry = tmpfs tmp tmpfs defaults 0 0" << false;
        QTest::newRow("mount auto") << "lxc.mount.auto = proc:mixed" << false;
        QTest::newRow("cap drop") << "lxc.cap.drop = sys_time" << false;
        QTest::newRow("cap keep") << "lxc.cap.keep = chown" << false;
        QTest::newRow("console size") << "lxc.console.size = 1M" << false;
        QTest::newRow("console buffer size") << "lxc.console.buffer.size = 1M" << false;
        QTest::newRow("console rotate") << "lxc.console.rotate = 1" << false;
        QTest::newRow("console logfile") << "lxc.console.logfile = /var/log/a.console" << false;
        QTest::newRow("tty max") << "lxc.tty.max = 1" << false;
        QTest::newRow("pty max") << "lxc.pty.max = 10" << false;
        QTest::newRow("start auto") << "lxc.start.auto = 1" << false;
        QTest::newRow("start order") << "lxc.start.order = 2" << false;
        QTest::newRow("start delay") << "lxc.start.delay = 3" << false;
        QTest::newRow("stop signal") << "lxc.signal.stop = SIGTERM" << false;
        QTest::newRow("halt signal") << "lxc.signal.halt = SIGRTMIN+3" << false;
        QTest::newRow("no_new_privs") << "lxc.no_new_privs = 1" << false;
        QTest::newRow("idmap cleared") << "lxc.idmap =" << false;
        QTest::newRow("net cleared") << "lxc.net =" << false;
        QTest::newRow("net type") << "lxc.net.0.type = empty" << false;
        QTest::newRow("cgroup2 limit") << "lxc.cgroup2.memory.max = 256M" << false;
        QTest::newRow("cgroup2 pids") << "lxc.cgroup2.pids.max = 100" << false;
        QTest::newRow("cgroup v1 limit") << "lxc.cgroup.memory.limit_in_bytes = 256M" << false;
        QTest::newRow("cgroup2 devices") << "lxc.cgroup2.devices.allow = c 1:3 rwm" << false;
        QTest::newRow("cgroup v1 devices") << "lxc.cgroup.devices.deny = a" << false;
        QTest::newRow("berth kind") << "berth.kind = system" << false;
        QTest::newRow("berth privileged") << "berth.privileged = 0" << false;
        QTest::newRow("berth remove") << "berth.remove_when_stopped = 1" << false;
        QTest::newRow("berth forward") << "berth.net.forward = tcp:8080:80" << false;
        QTest::newRow("berth template") << "berth.template = busybox" << false;
        QTest::newRow("berth imported") << "berth.imported-from = old" << false;
        QTest::newRow("berth cloned") << "berth.cloned-from = a" << false;
        QTest::newRow("berth image") << "berth.image.reference = docker.io/library/alpine" << false;
        QTest::newRow("apparmor (warned otherwise)") << "lxc.apparmor.profile = generated" << false;
        QTest::newRow("hook (warned otherwise)") << "lxc.hook.start = /bin/true" << false;
    }
    void unknownKeys()
    {
        QFETCH(QString, line);
        QFETCH(bool, unknown);
        const std::string key = line.section(QLatin1Char(' '), 0, 0).toStdString();
        auto spec = specOf(kBase + "lxc.uts.name = a\n" + line.toStdString() + "\n");
        QVERIFY2(spec, spec ? "" : spec.error().message.c_str());
        std::vector<std::string> unknownWarnings;
        for (const std::string& warning : spec->warnings)
            if (warning.contains("does not know"))
                unknownWarnings.push_back(warning);
        QCOMPARE(unknownWarnings.size(), std::size_t(unknown ? 1 : 0));
        if (unknown) {
            const std::string& warning = unknownWarnings.front();
            QVERIFY2(warning.starts_with("config:3: " + key + " = '"), warning.c_str());
            QVERIFY2(warning.ends_with("it is kept but not applied") || warning.contains("lxc-update-config"),
                     warning.c_str());
        }
    }

    // lxc.init.uid / lxc.init.gid are applied: the init runs as them (issue #15).
    void initIds()
    {
        auto spec = specOf(kBase + "lxc.init.uid = 1000\nlxc.init.gid = 100\n");
        QVERIFY2(spec, spec ? "" : spec.error().message.c_str());
        QCOMPARE(spec->initUid, 1000U);
        QCOMPARE(spec->initGid, 100U);
        auto root = specOf(kBase);
        QVERIFY(root);
        QCOMPARE(root->initUid, 0U);
        QCOMPARE(root->initGid, 0U);
        QVERIFY(!specOf(kBase + "lxc.init.gid = 4294967295\n"));
        auto groups = specOf(kBase + "lxc.init.groups = 10,20\nlxc.init.groups = 30\n");
        QVERIFY(groups);
        QCOMPARE(groups->initGroups, (std::vector<std::uint32_t>{10, 20, 30}));
    }

    // Snapshot clones (issue #5): the merged view is the rootfs.
    void overlayRootfs()
    {
        auto spec = specOf("lxc.rootfs.path = overlay:/var/lib/berth/containers/a/rootfs:"
                           "/var/lib/berth/containers/b/delta\n");
        QVERIFY2(spec, spec ? "" : spec.error().message.c_str());
        QVERIFY(spec->overlay);
        QCOMPARE(spec->rootfs, std::filesystem::path("/var/lib/berth/containers/b/rootfs"));
        QCOMPARE(spec->overlay->lowers.front(), std::filesystem::path("/var/lib/berth/containers/a/rootfs"));
        QCOMPARE(spec->overlay->upper, std::filesystem::path("/var/lib/berth/containers/b/delta"));
    }

    // Cgroup keys are known now (issue #3): translated into the spec's limits,
    // and a bad value is an error like any other known key's.
    void cgroupKeysBecomeLimits()
    {
        auto spec = specOf(kBase + "lxc.cgroup2.memory.max = 64M\nlxc.cgroup.pids.max = 30\n");
        QVERIFY2(spec, spec ? "" : spec.error().message.c_str());
        QCOMPARE(spec->limits.memoryMax, std::optional<std::uint64_t>(64ull << 20));
        QCOMPARE(spec->limits.pidsMax, std::optional<std::uint64_t>(30));
        auto bad = specOf(kBase + "lxc.cgroup2.memory.max = bogus\n");
        QVERIFY(!bad);
        QVERIFY2(bad.error().message.find("lxc.cgroup2.memory.max") != std::string::npos, bad.error().message.c_str());
    }

    void earlierInvalidValueOverridden()
    {
        auto spec = specOf(kBase + "lxc.tty.max = x\nlxc.tty.max = 2\n");
        QVERIFY(spec);
        QCOMPARE(spec->ttyMax, 2u);
    }
};

QTEST_GUILESS_MAIN(TestContainerSpec)
#include "test_container_spec.moc"
