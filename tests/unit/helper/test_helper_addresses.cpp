// GetContainer's addresses: configured ones, then leased ones not yet listed.
#include "container_addresses.h"

#include <QtTest>

using namespace berth::helper;

namespace {

std::vector<std::string> toStd(const QStringList& list)
{
    std::vector<std::string> out;
    for (const QString& item : list)
        out.push_back(item.toStdString());
    return out;
}

} // namespace

class TestHelperAddresses : public QObject {
    Q_OBJECT
private slots:
    void merge_data()
    {
        QTest::addColumn<QStringList>("configured");
        QTest::addColumn<QStringList>("leased");
        QTest::addColumn<QStringList>("expected");
        const QStringList none;
        QTest::newRow("nothing") << none << none << none;
        QTest::newRow("configured only") << QStringList{"192.168.88.10/24"} << none << QStringList{"192.168.88.10/24"};
        QTest::newRow("leased only") << none << QStringList{"10.0.3.200/24"} << QStringList{"10.0.3.200/24"};
        QTest::newRow("configured first") << QStringList{"192.168.88.10/24"} << QStringList{"10.0.3.200/24"}
                                          << QStringList{"192.168.88.10/24", "10.0.3.200/24"};
        QTest::newRow("same address once")
            << QStringList{"10.0.50.210/24"} << QStringList{"10.0.50.210/24"} << QStringList{"10.0.50.210/24"};
        // The config's prefix wins: it is what the container's init sets.
        QTest::newRow("same address, other prefix")
            << QStringList{"10.0.50.210/16"} << QStringList{"10.0.50.210/24"} << QStringList{"10.0.50.210/16"};
        QTest::newRow("prefix of an address is not the address")
            << QStringList{"10.0.50.21/24"} << QStringList{"10.0.50.210/24"}
            << QStringList{"10.0.50.21/24", "10.0.50.210/24"};
        QTest::newRow("two leases") << none << QStringList{"10.0.50.200/24", "10.0.3.200/24"}
                                    << QStringList{"10.0.50.200/24", "10.0.3.200/24"};
    }

    void merge()
    {
        QFETCH(QStringList, configured);
        QFETCH(QStringList, leased);
        QFETCH(QStringList, expected);
        QCOMPARE(mergeAddresses(toStd(configured), toStd(leased)), toStd(expected));
    }
};

QTEST_GUILESS_MAIN(TestHelperAddresses)
#include "test_helper_addresses.moc"
