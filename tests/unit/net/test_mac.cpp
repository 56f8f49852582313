// Stable generated MACs and MAC parsing.
#include "net/mac.h"

#include <QtTest>

#include <set>

using namespace berth::net;

class TestMac : public QObject {
    Q_OBJECT
private slots:
    void stableIsDeterministicAndDistinct()
    {
        QCOMPARE(stableMac("web", 0), stableMac("web", 0));
        QVERIFY(stableMac("web", 0) != stableMac("web", 1));
        QVERIFY(stableMac("web", 0) != stableMac("db", 0));
        // The separator keeps name and index apart.
        QVERIFY(stableMac("web1", 0) != stableMac("web", 10));
    }

    void stableFormat()
    {
        // Recorded value: the hash must not change between releases, or
        // containers would get new MACs (and new DHCP leases) on upgrade.
        QCOMPARE(QString::fromStdString(stableMac("web", 0)), QStringLiteral("00:16:3e:2f:c6:07"));
        std::set<std::string> seen;
        for (unsigned i = 0; i < 500; ++i) {
            const std::string mac = stableMac("c" + std::to_string(i), i % 4);
            QVERIFY2(QRegularExpression("^00:16:3e:[0-9a-f]{2}:[0-9a-f]{2}:[0-9a-f]{2}$")
                         .match(QString::fromStdString(mac))
                         .hasMatch(),
                     mac.c_str());
            // The generated address must be accepted as an interface address.
            QCOMPARE(parseMac(mac).value_or("rejected"), mac);
            seen.insert(mac);
        }
        // 500 names in 2^24 values: a collision here would mean a poor hash.
        QCOMPARE(seen.size(), 500u);
    }

    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("normalised"); // empty: invalid
        QTest::newRow("lower") << "00:16:3e:aa:bb:cc"
                               << "00:16:3e:aa:bb:cc";
        QTest::newRow("upper") << "00:16:3E:AA:BB:CC"
                               << "00:16:3e:aa:bb:cc";
        QTest::newRow("local admin") << "02:00:00:00:00:01"
                                     << "02:00:00:00:00:01";
        QTest::newRow("multicast") << "01:00:5e:00:00:01"
                                   << "";
        QTest::newRow("broadcast") << "ff:ff:ff:ff:ff:ff"
                                   << "";
        QTest::newRow("zero") << "00:00:00:00:00:00"
                              << "";
        QTest::newRow("dashes") << "00-16-3e-aa-bb-cc"
                                << "";
        QTest::newRow("short") << "00:16:3e:aa:bb"
                               << "";
        QTest::newRow("long") << "00:16:3e:aa:bb:cc:dd"
                              << "";
        QTest::newRow("single digits") << "0:16:3e:a:b:c"
                                       << "";
        QTest::newRow("not hex") << "00:16:3e:aa:bb:cg"
                                 << "";
        QTest::newRow("placeholder") << "00:16:3e:xx:xx:xx"
                                     << "";
        QTest::newRow("trailing colon") << "00:16:3e:aa:bb:c:"
                                        << "";
        QTest::newRow("empty") << ""
                               << "";
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(QString, normalised);
        const auto parsed = parseMac(text.toStdString());
        QCOMPARE(parsed.has_value(), !normalised.isEmpty());
        if (parsed)
            QCOMPARE(QString::fromStdString(*parsed), normalised);
        else
            QCOMPARE(parsed.error().code, EINVAL);
    }
};

QTEST_APPLESS_MAIN(TestMac)
#include "test_mac.moc"
