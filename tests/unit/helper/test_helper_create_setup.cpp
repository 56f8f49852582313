// CreateContainer's setup (a{sv}) as the helper reads it before
// authorization: every key with its type, wrong types and unknown keys
// refused; and what the setup asks of the caller besides creating.
#include "create_setup_args.h"

#include "dbus_types.h"

#include <QtTest>

using namespace berth;
using namespace berth::helper;

namespace {

const QString kKey = QStringLiteral("key");
const std::string kBase = "lxc.uts.name = a\nlxc.rootfs.path = dir:/var/lib/berth/containers/a/rootfs\n"
                          "lxc.net.0.type = veth\nlxc.net.0.link = berthbr0\n";

QVariant strings(std::initializer_list<const char*> items)
{
    QStringList list;
    for (const char* item : items)
        list << QString::fromLatin1(item);
    return list;
}

QVariant stringMap(std::initializer_list<std::pair<const char*, const char*>> items)
{
    StringMap map;
    for (const auto& [key, value] : items)
        map.insert(QString::fromLatin1(key), QString::fromLatin1(value));
    return QVariant::fromValue(map);
}

} // namespace

class TestHelperCreateSetup : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyKey()
    {
        const QVariantMap given{
            {QStringLiteral("network"), QStringLiteral("berthbr0")},
            {QStringLiteral("address"), QStringLiteral("10.0.3.20")},
            {QStringLiteral("forwards"), strings({"tcp:8080:80", "udp:5353:53"})},
            {QStringLiteral("limits"), stringMap({{"memory.max", "256M"}, {"pids.max", "100"}})},
            {QStringLiteral("autostart"), true},
            {QStringLiteral("environment"), strings({"A=1"})},
            {QStringLiteral("removeWhenStopped"), true},
            {QStringLiteral("config"), stringMap({{"lxc.init.cwd", "/tmp"}})},
        };
        auto args = parseCreateSetup(given);
        QVERIFY2(args, args ? "" : args.error().describe().c_str());
        QCOMPARE(args->network, std::string("berthbr0"));
        QCOMPARE(args->setup.address, std::string("10.0.3.20"));
        QCOMPARE(args->setup.forwards, (std::vector<std::string>{"tcp:8080:80", "udp:5353:53"}));
        QCOMPARE(args->setup.limits.memoryMax, std::optional<std::uint64_t>(256ull << 20));
        QCOMPARE(args->setup.limits.pidsMax, std::optional<std::uint64_t>(100));
        QVERIFY(args->setup.autostart);
        QCOMPARE(args->setup.environment, std::vector<std::string>{"A=1"});
        QVERIFY(args->setup.removeWhenStopped);
        QCOMPARE(args->setup.config, (std::vector<std::pair<std::string, std::string>>{{"lxc.init.cwd", "/tmp"}}));
    }

    void emptyIsNothing()
    {
        auto args = parseCreateSetup({});
        QVERIFY(args);
        QVERIFY(args->network.empty());
        QVERIFY(args->setup.empty());
        auto emptyLimits = parseCreateSetup({{QStringLiteral("limits"), stringMap({})}});
        QVERIFY(emptyLimits && emptyLimits->setup.limits.empty());
    }

    void refused_data()
    {
        QTest::addColumn<QVariantMap>("setup");
        const QString net = QStringLiteral("network");
        const QVariant bridge = QStringLiteral("berthbr0");
        QTest::newRow("unknown key") << QVariantMap{{QStringLiteral("adress"), QStringLiteral("10.0.3.20")}};
        QTest::newRow("network not a string") << QVariantMap{{net, 7}};
        QTest::newRow("address not a string") << QVariantMap{{net, bridge}, {QStringLiteral("address"), 7}};
        QTest::newRow("forwards a string") << QVariantMap{{QStringLiteral("forwards"), QStringLiteral("tcp:1:2")}};
        QTest::newRow("limits a list") << QVariantMap{{QStringLiteral("limits"), strings({"memory.max=1G"})}};
        QTest::newRow("autostart a string") << QVariantMap{{QStringLiteral("autostart"), QStringLiteral("true")}};
        QTest::newRow("autostart an int") << QVariantMap{{QStringLiteral("autostart"), 1}};
        QTest::newRow("environment a map") << QVariantMap{{QStringLiteral("environment"), stringMap({{"A", "1"}})}};
        QTest::newRow("removeWhenStopped a string")
            << QVariantMap{{QStringLiteral("removeWhenStopped"), QStringLiteral("yes")}};
        QTest::newRow("config a list") << QVariantMap{{QStringLiteral("config"), strings({"a = b"})}};
        QTest::newRow("bad bridge name") << QVariantMap{{net, QStringLiteral("a/b")}};
        QTest::newRow("address without network")
            << QVariantMap{{QStringLiteral("address"), QStringLiteral("10.0.3.20")}};
        QTest::newRow("bad address") << QVariantMap{{net, bridge},
                                                    {QStringLiteral("address"), QStringLiteral("10.0.3")}};
        QTest::newRow("bad prefix") << QVariantMap{{net, bridge},
                                                   {QStringLiteral("address"), QStringLiteral("10.0.3.20/33")}};
        QTest::newRow("bad forward") << QVariantMap{{QStringLiteral("forwards"), strings({"tcp:8080"})}};
        QTest::newRow("unknown limit") << QVariantMap{{QStringLiteral("limits"), stringMap({{"memory.maxx", "1G"}})}};
        QTest::newRow("limit out of range") << QVariantMap{{QStringLiteral("limits"), stringMap({{"pids.max", "0"}})}};
        QTest::newRow("environment without =") << QVariantMap{{QStringLiteral("environment"), strings({"A"})}};
        QTest::newRow("config key with a newline")
            << QVariantMap{{QStringLiteral("config"), stringMap({{"a\nlxc.include", "x"}})}};
        QTest::newRow("config value with a newline")
            << QVariantMap{{QStringLiteral("config"), stringMap({{"lxc.init.cwd", "/\nlxc.include = /etc"}})}};
    }

    void refused()
    {
        QFETCH(QVariantMap, setup);
        auto args = parseCreateSetup(setup);
        QVERIFY(!args);
        QCOMPARE(args.error().code, EINVAL);
    }

    void needs_data()
    {
        QTest::addColumn<QVariantMap>("setup");
        QTest::addColumn<bool>("network");
        QTest::addColumn<bool>("host");
        const QString forwards = QStringLiteral("forwards");
        const QString config = QStringLiteral("config");
        QTest::newRow("nothing") << QVariantMap{} << false << false;
        QTest::newRow("limits, address, autostart")
            << QVariantMap{{QStringLiteral("network"), QStringLiteral("berthbr0")},
                           {QStringLiteral("address"), QStringLiteral("10.0.3.20")},
                           {QStringLiteral("limits"), stringMap({{"memory.max", "1G"}})},
                           {QStringLiteral("autostart"), true},
                           {QStringLiteral("environment"), strings({"A=1"})},
                           {QStringLiteral("removeWhenStopped"), true}}
            << false << false;
        QTest::newRow("a forward") << QVariantMap{{forwards, strings({"tcp:8080:80"})}} << true << false;
        QTest::newRow("a forward of port 80") << QVariantMap{{forwards, strings({"tcp:80:80"})}} << true << true;
        QTest::newRow("a harmless config line")
            << QVariantMap{{config, stringMap({{"lxc.init.cwd", "/tmp"}})}} << false << false;
        QTest::newRow("a bind mount") << QVariantMap{{config,
                                                      stringMap({{"lxc.mount.entry", "/etc srv none bind 0 0"}})}}
                                      << false << true;
        QTest::newRow("berth.privileged")
            << QVariantMap{{config, stringMap({{"berth.privileged", "1"}})}} << false << true;
    }

    void needs()
    {
        QFETCH(QVariantMap, setup);
        QFETCH(bool, network);
        QFETCH(bool, host);
        auto args = parseCreateSetup(setup);
        QVERIFY2(args, args ? "" : args.error().describe().c_str());
        auto needs = setupNeeds(args->setup, kBase, Paths("/nonexistent-berth-root"));
        QVERIFY2(needs, needs ? "" : needs.error().describe().c_str());
        QCOMPARE(needs->network, network);
        QCOMPARE(!needs->host.empty(), host);
    }

    void includeIsRefused()
    {
        auto args = parseCreateSetup({{QStringLiteral("config"), stringMap({{"lxc.include", "/etc/passwd"}})}});
        QVERIFY(args);
        QVERIFY(!setupNeeds(args->setup, kBase, Paths("/nonexistent-berth-root")));
    }
};

QTEST_GUILESS_MAIN(TestHelperCreateSetup)
#include "test_helper_create_setup.moc"
