// v1 <-> v2 weight conversions at the edges and in between, and the
// round trips the inverse functions promise.
#include "cgroup/limit_writes.h"

#include <QtTest/QtTest>

using namespace berth::cgroup;

class TestLimitConversion : public QObject {
    Q_OBJECT
private slots:
    void sharesToWeight_data();
    void sharesToWeight();
    void weightRoundTrip_data();
    void weightRoundTrip();
    void blkioToIo_data();
    void blkioToIo();
    void ioWeightRoundTrip();
    void sharesRoundTripKeepsTheWeight();
};

void TestLimitConversion::sharesToWeight_data()
{
    QTest::addColumn<quint64>("shares");
    QTest::addColumn<uint>("weight");
    QTest::addColumn<quint64>("backToShares"); // weightToShares(weight)

    QTest::newRow("minimum") << quint64(2) << 1u << quint64(2);
    QTest::newRow("v1 default 1024") << quint64(1024) << 39u << quint64(999);
    QTest::newRow("maximum") << quint64(262144) << 10000u << quint64(262144);
    QTest::newRow("512") << quint64(512) << 20u << quint64(501);
    QTest::newRow("below range clamps") << quint64(0) << 1u << quint64(2);
    QTest::newRow("above range clamps") << quint64(1000000) << 10000u << quint64(262144);
}

void TestLimitConversion::sharesToWeight()
{
    QFETCH(quint64, shares);
    QFETCH(uint, weight);
    QFETCH(quint64, backToShares);
    QCOMPARE(berth::cgroup::sharesToWeight(shares), weight);
    QCOMPARE(weightToShares(weight), backToShares);
}

void TestLimitConversion::weightRoundTrip_data()
{
    QTest::addColumn<uint>("weight");
    QTest::addColumn<quint64>("shares");

    QTest::newRow("1") << 1u << quint64(2);
    QTest::newRow("v2 default 100") << 100u << quint64(2598);
    QTest::newRow("10000") << 10000u << quint64(262144);
    QTest::newRow("5000") << 5000u << quint64(131060);
}

// weight -> shares -> weight is exact: the inverse rounds up.
void TestLimitConversion::weightRoundTrip()
{
    QFETCH(uint, weight);
    QFETCH(quint64, shares);
    QCOMPARE(weightToShares(weight), shares);
    QCOMPARE(berth::cgroup::sharesToWeight(shares), weight);
}

void TestLimitConversion::blkioToIo_data()
{
    QTest::addColumn<uint>("blkio");
    QTest::addColumn<uint>("io");

    QTest::newRow("minimum 10") << 10u << 1u;
    QTest::newRow("default 500") << 500u << 4950u;
    QTest::newRow("maximum 1000") << 1000u << 10000u;
    QTest::newRow("100") << 100u << 910u;
}

// blkio -> io -> blkio is exact for the whole v1 range.
void TestLimitConversion::blkioToIo()
{
    QFETCH(uint, blkio);
    QFETCH(uint, io);
    QCOMPARE(blkioWeightToIoWeight(blkio), io);
    QCOMPARE(ioWeightToBlkioWeight(io), blkio);
}

void TestLimitConversion::ioWeightRoundTrip()
{
    for (std::uint32_t b = 10; b <= 1000; ++b)
        QCOMPARE(ioWeightToBlkioWeight(blkioWeightToIoWeight(b)), b);
    QCOMPARE(ioWeightToBlkioWeight(1), 10u);
    QCOMPARE(ioWeightToBlkioWeight(100), 20u);
    QCOMPARE(ioWeightToBlkioWeight(10000), 1000u);
}

void TestLimitConversion::sharesRoundTripKeepsTheWeight()
{
    for (std::uint32_t w = 1; w <= 10000; ++w)
        QCOMPARE(berth::cgroup::sharesToWeight(weightToShares(w)), w);
}

QTEST_GUILESS_MAIN(TestLimitConversion)
#include "test_limit_conversion.moc"
