// Privileged containers in the helper: which methods need the
// administrator for one, what Create, SetConfig and an existing container
// are judged to be, and the refusal's words.
#include "host_reason.h"
#include "privilege_rules.h"

#include <QtTest/QtTest>

using namespace berth;
using namespace berth::helper;

namespace {

const char* kApplication = "berth.kind = application\nlxc.execute.cmd = /bin/sleep 1000\nlxc.rootfs.path = dir:/tmp/rootfs\n";
const char* kSystem = "berth.kind = system\nlxc.init.cmd = /sbin/init\nlxc.rootfs.path = dir:/tmp/rootfs\n";
const char* kHost = "org.berth.host.bind-mount";

PrivilegeVerdict unprivileged() { return {}; }
PrivilegeVerdict privileged() { return {true, {"its source is privileged"}}; }

// A /proc/<pid>/status with this bounding set.
std::string statusWith(const char* capBnd)
{
    return std::string("Name:\tinit\nCapInh:\t0000000000000000\nCapBnd:\t") + capBnd + "\nCapAmb:\t0000000000000000\n";
}

} // namespace

Q_DECLARE_METATYPE(std::optional<ContainerKind>)

class TestHelperPrivilege : public QObject {
    Q_OBJECT

private slots:
    // Every Manager1 method that changes something: those that make a
    // privileged container or run the caller's code in one need the
    // administrator; the others keep their normal action.
    void methods_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<bool>("needsAdmin");
        for (const char* method : {"Create", "CreateFromFile", "SetConfig", "OpenConsole", "ExecPty", "ExecWithFds"})
            QTest::newRow(method) << method << true;
        for (const char* method : {"Start", "Stop", "Kill", "Freeze", "Thaw", "Destroy", "SetLimits", "Export",
                 "ResizeConsole", "WaitExec", "GetConfig", "GetContainer", "GetLog"})
            QTest::newRow(method) << method << false;
    }

    void methods()
    {
        QFETCH(QString, method);
        QFETCH(bool, needsAdmin);
        QCOMPARE(needsAdminWhenPrivileged(method.toStdString()), needsAdmin);
    }

    void create_data()
    {
        QTest::addColumn<QString>("templateName");
        QTest::addColumn<std::optional<ContainerKind>>("kind");
        QTest::addColumn<bool>("sourcePrivileged");
        QTest::addColumn<bool>("expected");
        const std::optional<ContainerKind> none;
        const std::optional<ContainerKind> app = ContainerKind::Application;
        const std::optional<ContainerKind> sys = ContainerKind::System;
        QTest::newRow("busybox system") << "busybox" << sys << false << true;
        QTest::newRow("busybox default kind") << "busybox" << none << false << true;
        QTest::newRow("busybox application") << "busybox" << app << false << false;
        QTest::newRow("debian default kind") << "debian" << none << false << true;
        QTest::newRow("tarball application") << "tarball" << app << false << false;
        QTest::newRow("oci default kind") << "oci" << none << false << false;
        QTest::newRow("oci system") << "oci" << sys << false << true;
        QTest::newRow("lxc-import application") << "lxc-import" << app << false << true;
        QTest::newRow("clone of a privileged one") << "clone" << app << true << true;
        QTest::newRow("clone of an application") << "clone" << sys << false << false;
    }

    void create()
    {
        QFETCH(QString, templateName);
        QFETCH(std::optional<ContainerKind>, kind);
        QFETCH(bool, sourcePrivileged);
        QFETCH(bool, expected);
        const auto verdict = createPrivilege(templateName.toStdString(), kind,
                                             sourcePrivileged ? privileged : unprivileged);
        QCOMPARE(verdict.privileged, expected);
        QCOMPARE(verdict.reasons.empty(), !expected);
    }

    void config_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("expected");
        QTest::newRow("application") << kApplication << false;
        QTest::newRow("application keeping sys_time") << QString(kApplication) + "lxc.cap.keep = sys_time\n" << true;
        QTest::newRow("system") << kSystem << true;
        QTest::newRow("system keeping none") << QString(kSystem) + "lxc.cap.keep = none\n" << false;
        QTest::newRow("unreadable") << "lxc.cap.keep = no_such_cap\n" << true;
    }

    void config()
    {
        QFETCH(QString, text);
        QFETCH(bool, expected);
        QCOMPARE(configPrivilege(text.toStdString()).privileged, expected);
    }

    // The running init counts too: it may have been started with a config since trimmed.
    void existing_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("capBnd");   // empty: not running
        QTest::addColumn<bool>("expected");
        QTest::newRow("application, stopped") << kApplication << "" << false;
        QTest::newRow("application, running") << kApplication << "00000000a80425fb" << false;
        QTest::newRow("application, running privileged") << kApplication << "000001fffeffffff" << true;
        QTest::newRow("system, stopped") << kSystem << "" << true;
    }

    void existing()
    {
        QFETCH(QString, text);
        QFETCH(QString, capBnd);
        QFETCH(bool, expected);
        const std::string status = capBnd.isEmpty() ? std::string() : statusWith(capBnd.toLatin1().constData());
        QCOMPARE(containerPrivilege(Config::parse(text.toStdString()), status).privileged, expected);
    }

    void existingUnreadable()
    {
        const auto verdict = containerPrivilege(failWith(ENOENT, "no config"), {});
        QVERIFY(verdict.privileged);
        QVERIFY(!verdict.reasons.empty());
    }

    void boundingSet()
    {
        QCOMPARE(boundingSetOf(statusWith("00000000a80425fb")), std::optional<std::uint64_t>(0xa80425fb));
        QCOMPARE(boundingSetOf("Name:\tx\n"), std::optional<std::uint64_t>());
        QCOMPARE(boundingSetOf(statusWith("zz")), std::optional<std::uint64_t>());
    }

    void refusalSaysWhy()
    {
        const auto system = configPrivilege(kSystem);
        const std::string create = privilegeReason("x", "Create", system.reasons).sentence();
        QVERIFY2(create.starts_with("creating container 'x': it is privileged ("), create.c_str());
        QVERIFY2(create.find("CAP_SYS_ADMIN") != std::string::npos, create.c_str());
        const std::string refusal = refusalText(kHost, {privilegeReason("x", "Create", system.reasons)});
        QVERIFY2(refusal.ends_with("needs an administrator (org.berth.host.bind-mount)"), refusal.c_str());

        const auto keep = configPrivilege(std::string(kApplication) + "lxc.cap.keep = sys_time\n");
        const std::string set = privilegeReason("x", "SetConfig", keep.reasons).sentence();
        QVERIFY2(set.find("config:4: lxc.cap.keep keeps sys_time") != std::string::npos, set.c_str());
        QVERIFY2(set.starts_with("giving container 'x' this config"), set.c_str());

        QVERIFY(privilegeReason("x", "ExecWithFds", system.reasons).sentence().starts_with("running a command in"));
        QVERIFY(privilegeReason("x", "OpenConsole", system.reasons).sentence().starts_with("opening the console of"));
    }
};

QTEST_GUILESS_MAIN(TestHelperPrivilege)
#include "test_helper_privilege.moc"
