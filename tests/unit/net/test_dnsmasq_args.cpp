// dnsmasq's command line for one bridge.
#include "net/dnsmasq_args.h"

#include <QtTest>

using namespace berth::net;

namespace {

QStringList toQt(const std::vector<std::string>& args)
{
    QStringList out;
    for (const std::string& arg : args)
        out << QString::fromStdString(arg);
    return out;
}

BridgeConfig defaultBridge()
{
    BridgeConfig b;
    b.name = "berthbr0";
    b.gateway = *Ipv4Cidr::parse("10.0.3.1/24");
    b.dhcpRange = *Ipv4Range::parse("10.0.3.2-10.0.3.199");
    return b;
}

} // namespace

class TestDnsmasqArgs : public QObject {
    Q_OBJECT
private slots:
    void daemon()
    {
        const DnsmasqPaths paths{"/run/berth/net/berthbr0.pid", "/var/lib/berth/networks/berthbr0.leases",
                                 "/var/lib/berth/networks/berthbr0.hosts", ""};
        QCOMPARE(
            toQt(dnsmasqArguments(defaultBridge(), paths)),
            (QStringList{"--conf-file=", "--pid-file=/run/berth/net/berthbr0.pid", "--strict-order",
                         "--bind-interfaces", "--except-interface=lo", "--interface=berthbr0",
                         "--listen-address=10.0.3.1", "--dhcp-range=10.0.3.2,10.0.3.199,255.255.255.0",
                         "--dhcp-lease-max=198", "--dhcp-no-override", "--dhcp-authoritative",
                         "--dhcp-leasefile=/var/lib/berth/networks/berthbr0.leases", "--domain=berth",
                         "--local=/berth/", "--expand-hosts", "--hostsdir=/var/lib/berth/networks/berthbr0.hosts"}));
    }

    void foregroundWithOptions()
    {
        BridgeConfig b = defaultBridge();
        b.name = "lab0";
        b.gateway = *Ipv4Cidr::parse("172.20.0.1/16");
        b.dhcpRange = *Ipv4Range::parse("172.20.1.0-172.20.1.9");
        b.domain = "lab.example";
        b.mtu = 1400;
        const DnsmasqPaths paths{"", "/tmp/l.leases", "", "/etc/berth/dnsmasq-lab0.conf"};
        QCOMPARE(toQt(dnsmasqArguments(b, paths, DnsmasqMode::Foreground)),
                 (QStringList{"--conf-file=/etc/berth/dnsmasq-lab0.conf", "--keep-in-foreground", "--strict-order",
                              "--bind-interfaces", "--except-interface=lo", "--interface=lab0",
                              "--listen-address=172.20.0.1", "--dhcp-range=172.20.1.0,172.20.1.9,255.255.0.0",
                              "--dhcp-lease-max=10", "--dhcp-no-override", "--dhcp-authoritative",
                              "--dhcp-leasefile=/tmp/l.leases", "--dhcp-option-force=26,1400", "--domain=lab.example",
                              "--local=/lab.example/", "--expand-hosts"}));
    }
};

QTEST_APPLESS_MAIN(TestDnsmasqArgs)
#include "test_dnsmasq_args.moc"
