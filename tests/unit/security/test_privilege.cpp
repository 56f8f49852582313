// The privileged-container predicate: capabilities beyond the application
// default set, whichever kind and key gives them; and the reasons named.
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
// Docker's default set, as an administrator would write it.
const char* kDockerSet = "chown dac_override fsetid fowner mknod net_raw setgid setuid setfcap setpcap "
                         "net_bind_service sys_chroot kill audit_write";

} // namespace

class TestPrivilege : public QObject {
    Q_OBJECT

private slots:
    void predicate_data()
    {
        QTest::addColumn<QString>("config");
        QTest::addColumn<bool>("privileged");
        QTest::newRow("application") << kApplication << false;
        QTest::newRow("application minus net_raw") << QString(kApplication) + "lxc.cap.drop = net_raw\n" << false;
        QTest::newRow("application keeps sys_time") << QString(kApplication) + "lxc.cap.keep = sys_time\n" << true;
        QTest::newRow("application keeps the Docker set")
            << QString(kApplication) + "lxc.cap.keep = " + kDockerSet + "\n" << false;
        QTest::newRow("application keeps sys_admin") << QString(kApplication) + "lxc.cap.keep = chown sys_admin\n" << true;
        QTest::newRow("system") << kSystem << true;
        QTest::newRow("system minus sys_admin") << QString(kSystem) + "lxc.cap.drop = sys_admin\n" << true;
        QTest::newRow("system trimmed to the Docker set")
            << QString(kSystem) + "lxc.cap.keep = " + kDockerSet + "\n" << false;
        QTest::newRow("system keeps none") << QString(kSystem) + "lxc.cap.keep = none\n" << false;
        QTest::newRow("system keeps sys_time sys_module sys_rawio")
            << QString(kSystem) + "lxc.cap.keep = sys_time sys_module sys_rawio\n" << true;
        QTest::newRow("system keeps by number") << QString(kSystem) + "lxc.cap.keep = 25\n" << true;
        QTest::newRow("no kind is system") << "lxc.init.cmd = /sbin/init\nlxc.rootfs.path = dir:/tmp/rootfs\n" << true;
    }

    void predicate()
    {
        QFETCH(QString, config);
        QFETCH(bool, privileged);
        QCOMPARE(security::isPrivileged(specOf(config.toStdString())), privileged);
    }

    void systemReasonNamesSysAdmin()
    {
        const std::string text = kSystem;
        const auto reasons = security::privilegeReasons(*Config::parse(text), specOf(text));
        QCOMPARE(reasons.size(), std::size_t{1});
        QVERIFY2(reasons[0].find("CAP_SYS_ADMIN") != std::string::npos, reasons[0].c_str());
        QVERIFY2(reasons[0].find("system container") != std::string::npos, reasons[0].c_str());
    }

    // A kept capability beyond the kind's default set is named with its line.
    void keepReasonNamesLineAndCapability_data()
    {
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("expected");
        QTest::newRow("application sys_time")
            << QString(kApplication) + "lxc.cap.keep = chown\nlxc.cap.keep = sys_time\n"
            << "config:5: lxc.cap.keep keeps sys_time (CAP_SYS_TIME, which application containers drop)";
        QTest::newRow("system sys_module")
            << QString(kSystem) + "lxc.cap.keep = sys_module\n"
            << "config:4: lxc.cap.keep keeps sys_module (CAP_SYS_MODULE, which system containers drop)";
        QTest::newRow("system sys_admin")
            << QString(kSystem) + "lxc.cap.keep = chown sys_admin\n"
            << "config:4: lxc.cap.keep keeps sys_admin (CAP_SYS_ADMIN, beyond the application set)";
    }

    void keepReasonNamesLineAndCapability()
    {
        QFETCH(QString, config);
        QFETCH(QString, expected);
        const std::string text = config.toStdString();
        const auto reasons = security::privilegeReasons(*Config::parse(text), specOf(text));
        QVERIFY(!reasons.empty());
        bool found = false;
        for (const auto& reason : reasons)
            found = found || reason.find(expected.toStdString()) != std::string::npos;
        QVERIFY2(found, reasons.front().c_str());
    }

    void noReasonsWhenUnprivileged()
    {
        const std::string text = kApplication;
        QVERIFY(security::privilegeReasons(*Config::parse(text), specOf(text)).empty());
    }
};

QTEST_GUILESS_MAIN(TestPrivilege)
#include "test_privilege.moc"
