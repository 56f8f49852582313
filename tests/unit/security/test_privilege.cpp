// The privileged-container predicate: no user namespace of its own (no
// lxc.idmap), whatever the kind and the capabilities; and the reason named.
#include "security/privilege.h"

#include <QtTest/QtTest>

using namespace berth;

namespace {

ContainerSpec specOf(const std::string& text)
{
    auto config = Config::parse(text);
    if (!config)
        qFatal("config: %s", config.error().describe().c_str());
    auto spec = ContainerSpec::fromConfig(*config);
    if (!spec)
        qFatal("spec: %s", spec.error().describe().c_str());
    return *spec;
}

const char* kApplication = "berth.kind = application\nlxc.execute.cmd = /bin/true\nlxc.rootfs.path = dir:/tmp/rootfs\n";
const char* kSystem = "berth.kind = system\nlxc.init.cmd = /sbin/init\nlxc.rootfs.path = dir:/tmp/rootfs\n";
const char* kMap = "lxc.idmap = u 0 1000000000 65536\nlxc.idmap = g 0 1000000000 65536\n";

} // namespace

class TestPrivilege : public QObject {
    Q_OBJECT

private slots:
    void predicate_data()
    {
        QTest::addColumn<QString>("config");
        QTest::addColumn<bool>("privileged");
        QTest::newRow("system with a map") << QString(kSystem) + kMap << false;
        QTest::newRow("application with a map") << QString(kApplication) + kMap << false;
        // Capabilities are the user namespace's, not the host's.
        QTest::newRow("system with a map keeps sys_module")
            << QString(kSystem) + kMap + "lxc.cap.keep = sys_admin sys_module\n"
            << false;
        QTest::newRow("system without a map") << kSystem << true;
        QTest::newRow("application without a map") << kApplication << true;
        QTest::newRow("berth.privileged") << QString(kSystem) + "berth.privileged = 1\n" << true;
        QTest::newRow("application trimmed, no map") << QString(kApplication) + "lxc.cap.keep = none\n" << true;
    }

    void predicate()
    {
        QFETCH(QString, config);
        QFETCH(bool, privileged);
        QCOMPARE(security::isPrivileged(specOf(config.toStdString())), privileged);
    }

    void reasonNamesTheLine()
    {
        const std::string text = std::string(kSystem) + "berth.privileged = 1\n";
        const auto reasons = security::privilegeReasons(*Config::parse(text), specOf(text));
        QCOMPARE(reasons.size(), std::size_t{1});
        QCOMPARE(reasons[0],
                 std::string("it has no user namespace (config:4: berth.privileged = 1): its root is the host's root"));
    }

    void reasonWithoutTheKey()
    {
        const std::string text = kApplication;
        const auto reasons = security::privilegeReasons(*Config::parse(text), specOf(text));
        QCOMPARE(reasons.size(), std::size_t{1});
        QCOMPARE(reasons[0], std::string("it has no user namespace (no lxc.idmap): its root is the host's root"));
    }

    void noReasonsWhenUnprivileged()
    {
        const std::string text = std::string(kSystem) + kMap;
        QVERIFY(security::privilegeReasons(*Config::parse(text), specOf(text)).empty());
    }
};

QTEST_GUILESS_MAIN(TestPrivilege)
#include "test_privilege.moc"
