// nftables table inet berth through libnftables, and IPv4 forwarding, in
// the test's private network namespace: apply, replace, refuse, remove, and
// NAT for real between a "container" namespace behind a bridge and an
// "outside" namespace.
#include "net/ip_forward.h"
#include "net/nft_apply.h"

#include "integration_env.h"
#include "net_services_support.h"

#include <QtTest/QtTest>

#include <fstream>

using namespace berth::net;
using namespace berth::test::netsvc;

namespace {

const char* const kMasqueradeRuleset = R"(
table inet berth {
    chain postrouting {
        type nat hook postrouting priority srcnat; policy accept;
        ip saddr 10.0.77.0/24 ip daddr != 10.0.77.0/24 masquerade
    }
}
)";

const char* const kOtherRuleset = R"(
# a comment with a brace { that must not count
table inet berth {
    chain forward {
        type filter hook forward priority filter; policy accept;
        iifname "br-t" accept comment "from the bridge"
    }
}
)";

int count(const std::string& text, const std::string& what)
{
    int n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

std::string readText(const std::filesystem::path& file)
{
    std::ifstream in(file);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void run(const QStringList& argv)
{
    const CommandResult r = runCommand(argv);
    QVERIFY2(r.exitCode == 0, qPrintable(argv.join(' ') + ": " + r.output));
}

} // namespace

class TestNftApply : public QObject {
    Q_OBJECT

private slots:
    void cleanup()
    {
        QVERIFY(removeRuleset().has_value());
        runCommand({"nft", "delete", "table", "ip", "other"});
    }

    void applyShowsTheTable()
    {
        auto applied = applyRuleset(kMasqueradeRuleset);
        QVERIFY2(applied, applied ? "" : applied.error().describe().c_str());
        auto current = currentRuleset();
        QVERIFY2(current, current ? "" : current.error().describe().c_str());
        QVERIFY2(current->find("table inet berth") != std::string::npos, current->c_str());
        QVERIFY2(current->find("masquerade") != std::string::npos, current->c_str());
        // nft itself sees the same table.
        QVERIFY(runCommand({"nft", "list", "table", "inet", "berth"}).output.contains("masquerade"));
    }

    void applyAgainReplaces()
    {
        QVERIFY(applyRuleset(kMasqueradeRuleset));
        QVERIFY(applyRuleset(kMasqueradeRuleset));
        auto twice = currentRuleset();
        QVERIFY(twice);
        QCOMPARE(count(*twice, "masquerade"), 1);
        QCOMPARE(count(*twice, "chain postrouting"), 1);

        QVERIFY(applyRuleset(kOtherRuleset));
        auto other = currentRuleset();
        QVERIFY(other);
        QCOMPARE(count(*other, "masquerade"), 0);
        QCOMPARE(count(*other, "chain forward"), 1);
        QCOMPARE(count(runCommand({"nft", "list", "tables"}).output.toStdString(), "table inet berth"), 1);
    }

    void syntaxErrorKeepsThePreviousTable()
    {
        QVERIFY(applyRuleset(kMasqueradeRuleset));
        auto before = currentRuleset();
        QVERIFY(before);
        auto bad = applyRuleset("table inet berth {\n chain c { type nat hook postrouting priority srcnat;\n"
                                " ip saddr 10.0.77.0/24 masqueradeX\n }\n}\n");
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, EINVAL);
        // nftables' own text, pointing at the bad word.
        QVERIFY2(bad.error().message.find("syntax error") != std::string::npos, bad.error().message.c_str());
        QVERIFY2(bad.error().message.find("masqueradeX") != std::string::npos, bad.error().message.c_str());
        // Line numbers are the text's own, not shifted by what applyRuleset adds.
        QVERIFY2(bad.error().message.find("ruleset:3:") != std::string::npos, bad.error().message.c_str());
        auto after = currentRuleset();
        QVERIFY(after);
        QCOMPARE(*after, *before);
    }

    void kernelRefusalKeepsThePreviousTable()
    {
        QVERIFY(applyRuleset(kMasqueradeRuleset));
        auto before = currentRuleset();
        // Parses, but the kernel rejects a jump to a missing chain: the whole
        // transaction, including the delete of the old table, is undone.
        auto bad = applyRuleset("table inet berth {\n chain c { jump nowhere\n }\n}\n");
        QVERIFY(!bad);
        QVERIFY(!bad.error().message.empty());
        auto after = currentRuleset();
        QVERIFY(after);
        QCOMPARE(*after, *before);
    }

    void outsideTheTableIsRefused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("other table") << "table ip other { }";
        QTest::newRow("other family") << "table ip berth { }";
        QTest::newRow("flush ruleset") << "flush ruleset";
        QTest::newRow("after the table") << "table inet berth { }\ndelete table ip other";
        QTest::newRow("before the table") << "add table ip other; table inet berth { }";
        QTest::newRow("include") << "include \"/etc/nftables.conf\"";
        QTest::newRow("unbalanced") << "table inet berth { chain c {";
        QTest::newRow("extra brace") << "table inet berth { } }";
        QTest::newRow("incomplete") << "table inet";
    }

    void outsideTheTableIsRefused()
    {
        QFETCH(QString, text);
        run({"nft", "add", "table", "ip", "other"});
        QVERIFY(applyRuleset(kMasqueradeRuleset));
        auto applied = applyRuleset(text.toStdString());
        QVERIFY(!applied);
        QCOMPARE(applied.error().code, EINVAL);
        auto current = currentRuleset();
        QVERIFY(current && current->find("masquerade") != std::string::npos);
        QVERIFY(runCommand({"nft", "list", "tables"}).output.contains("table ip other"));
    }

    void scopeAccepts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("comment only") << "# nothing\n";
        QTest::newRow("one block") << QString(kMasqueradeRuleset);
        QTest::newRow("two blocks") << "table inet berth { }\ntable inet berth { chain c { } }";
        QTest::newRow("braces in strings") << "table inet berth { chain c { comment \"}{\" } }";
    }

    void scopeAccepts()
    {
        QFETCH(QString, text);
        auto scope = checkRulesetScope(text.toStdString());
        QVERIFY2(scope, scope ? "" : scope.error().describe().c_str());
    }

    void otherTablesAreLeftAlone()
    {
        run({"nft", "add", "table", "ip", "other"});
        run({"nft", "add", "chain", "ip", "other", "c"});
        QVERIFY(applyRuleset(kMasqueradeRuleset));
        QVERIFY(applyRuleset(kOtherRuleset));
        QVERIFY(removeRuleset());
        const QString tables = runCommand({"nft", "list", "tables"}).output;
        QVERIFY2(tables.contains("table ip other"), qPrintable(tables));
        QVERIFY2(!tables.contains("berth"), qPrintable(tables));
        QVERIFY(runCommand({"nft", "list", "table", "ip", "other"}).output.contains("chain c"));
    }

    void removeRemoves()
    {
        QVERIFY(applyRuleset(kMasqueradeRuleset));
        QVERIFY(removeRuleset());
        auto current = currentRuleset();
        QVERIFY(!current);
        QCOMPARE(current.error().code, ENOENT);
        QVERIFY(!runCommand({"nft", "list", "tables"}).output.contains("berth"));
        // Nothing to remove is not an error.
        QVERIFY(removeRuleset());
    }

    void forwardingInThisNamespace()
    {
        // A fresh namespace starts with forwarding off.
        auto before = ipv4ForwardingEnabled();
        QVERIFY(before);
        QCOMPARE(*before, false);
        QVERIFY(enableIpv4Forwarding());
        QCOMPARE(readText("/proc/sys/net/ipv4/ip_forward"), std::string("1\n"));
        QVERIFY(enableIpv4Forwarding()); // idempotent
        auto after = ipv4ForwardingEnabled();
        QVERIFY(after && *after);
        // Another namespace keeps its own setting.
        NetnsHolder other;
        QVERIFY(other.start());
        QCOMPARE(other.exec({"cat", "/proc/sys/net/ipv4/ip_forward"}).output, QString("0\n"));
    }

    void forwardingFile_data()
    {
        QTest::addColumn<QString>("content");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("expected");
        QTest::newRow("off") << "0\n" << true << "1\n";
        QTest::newRow("on") << "1\n" << true << "1\n";
        QTest::newRow("garbage") << "2\n" << false << "2\n";
        QTest::newRow("empty") << "" << false << "";
    }

    void forwardingFile()
    {
        QFETCH(QString, content);
        QFETCH(bool, ok);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const std::filesystem::path root = dir.path().toStdString();
        std::filesystem::create_directories(root / "net/ipv4");
        std::ofstream(root / "net/ipv4/ip_forward") << content.toStdString();
        auto enabled = enableIpv4Forwarding(root);
        QCOMPARE(enabled.has_value(), ok);
        QCOMPARE(QString::fromStdString(readText(root / "net/ipv4/ip_forward")), expected);
        QCOMPARE(enableIpv4Forwarding(root / "missing").error().code, ENOENT);
    }

    void natForReal()
    {
        // The test's namespace is the bridge host: br-t 10.0.77.1/24 with a
        // container behind it, and vo-h 192.168.200.1/24 towards the outside.
        // The outside routes back through the host, so without masquerade
        // the connection still works and the server sees 10.0.77.10.
        NetnsHolder container, outside;
        QVERIFY(container.start() && outside.start());
        Topology topology{container, outside};
        QVERIFY(topology.up());
        QVERIFY(enableIpv4Forwarding());
        QVERIFY(applyRuleset(R"(
table inet berth {
    chain postrouting {
        type nat hook postrouting priority srcnat; policy accept;
        ip saddr 10.0.77.0/24 ip daddr != 10.0.77.0/24 masquerade
    }
    chain prerouting {
        type nat hook prerouting priority dstnat; policy accept;
        iifname "vo-h" tcp dport 8080 dnat ip to 10.0.77.10:80
    }
}
)"));
        // Masquerade: container → outside server, seen from the host's outside address.
        QCOMPARE(peerSeenBy(outside, 8000, container, "192.168.200.2", 8000), QString("192.168.200.1"));
        // DNAT: outside client → host:8080 → container:80.
        QCOMPARE(peerSeenBy(container, 80, outside, "192.168.200.1", 8080), QString("192.168.200.2"));
        topology.down();
    }

    void withoutNatTheContainerAddressShows()
    {
        // The same path with the table removed: the check above can fail.
        NetnsHolder container, outside;
        QVERIFY(container.start() && outside.start());
        Topology topology{container, outside};
        QVERIFY(topology.up());
        QVERIFY(enableIpv4Forwarding());
        QCOMPARE(peerSeenBy(outside, 8000, container, "192.168.200.2", 8000), QString("10.0.77.10"));
        // No DNAT: nothing listens on the host's port 8080.
        QCOMPARE(connectFrom(outside, "192.168.200.1", 8080), ECONNREFUSED);
        topology.down();
    }

private:
    struct Topology {
        const NetnsHolder& container;
        const NetnsHolder& outside;

        bool up()
        {
            const QString c = QString::number(container.pid()), o = QString::number(outside.pid());
            const QList<QStringList> host = {
                {"ip", "link", "add", "br-t", "type", "bridge"},
                {"ip", "addr", "add", "10.0.77.1/24", "dev", "br-t"},
                {"ip", "link", "set", "br-t", "up"},
                {"ip", "link", "add", "vc-h", "type", "veth", "peer", "name", "eth0", "netns", c},
                {"ip", "link", "set", "vc-h", "master", "br-t", "up"},
                {"ip", "link", "add", "vo-h", "type", "veth", "peer", "name", "eth0", "netns", o},
                {"ip", "addr", "add", "192.168.200.1/24", "dev", "vo-h"},
                {"ip", "link", "set", "vo-h", "up"},
            };
            for (const QStringList& argv : host)
                if (!ok(runCommand(argv), argv))
                    return false;
            return inside(container, "10.0.77.10/24", "10.0.77.1") &&
                   inside(outside, "192.168.200.2/24", "192.168.200.1");
        }

        // Deletes the host ends at once: the environment checks links when
        // the test ends, and namespace teardown removes peers only later.
        void down()
        {
            runCommand({"ip", "link", "del", "vc-h"});
            runCommand({"ip", "link", "del", "vo-h"});
            runCommand({"ip", "link", "del", "br-t"});
        }

        static bool ok(const CommandResult& r, const QStringList& argv)
        {
            if (r.exitCode != 0)
                qWarning("%s: %s", qPrintable(argv.join(' ')), qPrintable(r.output));
            return r.exitCode == 0;
        }

        static bool inside(const NetnsHolder& ns, const QString& address, const QString& gateway)
        {
            const QList<QStringList> steps = {
                {"ip", "addr", "add", address, "dev", "eth0"},
                {"ip", "link", "set", "eth0", "up"},
                {"ip", "route", "add", "default", "via", gateway},
            };
            for (const QStringList& argv : steps)
                if (!ok(ns.exec(argv), argv))
                    return false;
            return true;
        }
    };

    // A server in `serverNs` on `port` accepts one connection from a client
    // in `clientNs` to address:clientPort; returns the peer address the
    // server saw, or an error text.
    static QString peerSeenBy(const NetnsHolder& serverNs, unsigned short port, const NetnsHolder& clientNs,
                              const char* address, unsigned short clientPort)
    {
        int ready[2], result[2];
        if (::pipe2(ready, O_CLOEXEC) != 0 || ::pipe2(result, O_CLOEXEC) != 0)
            return "pipe failed";
        const pid_t server = serverNs.fork([&] { return serveOnce(port, ready[1], result[1]); });
        ::close(ready[1]);
        ::close(result[1]);
        char r = 0;
        const bool listening = ::read(ready[0], &r, 1) == 1;
        ::close(ready[0]);
        const int client = listening ? connectFrom(clientNs, address, clientPort) : -1;
        QString seen;
        if (client == 0) {
            char buf[64] = {};
            const ssize_t n = ::read(result[0], buf, sizeof buf - 1);
            seen = QString::fromLatin1(buf, n > 0 ? n : 0).trimmed();
        } else {
            seen = QStringLiteral("client failed: %1").arg(client);
            ::kill(server, SIGKILL);
        }
        ::close(result[0]);
        waitExitCode(server);
        return seen;
    }

    static int connectFrom(const NetnsHolder& ns, const char* address, unsigned short port)
    {
        return waitExitCode(ns.fork([&] { return connectOnce(address, port); }));
    }
};

BERTH_INTEGRATION_MAIN(TestNftApply)
#include "test_nft_apply.moc"
