// model/interface.h: a container's static address on a bridge (rows formerly
// in tests/gui/test_wizard_pure.cpp, as problems instead of texts) and the
// keys GetContainer's `interfaces` carries.
#include "berth/model/interface.h"

#include <QtTest>

using namespace berth::model;

Q_DECLARE_METATYPE(AddressProblem)

class TestModelInterface : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void staticAddresses_data()
    {
        QTest::addColumn<QString>("bridge");
        QTest::addColumn<QString>("address");
        QTest::addColumn<AddressProblem>("problem");
        QTest::addColumn<QString>("cidr"); // as the config takes it
        QTest::newRow("inside") << "10.0.3.1/24"
                                << "10.0.3.20" << AddressProblem::None << "10.0.3.20/24";
        QTest::newRow("last host") << "10.0.3.1/24"
                                   << "10.0.3.254" << AddressProblem::None << "10.0.3.254/24";
        QTest::newRow("first host, bridge elsewhere") << "10.0.3.254/24"
                                                      << "10.0.3.1" << AddressProblem::None << "10.0.3.1/24";
        QTest::newRow("wide subnet") << "172.16.0.1/16"
                                     << "172.16.9.9" << AddressProblem::None << "172.16.9.9/16";
        QTest::newRow("outside") << "10.0.3.1/24"
                                 << "10.0.4.20" << AddressProblem::OutsideSubnet << "";
        QTest::newRow("outside, other class") << "10.0.3.1/24"
                                              << "192.168.1.2" << AddressProblem::OutsideSubnet << "";
        QTest::newRow("network") << "10.0.3.1/24"
                                 << "10.0.3.0" << AddressProblem::Network << "";
        QTest::newRow("broadcast") << "10.0.3.1/24"
                                   << "10.0.3.255" << AddressProblem::Broadcast << "";
        QTest::newRow("bridge's own") << "10.0.3.1/24"
                                      << "10.0.3.1" << AddressProblem::BridgeAddress << "";
        QTest::newRow("empty") << "10.0.3.1/24"
                               << "" << AddressProblem::Empty << "";
        QTest::newRow("three parts") << "10.0.3.1/24"
                                     << "10.0.3" << AddressProblem::NotAddress << "";
        QTest::newRow("octet too big") << "10.0.3.1/24"
                                       << "10.0.3.256" << AddressProblem::NotAddress << "";
        QTest::newRow("leading zero") << "10.0.3.1/24"
                                      << "10.0.3.020" << AddressProblem::NotAddress << "";
        QTest::newRow("with prefix") << "10.0.3.1/24"
                                     << "10.0.3.20/24" << AddressProblem::NotAddress << "";
        QTest::newRow("letters") << "10.0.3.1/24"
                                 << "box1" << AddressProblem::NotAddress << "";
        QTest::newRow("trailing dot") << "10.0.3.1/24"
                                      << "10.0.3.20." << AddressProblem::NotAddress << "";
        // /31 and /32 have no network or broadcast address (RFC 3021).
        QTest::newRow("/31 lower") << "10.0.3.1/31"
                                   << "10.0.3.0" << AddressProblem::None << "10.0.3.0/31";
        QTest::newRow("/30 network") << "10.0.3.1/30"
                                     << "10.0.3.0" << AddressProblem::Network << "";
        QTest::newRow("/30 broadcast") << "10.0.3.1/30"
                                       << "10.0.3.3" << AddressProblem::Broadcast << "";
    }
    void staticAddresses()
    {
        QFETCH(QString, bridge);
        QFETCH(QString, address);
        QFETCH(AddressProblem, problem);
        QFETCH(QString, cidr);
        const Ipv4Cidr bridgeCidr = Ipv4Cidr::parse(bridge.toStdString()).value();
        QCOMPARE(checkStaticAddress(address.toStdString(), bridgeCidr), problem);
        const auto got = staticAddressCidr(address.toStdString(), bridgeCidr);
        QCOMPARE(got ? QString::fromStdString(got->toString()) : QString(), cidr);
    }

    void wireKeys()
    {
        using namespace interface_keys;
        const std::vector<std::string_view> keys{kIndex, kType, kLink, kHwaddr, kName, kIpv4, kMtu};
        const std::vector<std::string_view> expected{"index", "type", "link", "hwaddr", "name", "ipv4", "mtu"};
        QCOMPARE(keys, expected);
    }
};

QTEST_GUILESS_MAIN(TestModelInterface)
#include "test_model_interface.moc"
