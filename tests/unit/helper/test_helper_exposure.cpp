// Which configs reach into the host (and need org.berth.host.bind-mount).
#include "host_exposure.h"

#include <QtTest>

using namespace berth;
using namespace berth::helper;

namespace {

const std::string kRootfs = "lxc.rootfs.path = dir:/var/lib/berth/containers/a/rootfs\n";
const std::optional<std::string> kCurrentRootfs = "dir:/var/lib/berth/containers/a/rootfs";

// The exposures of `lxc.mount.auto = VALUE` (line 2) followed by `more`.
HostReasons mountAutoExposures(const std::string& value, const std::string& more)
{
    auto config = Config::parse(kRootfs + "lxc.mount.auto = " + value + "\n" + more);
    auto spec = config ? ContainerSpec::fromConfig(*config) : Result<ContainerSpec>(fail(config.error()));
    if (!spec)
        return {{"", "unreadable", spec.error().describe()}};
    const auto found = hostExposures(*config, *spec, kCurrentRootfs);
    for (const auto& reason : found)
        if (reason.where != "config:2")
            return {{"", "on the wrong line", reason.where}};
    return found;
}

} // namespace

class TestHelperExposure : public QObject {
    Q_OBJECT
private slots:
    void configs_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("exposes");
        QTest::newRow("plain") << "" << false;
        QTest::newRow("hostname and limits") << "lxc.uts.name = a\nlxc.cgroup2.memory.max = 1G\n" << false;
        QTest::newRow("tmpfs mount") << "lxc.mount.entry = tmpfs tmp tmpfs defaults 0 0\n" << false;
        QTest::newRow("relative bind") << "lxc.mount.entry = data srv none bind,relative,create=dir 0 0\n" << false;
        QTest::newRow("bridged veth") << "lxc.net.0.type = veth\nlxc.net.0.link = berthbr0\n" << false;
        QTest::newRow("empty net") << "lxc.net.0.type = empty\n" << false;
        QTest::newRow("bind of /etc") << "lxc.mount.entry = /etc etc none bind 0 0\n" << true;
        QTest::newRow("rbind of /") << "lxc.mount.entry = / host none rbind,create=dir 0 0\n" << true;
        QTest::newRow("host disk") << "lxc.mount.entry = /dev/sda1 mnt ext4 defaults 0 0\n" << true;
        QTest::newRow("optional bind") << "lxc.mount.entry = /home home none bind,optional 0 0\n" << true;
        QTest::newRow("host network") << "lxc.net.0.type = none\n" << true;
        QTest::newRow("device allow") << "lxc.cgroup.devices.allow = b 8:* rwm\n" << true;
        QTest::newRow("device allow v2") << "lxc.cgroup2.devices.allow = c 1:1 rwm\n" << true;
        QTest::newRow("hook") << "lxc.hook.pre-start = /bin/sh -c 'touch /x'\n" << true;
        QTest::newRow("console log file") << "lxc.console.logfile = /etc/shadow\n" << true;
        QTest::newRow("writable proc") << "lxc.mount.auto = proc:rw sys:ro\n" << true;
        QTest::newRow("writable sys") << "lxc.mount.auto = proc:mixed sys:rw\n" << true;
        QTest::newRow("other rootfs") << "lxc.rootfs.path = dir:/\n" << true;
    }
    void configs()
    {
        QFETCH(QString, text);
        QFETCH(bool, exposes);
        auto config = Config::parse(kRootfs + text.toStdString());
        QVERIFY2(config, config ? "" : config.error().describe().c_str());
        auto spec = ContainerSpec::fromConfig(*config);
        if (!spec) {
            // Refused by the parser is as safe as asking for host access;
            // a harmless config must parse, though.
            QVERIFY2(exposes, spec.error().describe().c_str());
            return;
        }
        const auto found = hostExposures(*config, *spec, kCurrentRootfs);
        QCOMPARE(!found.empty(), exposes);
    }

    // Item 3 of issue #14: a mount entry of any kernel filesystem reaches
    // the host whatever its options (rw or ro: a system container may
    // remount it); only tmpfs, mqueue, devpts with newinstance and binds
    // inside the rootfs are a container's own. The reason names the line.
    void mounts_data()
    {
        QTest::addColumn<QString>("entry");
        QTest::addColumn<bool>("exposes");
        QTest::addColumn<QString>("says");
        for (const char* fs : {"proc", "sysfs", "cgroup", "cgroup2", "debugfs", "securityfs", "tracefs", "bpf",
                               "configfs", "fusectl", "pstore", "efivarfs", "binfmt_misc", "hugetlbfs", "nfsd",
                               "rpc_pipefs", "selinuxfs", "autofs", "devtmpfs"}) {
            for (const char* options : {"rw", "ro", "ro,nosuid,nodev,noexec,optional,create=dir"}) {
                QTest::addRow("%s %s", fs, options)
                    << QStringLiteral("%1 mnt/k %1 %2 0 0").arg(QLatin1String(fs), QLatin1String(options)) << true
                    << QStringLiteral("mounts '%1' (a kernel filesystem").arg(QLatin1String(fs));
            }
        }
        QTest::newRow("proc named otherwise") << "none mnt/p proc rw 0 0" << true << "mounts 'proc'";
        QTest::newRow("ext4 disk") << "/dev/sda1 mnt ext4 defaults 0 0" << true << "host device";
        QTest::newRow("relative disk") << "dev/sda1 mnt ext4 relative 0 0" << true << "host device";
        QTest::newRow("overlay") << "overlay mnt overlay lowerdir=/etc 0 0" << true << "host device";
        QTest::newRow("nfs") << "server:/x mnt nfs ro 0 0" << true << "host device";
        QTest::newRow("devpts host") << "devpts dev/pts2 devpts rw,create=dir 0 0" << true << "without newinstance";
        QTest::newRow("devpts own") << "devpts dev/pts2 devpts newinstance,ptmxmode=0666,create=dir 0 0" << false << "";
        QTest::newRow("tmpfs") << "tmpfs tmp tmpfs size=10m 0 0" << false << "";
        QTest::newRow("mqueue") << "mqueue dev/mqueue mqueue rw,create=dir 0 0" << false << "";
        QTest::newRow("relative bind") << "data srv none bind,relative,create=dir 0 0" << false << "";
        QTest::newRow("host bind") << "/srv srv none bind,create=dir 0 0" << true << "binds '/srv' from the host";
        QTest::newRow("remount proc/sys") << "none proc/sys tmpfs remount,rw 0 0" << true << "remounts 'proc/sys'";
        QTest::newRow("bind remount") << "sys sys none bind,relative,remount,rw 0 0" << true << "remounts 'sys'";
    }
    void mounts()
    {
        QFETCH(QString, entry);
        QFETCH(bool, exposes);
        QFETCH(QString, says);
        auto config = Config::parse(kRootfs + "lxc.uts.name = a\nlxc.mount.entry = " + entry.toStdString() + "\n");
        QVERIFY(config);
        auto spec = ContainerSpec::fromConfig(*config);
        QVERIFY2(spec, spec ? "" : spec.error().describe().c_str());
        const auto found = hostExposures(*config, *spec, kCurrentRootfs);
        QCOMPARE(!found.empty(), exposes);
        if (!exposes)
            return;
        QCOMPARE(found.size(), std::size_t(1));
        QCOMPARE(found.front().where, std::string("config:3"));
        const QString sentence = QString::fromStdString(found.front().sentence());
        QVERIFY2(sentence.startsWith(QLatin1String("config:3: lxc.mount.entry ")), qPrintable(sentence));
        QVERIFY2(sentence.contains(says), qPrintable(sentence));
    }

    // lxc.mount.auto: Berth's confined trees are free; anything writable is
    // not, but in a container with a user namespace of its own a writable
    // sys or cgroup tree is (its files stay host root's; issue #15).
    void mountAuto_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("exposes");
        QTest::addColumn<bool>("exposesMapped");
        QTest::newRow("default") << "proc:mixed sys:ro" << false << false;
        QTest::newRow("nothing") << "" << false << false;
        QTest::newRow("cgroup ro") << "proc:mixed sys:ro cgroup:ro" << false << false;
        QTest::newRow("proc rw") << "proc:rw sys:ro" << true << true;
        QTest::newRow("sys mixed") << "proc:mixed sys:mixed" << true << false;
        QTest::newRow("sys rw") << "proc:mixed sys:rw" << true << false;
        QTest::newRow("cgroup") << "proc:mixed sys:ro cgroup" << true << false;
        QTest::newRow("cgroup mixed") << "proc:mixed sys:ro cgroup:mixed" << true << false;
        QTest::newRow("cgroup rw") << "proc:mixed sys:ro cgroup:rw" << true << false;
        QTest::newRow("cgroup-full ro") << "proc:mixed sys:ro cgroup-full:ro" << true << true;
    }
    void mountAuto()
    {
        QFETCH(QString, value);
        QFETCH(bool, exposes);
        QFETCH(bool, exposesMapped);
        QCOMPARE(!mountAutoExposures(value.toStdString(), "").empty(), exposes);
        const std::string map = "lxc.idmap = u 0 1000000000 65536\nlxc.idmap = g 0 1000000000 65536\n";
        QCOMPARE(!mountAutoExposures(value.toStdString(), map).empty(), exposesMapped);
    }

    // Item 11: the refusal names every reason's line and rule, and the action.
    void refusalText()
    {
        auto config = Config::parse(kRootfs + "lxc.uts.name = a\nlxc.mount.entry = proc mnt/p proc rw 0 0\n"
                                              "lxc.hook.pre-start = /bin/true\n");
        auto spec = ContainerSpec::fromConfig(*config);
        QVERIFY(spec);
        const auto found = hostExposures(*config, *spec, kCurrentRootfs);
        QCOMPARE(berth::helper::refusalText("org.berth.host.bind-mount", found),
                 std::string("not authorized: config:3: lxc.mount.entry mounts 'proc' (a kernel filesystem that "
                             "reaches the host); config:4: lxc.hook.pre-start (runs a host program as root) \u2014 "
                             "needs an administrator (org.berth.host.bind-mount)"));
        QCOMPARE(berth::helper::refusalText("org.berth.container.manage", {}),
                 std::string("not authorized for org.berth.container.manage"));
        QCOMPARE((HostReason{"network 'br0'", "eth0 joins a bridge of the host's", ""}.sentence()),
                 std::string("network 'br0': eth0 joins a bridge of the host's"));
    }

    // Berth's own bridges ("berthbr0", "lab0" here) are free; any other
    // bridge of the host, and macvlan, need the host action.
    void networks_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("exposures");
        QTest::newRow("no network") << "lxc.net.0.type = empty\n" << 0;
        QTest::newRow("default bridge") << "lxc.net.0.type = veth\nlxc.net.0.link = berthbr0\n" << 0;
        QTest::newRow("own bridge") << "lxc.net.0.type = veth\nlxc.net.0.link = lab0\n" << 0;
        QTest::newRow("host bridge") << "lxc.net.0.type = veth\nlxc.net.0.link = br0\n" << 1;
        QTest::newRow("macvlan") << "lxc.net.0.type = macvlan\nlxc.net.0.link = eth0\n" << 1;
        QTest::newRow("own and host")
            << "lxc.net.0.type = veth\nlxc.net.0.link = lab0\nlxc.net.1.type = veth\nlxc.net.1.link = br0\n"
            << 1;
        QTest::newRow("host network") << "lxc.net.0.type = none\n" << 0; // hostExposures' case
        // Forwards of host ports below 1024 (ssh's 22, ...) need the host action.
        QTest::newRow("forward of ssh") << "berth.net.forward = tcp:22:22\n" << 1;
        QTest::newRow("forward of 1023") << "berth.net.forward = udp:10.0.0.1:1023:53\n" << 1;
        QTest::newRow("forward of 1024") << "berth.net.forward = udp:1024:53\n" << 0;
        QTest::newRow("forward of 8080") << "berth.net.forward = tcp:8080:80\n" << 0;
    }
    void networks()
    {
        QFETCH(QString, text);
        QFETCH(int, exposures);
        auto config = Config::parse(kRootfs + text.toStdString());
        QVERIFY(config);
        auto spec = ContainerSpec::fromConfig(*config);
        QVERIFY2(spec, spec ? "" : spec.error().describe().c_str());
        const auto found =
            hostNetworkExposures(*spec, [](const std::string& link) { return link == "berthbr0" || link == "lab0"; });
        QCOMPARE(int(found.size()), exposures);
        for (const auto& why : found)
            QVERIFY2(why.sentence().starts_with("config:") ||
                         why.sentence().find("privileged port") != std::string::npos,
                     why.sentence().c_str());
    }

    void rootfsUnchangedFromUnknown()
    {
        auto config = Config::parse(kRootfs);
        auto spec = ContainerSpec::fromConfig(*config);
        QVERIFY(spec);
        // No current config to compare with: any rootfs counts as a change.
        QVERIFY(!hostExposures(*config, *spec, std::nullopt).empty());
    }
};

QTEST_APPLESS_MAIN(TestHelperExposure)
#include "test_helper_exposure.moc"
