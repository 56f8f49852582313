// One interface's lxc.net.N lines edited as AddInterface, SetInterface and
// RemoveInterface edit them: the keys given change, the rest of the config
// (other interfaces, other keys, comments) stays as written.
#include "net/interface_edit.h"
#include "net/net_spec.h"

#include <QtTest>

using namespace berth;
using namespace berth::net;

namespace {

const std::string kConfig = "# web server\n"
                            "lxc.uts.name = web\n"
                            "lxc.net.0.type = veth\n"
                            "lxc.net.0.link = berthbr0\n"
                            "lxc.net.0.name = eth0\n"
                            "lxc.net.0.flags = up\n"
                            "lxc.net.0.veth.pair = vb-web\n"
                            "# the second\n"
                            "lxc.net.1.type = veth\n"
                            "lxc.net.1.link = lab0\n"
                            "lxc.net.1.mtu = 1400\n"
                            "lxc.net.10.type = empty\n"
                            "lxc.start.auto = 1\n";

Config config(const std::string& text = kConfig)
{
    auto parsed = Config::parse(text);
    if (!parsed)
        qFatal("test config does not parse: %s", parsed.error().message.c_str());
    return *parsed;
}

const NetInterfaceSpec& interfaceAt(const std::vector<NetInterfaceSpec>& all, unsigned index)
{
    for (const NetInterfaceSpec& iface : all)
        if (iface.index == index)
            return iface;
    qFatal("no interface %u", index);
}

} // namespace

class TestInterfaceEdit : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void nextIndexIsAfterTheHighest()
    {
        QCOMPARE(*nextInterfaceIndex(config()), 11u);
        QCOMPARE(*nextInterfaceIndex(config("lxc.uts.name = a\n")), 0u);
        QCOMPARE(*nextInterfaceIndex(config("lxc.net.0.type = veth\nlxc.net = \n")), 0u);
    }

    void requireInterface()
    {
        QVERIFY(net::requireInterface(config(), 1));
        QVERIFY(net::requireInterface(config(), 10));
        auto missing = net::requireInterface(config(), 2);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, EINVAL);
    }

    void setChangesOnlyTheKeysGiven()
    {
        Config edited = config();
        InterfaceChange change;
        change.link = "lab1";
        change.mtu = 1500;
        change.ipv4 = std::vector<std::string>{"192.168.7.5/24"};
        QVERIFY(writeInterfaceChange(edited, 1, change));
        const std::string text = edited.serialize();
        QVERIFY(text.starts_with("# web server\nlxc.uts.name = web\nlxc.net.0.type = veth\n"));
        QVERIFY(text.contains("# the second\nlxc.net.1.type = veth\nlxc.net.1.link = lab1\nlxc.net.1.mtu = 1500\n"));
        QVERIFY(text.contains("lxc.net.0.veth.pair = vb-web\n"));
        QVERIFY(text.contains("lxc.start.auto = 1\n"));
        auto all = netInterfacesFromConfig(edited);
        QVERIFY2(all, all ? "" : all.error().message.c_str());
        QCOMPARE(all->size(), 3u);
        QCOMPARE(interfaceAt(*all, 1).ipv4->toString(), std::string("192.168.7.5/24"));
        QCOMPARE(interfaceAt(*all, 0).link, std::string("berthbr0"));
    }

    void emptyValuesRemoveKeys()
    {
        Config edited = config();
        InterfaceChange change;
        change.mtu = 0;
        change.link = "";
        change.ipv4 = std::vector<std::string>{};
        QVERIFY(writeInterfaceChange(edited, 1, change));
        const std::string text = edited.serialize();
        QVERIFY(!text.contains("lxc.net.1.mtu"));
        QVERIFY(!text.contains("lxc.net.1.link"));
        QVERIFY(text.contains("lxc.net.1.type = veth\n"));
    }

    void newTypeDropsKeysItHasNoMeaningFor()
    {
        Config edited = config();
        InterfaceChange change;
        change.type = "empty";
        QVERIFY(writeInterfaceChange(edited, 0, change));
        auto all = netInterfacesFromConfig(edited);
        QVERIFY2(all, all ? "" : all.error().message.c_str());
        QCOMPARE(interfaceAt(*all, 0).type, NetInterfaceSpec::Type::Empty);
        QVERIFY(!edited.serialize().contains("vb-web"));

        Config macvlan = config();
        change.type = "macvlan";
        change.link = "eno1";
        QVERIFY(writeInterfaceChange(macvlan, 0, change));
        auto again = netInterfacesFromConfig(macvlan);
        QVERIFY2(again, again ? "" : again.error().message.c_str());
        QCOMPARE(interfaceAt(*again, 0).link, std::string("eno1"));
        QVERIFY(!macvlan.serialize().contains("veth.pair"));
    }

    void oneAddressAtMost()
    {
        Config edited = config();
        InterfaceChange change;
        change.ipv4 = std::vector<std::string>{"10.0.3.5/24", "10.0.3.6/24"};
        auto written = writeInterfaceChange(edited, 0, change);
        QVERIFY(!written);
        QCOMPARE(written.error().code, EINVAL);
    }

    void removeRenumbersNothing()
    {
        Config edited = config();
        removeInterfaceLines(edited, 1);
        const std::string text = edited.serialize();
        QVERIFY(!text.contains("lxc.net.1."));
        QVERIFY(text.contains("lxc.net.10.type = empty\n"));
        QVERIFY(text.contains("lxc.net.0.veth.pair = vb-web\n"));
        QVERIFY(text.contains("# the second\n"));
        auto all = netInterfacesFromConfig(edited);
        QVERIFY(all);
        QCOMPARE(all->size(), 2u);
        QCOMPARE(all->at(0).index, 0u);
        QCOMPARE(all->at(1).index, 10u);
    }
};

QTEST_GUILESS_MAIN(TestInterfaceEdit)
#include "test_interface_edit.moc"
