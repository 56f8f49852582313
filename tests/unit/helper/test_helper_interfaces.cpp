// AddInterface's settings and SetInterface's changes (a{sv}) as the helper
// reads them before authorization, and what the config with the edit asks
// of the caller: the host action for an interface that reaches the host.
#include "interface_args.h"

#include "berth/paths.h"

#include <QTemporaryDir>

#include <fstream>
#include <QtTest>

using namespace berth;
using namespace berth::helper;

namespace {

const std::string kConfig = "lxc.uts.name = web\nlxc.rootfs.path = dir:/var/lib/berth/containers/web/rootfs\n"
                            "lxc.net.0.type = veth\nlxc.net.0.link = berthbr0\n";

QVariant strings(std::initializer_list<const char*> items)
{
    QStringList list;
    for (const char* item : items)
        list << QString::fromLatin1(item);
    return list;
}

} // namespace

class TestHelperInterfaces : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyKey()
    {
        const QVariantMap given{
            {QStringLiteral("type"), QStringLiteral("veth")}, {QStringLiteral("link"), QStringLiteral("lab0")},
            {QStringLiteral("hwaddr"), QStringLiteral("")},   {QStringLiteral("name"), QStringLiteral("eth1")},
            {QStringLiteral("ipv4"), strings({"10.0.3.20"})}, {QStringLiteral("mtu"), QVariant::fromValue(1400u)},
        };
        auto change = parseInterfaceArgs(given);
        QVERIFY2(change, change ? "" : change.error().describe().c_str());
        QCOMPARE(change->type, std::optional<std::string>("veth"));
        QCOMPARE(change->link, std::optional<std::string>("lab0"));
        QCOMPARE(change->hwaddr, std::optional<std::string>(""));
        QCOMPARE(change->name, std::optional<std::string>("eth1"));
        QCOMPARE(change->ipv4, std::optional<std::vector<std::string>>(std::vector<std::string>{"10.0.3.20"}));
        QCOMPARE(change->mtu, std::optional<unsigned>(1400));
        auto none = parseInterfaceArgs({});
        QVERIFY(none && none->empty());
    }

    void refused_data()
    {
        QTest::addColumn<QVariantMap>("args");
        QTest::newRow("unknown key") << QVariantMap{{QStringLiteral("bridge"), QStringLiteral("lab0")}};
        QTest::newRow("index is no setting") << QVariantMap{{QStringLiteral("index"), QVariant::fromValue(1u)}};
        QTest::newRow("type not a string") << QVariantMap{{QStringLiteral("type"), 1}};
        QTest::newRow("link a list") << QVariantMap{{QStringLiteral("link"), strings({"lab0"})}};
        QTest::newRow("ipv4 a string") << QVariantMap{{QStringLiteral("ipv4"), QStringLiteral("10.0.3.20")}};
        QTest::newRow("mtu signed") << QVariantMap{{QStringLiteral("mtu"), 1400}};
        QTest::newRow("mtu a string") << QVariantMap{{QStringLiteral("mtu"), QStringLiteral("1400")}};
    }

    void refused()
    {
        QFETCH(QVariantMap, args);
        auto change = parseInterfaceArgs(args);
        QVERIFY(!change);
        QCOMPARE(change.error().code, EINVAL);
    }

    void needs_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("link");
        QTest::addColumn<bool>("host");
        const int add = int(InterfaceEdit::Kind::Add);
        const int set = int(InterfaceEdit::Kind::Set);
        QTest::newRow("veth on Berth's default bridge") << add << "veth"
                                                        << "" << false;
        QTest::newRow("veth on a Berth bridge") << add << "veth"
                                                << "mine0" << false;
        QTest::newRow("veth on a host bridge") << add << "veth"
                                               << "lan0" << true;
        QTest::newRow("macvlan") << add << "macvlan"
                                 << "eno1" << true;
        QTest::newRow("empty") << add << "empty"
                               << "" << false;
        QTest::newRow("eth0 moved to a host bridge") << set << ""
                                                     << "lan0" << true;
        QTest::newRow("eth0 moved to a Berth bridge") << set << ""
                                                      << "mine0" << false;
    }

    void needs()
    {
        QFETCH(int, kind);
        QFETCH(QString, type);
        QFETCH(QString, link);
        QFETCH(bool, host);
        QTemporaryDir root;
        const Paths paths = Paths(root.path().toStdString());
        // mine0 is one of Berth's bridges: its definition is in the store.
        std::filesystem::create_directories(paths.networkConfig("mine0").parent_path());
        std::ofstream(paths.networkConfig("mine0")) << "";
        InterfaceEdit edit{InterfaceEdit::Kind(kind), 0, {}};
        if (!type.isEmpty())
            edit.change.type = type.toStdString();
        if (!link.isEmpty())
            edit.change.link = link.toStdString();
        auto reasons = interfaceEditExposures(kConfig, edit, paths);
        QVERIFY2(reasons, reasons ? "" : reasons.error().describe().c_str());
        QCOMPARE(!reasons->empty(), host);
    }

    void removedInterfaceNeedsNothing()
    {
        const std::string macvlan = kConfig + "lxc.net.1.type = macvlan\nlxc.net.1.link = eno1\n";
        QTemporaryDir root;
        const Paths paths = Paths(root.path().toStdString());
        auto before = interfaceEditExposures(macvlan, {InterfaceEdit::Kind::Set, 0, {}}, paths);
        QVERIFY(before && !before->empty());
        auto after = interfaceEditExposures(macvlan, {InterfaceEdit::Kind::Remove, 1, {}}, paths);
        QVERIFY(after && after->empty());
    }

    void missingInterfaceRefused()
    {
        QTemporaryDir root;
        const Paths paths = Paths(root.path().toStdString());
        auto reasons = interfaceEditExposures(kConfig, {InterfaceEdit::Kind::Set, 3, {}}, paths);
        QVERIFY(!reasons);
        QCOMPARE(reasons.error().code, EINVAL);
    }
};

QTEST_GUILESS_MAIN(TestHelperInterfaces)
#include "test_helper_interfaces.moc"
