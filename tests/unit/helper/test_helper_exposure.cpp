// Which configs reach into the host (and need org.berth.host.bind-mount).
#include "host_exposure.h"

#include <QtTest>

using namespace berth;
using namespace berth::helper;

namespace {

const std::string kRootfs = "lxc.rootfs.path = dir:/var/lib/berth/containers/a/rootfs\n";
const std::optional<std::string> kCurrentRootfs = "dir:/var/lib/berth/containers/a/rootfs";

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
        QTest::newRow("relative bind")
            << "lxc.mount.entry = data srv none bind,relative,create=dir 0 0\n" << false;
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
            << "lxc.net.0.type = veth\nlxc.net.0.link = lab0\nlxc.net.1.type = veth\nlxc.net.1.link = br0\n" << 1;
        QTest::newRow("host network") << "lxc.net.0.type = none\n" << 0;   // hostExposures' case
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
        const auto found = hostNetworkExposures(
            *spec, [](const std::string& link) { return link == "berthbr0" || link == "lab0"; });
        QCOMPARE(int(found.size()), exposures);
        for (const auto& why : found)
            QVERIFY2(why.find("lxc.net.") != std::string::npos || why.find("privileged port") != std::string::npos,
                     why.c_str());
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
