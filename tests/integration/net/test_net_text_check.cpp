// The generated nftables ruleset and dnsmasq command lines, checked by the
// real tools: `nft -c -f` (needs CAP_NET_ADMIN, so root, inside the test's
// private network namespace; -c never loads anything) and `dnsmasq --test`.
// A deliberately broken input of each kind must be refused, so the checks
// are known to be able to fail.
#include "integration_env.h"
#include "net/dnsmasq_args.h"
#include "net/nft_ruleset.h"

#include <QtTest/QtTest>

using namespace berth::net;

namespace {

struct ToolResult {
    bool ok = false;
    QString output;
};

ToolResult run(const QString& program, const QStringList& args)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, args);
    const bool finished = process.waitForFinished(-1);
    return {finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
            QString::fromLocal8Bit(process.readAll())};
}

ToolResult nftCheck(const std::string& ruleset)
{
    QTemporaryFile file;
    if (!file.open())
        return {false, "cannot create a temporary file"};
    file.write(ruleset.data(), static_cast<qint64>(ruleset.size()));
    file.flush();
    return run("nft", {"-c", "-f", file.fileName()});
}

ForwardRule rule(const char* forward, const char* container)
{
    return ForwardRule{*parsePortForward(forward), *Ipv4Address::parse(container)};
}

BridgeConfig bridge(const char* name, const char* gateway, const char* range)
{
    BridgeConfig b;
    b.name = name;
    b.gateway = *Ipv4Cidr::parse(gateway);
    b.dhcpRange = *Ipv4Range::parse(range);
    return b;
}

} // namespace

class TestNetTextCheck : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        // Missing tools are failures, not skips: CI runs everything as root.
        QVERIFY2(run("nft", {"--version"}).ok, "nft is not installed");
        QVERIFY2(run("dnsmasq", {"--version"}).ok, "dnsmasq is not installed");
    }

    void rulesetParses_data()
    {
        QTest::addColumn<int>("bridges");
        QTest::newRow("empty") << 0;
        QTest::newRow("one bridge, forwards") << 1;
        QTest::newRow("two bridges") << 2;
    }
    void rulesetParses()
    {
        QFETCH(int, bridges);
        std::vector<BridgeRules> rules;
        if (bridges >= 1)
            rules.push_back({"berthbr0",
                             *Ipv4Cidr::parse("10.0.3.1/24"),
                             true,
                             {rule("tcp:8080:80", "10.0.3.5"), rule("udp:192.0.2.1:5353:53", "10.0.3.6"),
                              rule("tcp:127.0.0.1:2222:22", "10.0.3.6")}});
        if (bridges >= 2)
            rules.push_back({"lab0", *Ipv4Cidr::parse("172.20.0.0/16"), false, {rule("udp:53:53", "172.20.0.9")}});
        const ToolResult result = nftCheck(berthRuleset(rules));
        QVERIFY2(result.ok, qPrintable(result.output));
    }

    void brokenRulesetIsRefused()
    {
        std::string text = berthRuleset({{"berthbr0", *Ipv4Cidr::parse("10.0.3.1/24"), true, {}}});
        const std::size_t at = text.find("masquerade");
        QVERIFY(at != std::string::npos);
        text.replace(at, std::string("masquerade").size(), "masquerayde");
        QVERIFY(!nftCheck(text).ok);
    }

    void dnsmasqAcceptsArguments_data()
    {
        QTest::addColumn<bool>("foreground");
        QTest::addColumn<uint>("mtu");
        QTest::newRow("daemon") << false << 0u;
        QTest::newRow("foreground, mtu") << true << 1400u;
    }
    void dnsmasqAcceptsArguments()
    {
        QFETCH(bool, foreground);
        QFETCH(uint, mtu);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        BridgeConfig b = bridge("berthbr0", "10.0.3.1/24", "10.0.3.2-10.0.3.199");
        b.mtu = mtu;
        const DnsmasqPaths paths{dir.filePath("d.pid").toStdString(), dir.filePath("d.leases").toStdString(),
                                 dir.path().toStdString(), ""};
        QStringList args{"--test"};
        for (const std::string& arg :
             dnsmasqArguments(b, paths, foreground ? DnsmasqMode::Foreground : DnsmasqMode::Daemon))
            args << QString::fromStdString(arg);
        const ToolResult result = run("dnsmasq", args);
        QVERIFY2(result.ok, qPrintable(args.join(' ') + "\n" + result.output));
    }

    void brokenDnsmasqArgumentsAreRefused()
    {
        QVERIFY(!run("dnsmasq", {"--test", "--conf-file=", "--dhcp-range=10.0.3.2,10.0.3.1999"}).ok);
    }
};

BERTH_INTEGRATION_MAIN(TestNetTextCheck)
#include "test_net_text_check.moc"
