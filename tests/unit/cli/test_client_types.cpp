// The client library's conversions of the helper's dictionaries and error
// names, including values as they arrive from the bus (QDBusArgument).
#include "client_error.h"
#include "client_types.h"

#include <QDBusArgument>
#include <QDBusError>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QtTest>

using namespace berth::client;

namespace {

// A conversion the test expects to succeed.
template <class T> T ok(Result<T> result)
{
    if (!result)
        qFatal("%s", qPrintable(result.error().message));
    return *result;
}

} // namespace

class TestClientTypes : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void errorNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("kind");
        QTest::newRow("invalid") << "org.berth.Error.InvalidArgument" << int(ErrorKind::InvalidArgument);
        QTest::newRow("auth") << "org.berth.Error.NotAuthorized" << int(ErrorKind::NotAuthorized);
        QTest::newRow("not found") << "org.berth.Error.NotFound" << int(ErrorKind::NotFound);
        QTest::newRow("exists") << "org.berth.Error.AlreadyExists" << int(ErrorKind::AlreadyExists);
        QTest::newRow("busy") << "org.berth.Error.Busy" << int(ErrorKind::Busy);
        QTest::newRow("failed") << "org.berth.Error.Failed" << int(ErrorKind::Failed);
        QTest::newRow("changed") << "org.berth.Error.Changed" << int(ErrorKind::Changed);
        QTest::newRow("service unknown") << "org.freedesktop.DBus.Error.ServiceUnknown" << int(ErrorKind::NoHelper);
        QTest::newRow("no reply") << "org.freedesktop.DBus.Error.NoReply" << int(ErrorKind::NoHelper);
        QTest::newRow("spawn") << "org.freedesktop.DBus.Error.Spawn.ExecFailed" << int(ErrorKind::NoHelper);
        QTest::newRow("disconnected") << "org.freedesktop.DBus.Error.Disconnected" << int(ErrorKind::NoHelper);
        QTest::newRow("bus policy") << "org.freedesktop.DBus.Error.AccessDenied" << int(ErrorKind::NotAuthorized);
        QTest::newRow("unknown") << "com.example.Whatever" << int(ErrorKind::Failed);
        QTest::newRow("prefix only") << "org.berth.Error.NotFoundX" << int(ErrorKind::Failed);
    }
    void errorNames()
    {
        QFETCH(QString, name);
        QFETCH(int, kind);
        QCOMPARE(int(errorKindForName(name)), kind);
        const auto error = clientError(QDBusError(QDBusMessage::createError(name, QStringLiteral("why"))));
        QCOMPARE(error.name, name);
        QCOMPARE(error.message, QStringLiteral("why"));
    }

    // The bus's NoReply for a helper that died before it answered (issue
    // #20): the helper stopped, it is not missing; a timeout stays NoHelper.
    void helperDiedBeforeAnswering()
    {
        const QString noReply = QStringLiteral("org.freedesktop.DBus.Error.NoReply");
        const auto died =
            clientError(noReply, QStringLiteral("Message recipient disconnected from message bus without replying"));
        QCOMPARE(int(died.kind), int(ErrorKind::HelperGone));
        QVERIFY2(died.message.contains(QLatin1String("helper stopped")), qPrintable(died.message));
        QCOMPARE(int(clientError(noReply, QStringLiteral("Did not receive a reply.")).kind), int(ErrorKind::NoHelper));
    }

    void containerInfo()
    {
        const QVariantMap map{{"name", "web"},
                              {"state", "running"},
                              {"pid", 42},
                              {"monitorPid", 41},
                              {"startedAt", qlonglong(1700000000)},
                              {"kind", "system"},
                              {"template", "busybox"},
                              {"addresses", QStringList{"10.0.3.5/24"}},
                              {"autostart", true},
                              {"startOrder", -2},
                              {"startDelay", 7u},
                              {"waitLinks", QStringList{"br0", "eno1"}},
                              {"limits", QVariantMap{{"pids.max", "100"}}},
                              {"warnings", QStringList{"config:4: lxc.apparmor.profile = 'x': not applied"}},
                              {"lastExitCode", 3}};
        const auto info = ok(containerInfoFromMap(map));
        QCOMPARE(info.name, QStringLiteral("web"));
        QCOMPARE(info.pid, 42);
        QCOMPARE(info.monitorPid, 41);
        QCOMPARE(info.startedAt, qint64(1700000000));
        QCOMPARE(info.templateName, QStringLiteral("busybox"));
        QCOMPARE(info.addresses, QStringList{QStringLiteral("10.0.3.5/24")});
        QVERIFY(info.autostart);
        QCOMPARE(info.startOrder, -2);
        QCOMPARE(info.startDelay, 7u);
        QCOMPARE(info.waitLinks, (QStringList{QStringLiteral("br0"), QStringLiteral("eno1")}));
        QCOMPARE(limitArgsMap(info.limits).value(QStringLiteral("pids.max")), QStringLiteral("100"));
        QCOMPARE(info.warnings, QStringList{QStringLiteral("config:4: lxc.apparmor.profile = 'x': not applied")});
        QVERIFY(info.hasExited);
        QCOMPARE(info.lastExitCode, 3);
        const auto bare = ok(containerInfoFromMap({{"name", "x"}, {"state", "stopped"}}));
        QVERIFY(!bare.hasExited);
        QCOMPARE(bare.startOrder, 0);
        QCOMPARE(bare.startDelay, 0u);
        QVERIFY(bare.waitLinks.isEmpty());
        QVERIFY(bare.warnings.isEmpty());
    }

    // State and kind arrive as model's enums; a word the client does not
    // know is a clear error naming the field, never read as stopped.
    void containerStateAndKind_data()
    {
        QTest::addColumn<QVariantMap>("map");
        QTest::addColumn<int>("state"); // -1: refused
        QTest::addColumn<int>("kind");  // -1: none
        QTest::addColumn<QString>("message");
        using berth::model::ContainerKind;
        using berth::model::RunState;
        const QVariantMap app{{"name", "a"}, {"state", "frozen"}, {"kind", "application"}};
        QTest::newRow("frozen application")
            << app << int(RunState::Frozen) << int(ContainerKind::Application) << QString();
        QTest::newRow("no kind (config unreadable)")
            << QVariantMap{{"name", "a"}, {"state", "starting"}} << int(RunState::Starting) << -1 << QString();
        QTest::newRow("unmanaged (its monitor lost)")
            << QVariantMap{{"name", "a"}, {"state", "unmanaged"}, {"kind", "system"}} << int(RunState::Unmanaged)
            << int(ContainerKind::System) << QString();
        QTest::newRow("unknown state") << QVariantMap{{"name", "a"}, {"state", "unknown"}, {"kind", "system"}} << -1
                                       << -1
                                       << QStringLiteral(
                                              "GetContainer: field 'state' is 'unknown', not a container state");
        QTest::newRow("new state") << QVariantMap{{"name", "a"}, {"state", "paused"}} << -1 << -1
                                   << QStringLiteral("GetContainer: field 'state' is 'paused', not a container state");
        QTest::newRow("no state") << QVariantMap{{"name", "a"}} << -1 << -1
                                  << QStringLiteral("GetContainer: field 'state' is '', not a container state");
        QTest::newRow("unknown kind") << QVariantMap{{"name", "a"}, {"state", "stopped"}, {"kind", "vm"}} << -1 << -1
                                      << QStringLiteral("GetContainer: field 'kind' is 'vm', not a container kind");
    }

    void containerStateAndKind()
    {
        QFETCH(QVariantMap, map);
        QFETCH(int, state);
        QFETCH(int, kind);
        QFETCH(QString, message);
        const auto info = containerInfoFromMap(map);
        if (state < 0) {
            QVERIFY(!info);
            QCOMPARE(int(info.error().kind), int(ErrorKind::BadReply));
            QCOMPARE(info.error().message, message);
            return;
        }
        QVERIFY(info);
        QCOMPARE(int(info->state), state);
        QCOMPARE(info->kind ? int(*info->kind) : -1, kind);
        QCOMPARE(wireText(info->state), map.value("state").toString());
        QCOMPARE(wireText(info->kind), map.value("kind").toString());
    }

    // Issue #18: GetContainer's limits arrive typed, read once with the
    // model's parser; a v1 weight stays in its family; what SetLimits would
    // refuse is a clear error naming the field.
    void containerLimitsTyped()
    {
        const auto info =
            ok(containerInfoFromMap({{"name", "web"},
                                     {"state", "stopped"},
                                     {"limits", QVariantMap{{"memory.max", "268435456"}, {"cpu.shares", "512"}}}}));
        QCOMPARE(info.limits.memoryMax, std::optional<std::uint64_t>(268435456));
        QCOMPARE(info.limits.cpuShares, std::optional<std::uint64_t>(512));
        QVERIFY(!info.limits.cpuWeight);
        QVERIFY(ok(containerInfoFromMap({{"name", "web"}, {"state", "stopped"}})).limits.empty());
        for (const QVariantMap& limits : {QVariantMap{{"memory.max", "lots"}}, QVariantMap{{"memory.size", "1"}}}) {
            const auto bad = containerInfoFromMap({{"name", "web"}, {"state", "stopped"}, {"limits", limits}});
            QVERIFY(!bad);
            QCOMPARE(int(bad.error().kind), int(ErrorKind::BadReply));
            QVERIFY2(bad.error().message.contains(QStringLiteral("'limits'")), qPrintable(bad.error().message));
        }
    }

    // The user namespace fields, and the host block read from the map.
    void userNamespace()
    {
        const auto mapped = ok(containerInfoFromMap({{"name", "web"},
                                                     {"state", "stopped"},
                                                     {"privileged", false},
                                                     {"idmap", "u 0 1000065536 65536, g 0 1000065536 65536"},
                                                     {"rootfsIds", "idmapped"}}));
        QVERIFY(!mapped.privileged);
        QCOMPARE(mapped.rootfsIds, QStringLiteral("idmapped"));
        QCOMPARE(mapped.hostUidFirst, 1000065536u);
        QCOMPARE(mapped.hostUidCount, 65536u);
        const auto old =
            ok(containerInfoFromMap({{"name", "old"}, {"state", "stopped"}, {"privileged", true}, {"idmap", ""}}));
        QVERIFY(old.privileged);
        QCOMPARE(old.hostUidCount, 0u);
    }

    // Create's options carry berth.privileged only when asked for.
    void createOptionsCarryPrivileged()
    {
        CreateRequest request;
        request.options.insert(QStringLiteral("release"), QStringLiteral("bookworm"));
        QCOMPARE(createOptions(request), request.options);
        request.privileged = true;
        const auto options = createOptions(request);
        QCOMPARE(options.value(QStringLiteral("berth.privileged")), QStringLiteral("true"));
        QCOMPARE(options.value(QStringLiteral("release")), QStringLiteral("bookworm"));
    }

    // Template options nested in the template's dictionary.
    void nestedFromBus()
    {
        qDBusRegisterMetaType<QList<QVariantMap>>();
        const QList<QVariantMap> options{{{"key", "release"},
                                          {"type", "choice"},
                                          {"choices", QStringList{"a", "b"}},
                                          {"required", true},
                                          {"minimum", qlonglong(1)},
                                          {"maximum", qlonglong(9)}},
                                         {{"key", "image"}, {"type", "file"}, {"acceptsDirectory", true}}};
        // A QDBusArgument built here cannot be read back (the system test
        // covers the bus's form); the plain list takes the same path after it.
        const QVariantMap plain{
            {"name", "debian"}, {"defaultKind", "system"}, {"options", QVariant::fromValue(options)}};
        const auto info = ok(templateInfoFromMap(plain));
        QCOMPARE(info.name, QStringLiteral("debian"));
        QCOMPARE(info.options.size(), 2);
        QCOMPARE(info.options[0].choices, (QStringList{"a", "b"}));
        QVERIFY(info.options[0].required);
        QCOMPARE(info.options[0].maximum, qint64(9));
        QVERIFY(info.options[1].acceptsDirectory);
    }

    void stats()
    {
        const QVariantMap map{{"timestampNs", qlonglong(5)},
                              {"memoryCurrent", qulonglong(100)},
                              {"memoryLimit", qulonglong(kNoLimit)},
                              {"cpuQuotaCores", 1.5},
                              {"pidsCurrent", qulonglong(3)}};
        const auto s = ok(statsFromMap(QStringLiteral("web"), map));
        QCOMPARE(s.name, QStringLiteral("web"));
        QCOMPARE(s.memoryCurrent, quint64(100));
        QCOMPARE(s.memoryLimit, kNoLimit);
        QCOMPARE(s.cpuQuotaCores, 1.5);
        QCOMPARE(s.pidsLimit, kNoLimit); // absent: no limit, not zero
    }

    void bridgeAndCheck()
    {
        const auto bridge =
            ok(bridgeFromMap({{"name", "berth0"}, {"nat", true}, {"mtu", 1500u}, {"containers", QStringList{"web"}}}));
        QCOMPARE(bridge.name, QStringLiteral("berth0"));
        QVERIFY(bridge.nat);
        QCOMPARE(bridge.mtu, 1500u);
        QCOMPARE(bridge.containers, QStringList{QStringLiteral("web")});
        const auto item = ok(checkItemFromMap({{"group", "ns"}, {"id", "ns.pid"}, {"status", "ok"}}));
        QCOMPARE(item.id, QStringLiteral("ns.pid"));
        QCOMPARE(item.status, QStringLiteral("ok"));
    }

    // Issue #18: GetContainer's `interfaces` become model::NetInterface once.
    void containerInterfaces()
    {
        const QVariantMap veth{{"index", 0u},    {"type", "veth"},
                               {"link", "lab0"}, {"hwaddr", "00:16:3e:aa:bb:cc"},
                               {"name", "eth0"}, {"ipv4", QStringList{"10.0.4.20/24", "bogus"}},
                               {"mtu", 1400u}};
        const QVariantMap macvlan{{"index", 3u}, {"type", "macvlan"}, {"link", "eno1"}, {"name", "lan0"}};
        const auto info =
            ok(containerInfoFromMap({{"name", "web"},
                                     {"state", "running"},
                                     {"interfaces", QVariant::fromValue(QList<QVariantMap>{veth, macvlan})}}));
        QCOMPARE(info.interfaces.size(), std::size_t(2));
        const berth::model::NetInterface first{
            0,   "veth", "lab0", "00:16:3e:aa:bb:cc", "eth0", {berth::model::Ipv4Cidr::parse("10.0.4.20/24").value()},
            1400};
        QVERIFY(info.interfaces[0] == first);
        QVERIFY(info.interfaces[1] == (berth::model::NetInterface{3, "macvlan", "eno1", "", "lan0", {}, 0}));
        QVERIFY(ok(containerInfoFromMap({{"name", "web"}, {"state", "running"}})).interfaces.empty());
    }

    // Issue #16: ChangeBridge gets only the keys of what is set.
    void bridgeChanges()
    {
        BridgeChange change;
        change.mtu = 1400u;
        QCOMPARE(bridgeChangeMap(change), (QVariantMap{{"mtu", 1400u}}));
        change = {};
        change.dhcpRange = berth::model::Ipv4Range::parse("10.0.3.100-10.0.3.150").value();
        change.nat = false;
        QCOMPARE(bridgeChangeMap(change), (QVariantMap{{"dhcpRange", "10.0.3.100-10.0.3.150"}, {"nat", false}}));
        // Issue #18: the GUI's editor sends model::diff, no longer every setting (wholeBridgeChange is gone).
        change = {};
        change.address = berth::model::Ipv4Cidr::parse("10.0.4.1/24").value();
        change.domain = "lab";
        QCOMPARE(bridgeChangeMap(change), (QVariantMap{{"address", "10.0.4.1/24"}, {"domain", "lab"}}));
    }

    void stringMaps()
    {
        QCOMPARE(stringMap(QVariant::fromValue(QMap<QString, QString>{{"a", "1"}})).value(QStringLiteral("a")),
                 QStringLiteral("1"));
        QCOMPARE(stringMap(QVariantMap{{"a", 2}}).value(QStringLiteral("a")), QStringLiteral("2"));
    }
};

QTEST_GUILESS_MAIN(TestClientTypes)
#include "test_client_types.moc"
