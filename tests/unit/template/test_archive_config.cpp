// The config of a container archive (issue #16): what export writes of a
// container's config, and what the tarball template makes of an archive's
// config for the new container. Text in, text out.
#include "berth/config.h"
#include "core/archive_config.h"
#include "config/new_container_config.h"

#include <QtTest/QtTest>

#include <cerrno>

using namespace berth;

namespace {

const std::string kStored = "lxc.uts.name = web\n"
                            "berth.template = debian\n"
                            "lxc.rootfs.path = dir:/var/lib/berth/containers/web/rootfs\n"
                            "lxc.mount.auto = proc:mixed sys:ro\n"
                            "lxc.net.0.type = veth\n"
                            "lxc.net.0.link = berthbr0\n"
                            "lxc.net.0.name = eth0\n"
                            "lxc.net.0.hwaddr = 02:00:00:00:00:07\n"
                            "lxc.net.0.ipv4.address = 10.0.3.200/24\n"
                            "berth.kind = system\n"
                            "lxc.init.cmd = /sbin/init\n"
                            "lxc.signal.halt = SIGRTMIN+3\n"
                            "lxc.cgroup2.memory.max = 536870912\n"
                            "lxc.idmap = u 0 100000 65536\n"
                            "lxc.idmap = g 0 100000 65536\n"
                            "berth.rootfs.shifted = 1\n";

Config parsed(const std::string& text)
{
    auto config = Config::parse(text);
    return config ? *config : Config();
}

CreateRequest importRequest(const std::string& name)
{
    return CreateRequest{.name = name, .templateName = "tarball"};
}

Result<std::string> imported(const std::string& archive, const CreateRequest& request)
{
    return importedConfig(archive, request,
                          newContainerConfig(request, "/var/lib/berth/containers/" + request.name + "/rootfs"));
}

} // namespace

class TestArchiveConfig : public QObject {
    Q_OBJECT

private slots:
    void exportDropsThisHostsIdentity()
    {
        auto text = exportedConfig(kStored);
        QVERIFY2(text, text ? "" : text.error().describe().c_str());
        const Config config = parsed(*text);
        QVERIFY(!config.get("lxc.rootfs.path"));
        QVERIFY(config.getAll("lxc.idmap").empty());
        QVERIFY(!config.get("berth.rootfs.shifted"));
        QCOMPARE(config.get("lxc.signal.halt").value_or(""), std::string("SIGRTMIN+3"));
        QCOMPARE(config.get("lxc.net.0.ipv4.address").value_or(""), std::string("10.0.3.200/24"));
    }

    void exportRefusesAnInclude() { QVERIFY(!exportedConfig(kStored + "lxc.include = /etc/berth/extra.conf\n")); }

    void importKeepsTheContainersConfig()
    {
        auto text = imported(*exportedConfig(kStored), importRequest("web2"));
        QVERIFY2(text, text ? "" : text.error().describe().c_str());
        const Config config = parsed(*text);
        QCOMPARE(config.get("lxc.uts.name").value_or(""), std::string("web2"));
        QCOMPARE(config.get("lxc.rootfs.path").value_or(""), std::string("dir:/var/lib/berth/containers/web2/rootfs"));
        QCOMPARE(config.get("berth.template").value_or(""), std::string("tarball"));
        QCOMPARE(config.get("lxc.signal.halt").value_or(""), std::string("SIGRTMIN+3"));
        QCOMPARE(config.get("lxc.cgroup2.memory.max").value_or(""), std::string("536870912"));
        QCOMPARE(config.get("lxc.net.0.link").value_or(""), std::string("berthbr0"));
        QCOMPARE(config.get("lxc.init.cmd").value_or(""), std::string("/sbin/init"));
    }

    // A user namespace is never taken from the archive: creation gives a block.
    void importDropsTheArchivesUserNamespace()
    {
        auto text = imported(kStored, importRequest("web2"));
        QVERIFY2(text, text ? "" : text.error().describe().c_str());
        const Config config = parsed(*text);
        QVERIFY(config.getAll("lxc.idmap").empty());
        QVERIFY(!config.get("berth.rootfs.shifted"));
        QVERIFY(!config.get("berth.privileged"));
    }

    void privilegedArchiveNeedsAPrivilegedRequest()
    {
        const std::string archive = *exportedConfig(kStored) + "berth.privileged = 1\n";
        auto refused = imported(archive, importRequest("web2"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, EPERM);
        CreateRequest asked = importRequest("web2");
        asked.privileged = true;
        QVERIFY(imported(archive, asked));
    }

    void requestOverridesNetworkAndCommand()
    {
        CreateRequest request = importRequest("app");
        request.network = "lan0";
        request.kind = ContainerKind::Application;
        request.command = {"sleep", "1"};
        auto text = imported(kStored, request);
        QVERIFY2(text, text ? "" : text.error().describe().c_str());
        const Config config = parsed(*text);
        QCOMPARE(config.get("lxc.net.0.link").value_or(""), std::string("lan0"));
        QVERIFY(!config.get("lxc.net.0.ipv4.address"));
        QCOMPARE(config.get("berth.kind").value_or(""), std::string("application"));
        QCOMPARE(config.get("lxc.execute.cmd").value_or(""), std::string("sleep 1"));
        QVERIFY(!config.get("lxc.init.cmd"));
        QVERIFY(!config.get("lxc.signal.halt"));
        QCOMPARE(config.get("lxc.cgroup2.memory.max").value_or(""), std::string("536870912"));
    }

    // The archive's text is a caller's: no include is followed or looked at,
    // and any config error refuses the import.
    void untrustedTextIsChecked_data()
    {
        QTest::addColumn<QString>("line");
        QTest::newRow("include") << "lxc.include = /etc/shadow";
        QTest::newRow("bad signal") << "lxc.signal.halt = SIGNOPE";
        QTest::newRow("bad address") << "lxc.net.0.ipv4.address = 999.1.1.1/24";
    }
    void untrustedTextIsChecked()
    {
        QFETCH(QString, line);
        QVERIFY(!imported(*exportedConfig(kStored) + line.toStdString() + "\n", importRequest("web2")));
    }

    // Beside its original, a copy takes no static address, MAC or veth
    // name another container holds; free ones stay.
    void takenAddressesAreDropped()
    {
        const std::string text = *imported(kStored + "lxc.net.0.veth.pair = vweb\n", importRequest("web2"));
        auto beside = withoutTakenAddresses(text, {kStored + "lxc.net.0.veth.pair = vweb\n"});
        QVERIFY(beside);
        const Config config = parsed(*beside);
        QVERIFY(!config.get("lxc.net.0.ipv4.address"));
        QVERIFY(!config.get("lxc.net.0.hwaddr"));
        QVERIFY(!config.get("lxc.net.0.veth.pair"));
        QCOMPARE(config.get("lxc.net.0.link").value_or(""), std::string("berthbr0"));
        auto alone = withoutTakenAddresses(text, {"lxc.net.0.ipv4.address = 10.0.3.201/24\n"});
        QVERIFY(alone);
        QCOMPARE(*alone, text);
    }
};

QTEST_GUILESS_MAIN(TestArchiveConfig)
#include "test_archive_config.moc"
