// GetContainer's waitLinks: the host links autostart waits for.
#include "wait_links.h"

#include <QtTest>

using namespace berth;
using namespace berth::helper;

class TestHelperWaitLinks : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void links_data()
    {
        QTest::addColumn<QString>("network");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("no network") << "" << QStringList{};
        QTest::newRow("empty") << "lxc.net.0.type = empty\n" << QStringList{};
        QTest::newRow("veth, default bridge") << "lxc.net.0.type = veth\n" << QStringList{};
        QTest::newRow("veth, berthbr0 named") << "lxc.net.0.type = veth\nlxc.net.0.link = berthbr0\n" << QStringList{};
        QTest::newRow("veth, Berth's bridge") << "lxc.net.0.type = veth\nlxc.net.0.link = berthnet\n" << QStringList{};
        QTest::newRow("veth, host bridge") << "lxc.net.0.type = veth\nlxc.net.0.link = br0\n" << QStringList{"br0"};
        QTest::newRow("macvlan parent") << "lxc.net.0.type = macvlan\nlxc.net.0.link = eno1\n" << QStringList{"eno1"};
        QTest::newRow("each once, in order") << "lxc.net.0.type = macvlan\nlxc.net.0.link = eno1\n"
                                                "lxc.net.1.type = veth\nlxc.net.1.link = br0\n"
                                                "lxc.net.2.type = veth\nlxc.net.2.link = berthnet\n"
                                                "lxc.net.3.type = veth\nlxc.net.3.link = br0\n"
                                             << QStringList{"eno1", "br0"};
    }
    void links()
    {
        QFETCH(QString, network);
        QFETCH(QStringList, expected);
        // A state root where 'berthnet' is one of Berth's networks.
        QTemporaryDir root;
        QVERIFY(root.isValid());
        const Paths paths(root.path().toStdString());
        QVERIFY(QDir().mkpath(QString::fromStdString(paths.networksDir().string())));
        QFile conf(QString::fromStdString(paths.networkConfig("berthnet").string()));
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.close();
        auto config = Config::parse("lxc.rootfs.path = /srv/rootfs\n" + network.toStdString());
        QVERIFY2(config, config ? "" : config.error().message.c_str());
        auto spec = ContainerSpec::fromConfig(*config);
        QVERIFY2(spec, spec ? "" : spec.error().message.c_str());
        QStringList got;
        for (const auto& link : waitLinks(*spec, paths))
            got << QString::fromStdString(link);
        QCOMPARE(got, expected);
    }
};

QTEST_APPLESS_MAIN(TestHelperWaitLinks)
#include "test_helper_wait_links.moc"
