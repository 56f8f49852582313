// Privileged containers in the helper: which methods need the
// administrator for one, what Create, SetConfig and an existing container
// are judged to be, the user namespace keys that only an administrator
// changes, and the refusal's words.
#include "host_reason.h"
#include "privilege_rules.h"
#include "user_namespace_change.h"

#include <QtTest/QtTest>

using namespace berth;
using namespace berth::helper;

namespace {

const char* kMap = "lxc.idmap = u 0 1000000000 65536\nlxc.idmap = g 0 1000000000 65536\n";
const char* kApplication =
    "berth.kind = application\nlxc.execute.cmd = /bin/sleep 1000\nlxc.rootfs.path = dir:/tmp/rootfs\n";
const char* kSystem = "berth.kind = system\nlxc.init.cmd = /sbin/init\nlxc.rootfs.path = dir:/tmp/rootfs\n";
const char* kHost = "org.berth.host.bind-mount";
const char* kHostNamespace = "         0          0 4294967295\n";
const char* kOwnNamespace = "         0 1000000000      65536\n";

std::string withMap(const char* text)
{
    return std::string(text) + kMap;
}

} // namespace

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
        for (const char* method : {"Create", "CreateFromFile", "SetConfig", "SetConfigIfUnchanged", "OpenConsole",
                                   "ExecPty", "ExecWithFds", "StartWith"})
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

    // Privileged only when asked for: every kind, template and clone gets
    // a user namespace of its own otherwise.
    void create()
    {
        QVERIFY(!createPrivilege(false).privileged);
        QVERIFY(createPrivilege(false).reasons.empty());
        QVERIFY(createPrivilege(true).privileged);
        QVERIFY(!createPrivilege(true).reasons.empty());
    }

    void config_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("expected");
        QTest::newRow("system with a map") << QString::fromStdString(withMap(kSystem)) << false;
        QTest::newRow("application with a map") << QString::fromStdString(withMap(kApplication)) << false;
        QTest::newRow("system with a map keeping sys_time")
            << QString::fromStdString(withMap(kSystem)) + "lxc.cap.keep = sys_admin sys_time\n"
            << false;
        QTest::newRow("system without a map") << kSystem << true;
        QTest::newRow("application without a map") << kApplication << true;
        QTest::newRow("berth.privileged") << QString(kSystem) + "berth.privileged = 1\n" << true;
        QTest::newRow("unreadable") << "lxc.cap.keep = no_such_cap\n" << true;
    }

    void config()
    {
        QFETCH(QString, text);
        QFETCH(bool, expected);
        QCOMPARE(configPrivilege(text.toStdString()).privileged, expected);
    }

    // The running init counts too: it may have been started with a config since changed.
    void existing_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("uidMap"); // empty: not running
        QTest::addColumn<bool>("expected");
        QTest::newRow("mapped, stopped") << QString::fromStdString(withMap(kSystem)) << "" << false;
        QTest::newRow("mapped, running in its own")
            << QString::fromStdString(withMap(kSystem)) << kOwnNamespace << false;
        QTest::newRow("mapped, running in the host's")
            << QString::fromStdString(withMap(kSystem)) << kHostNamespace << true;
        QTest::newRow("privileged, stopped") << kSystem << "" << true;
    }

    void existing()
    {
        QFETCH(QString, text);
        QFETCH(QString, uidMap);
        QFETCH(bool, expected);
        QCOMPARE(containerPrivilege(Config::parse(text.toStdString()), uidMap.toStdString()).privileged, expected);
    }

    void existingUnreadable()
    {
        const auto verdict = containerPrivilege(failWith(ENOENT, "no config"), {});
        QVERIFY(verdict.privileged);
        QVERIFY(!verdict.reasons.empty());
    }

    void hostUserNamespace()
    {
        QCOMPARE(inHostUserNamespace(kHostNamespace), std::optional<bool>(true));
        QCOMPARE(inHostUserNamespace(kOwnNamespace), std::optional<bool>(false));
        // Two lines, the first the identity of 0: not the host's whole map.
        QCOMPARE(inHostUserNamespace("0 0 1\n1 1000000001 65535\n"), std::optional<bool>(false));
        QCOMPARE(inHostUserNamespace(""), std::optional<bool>());
        QCOMPARE(inHostUserNamespace("0 0\n"), std::optional<bool>());
    }

    void refusalSaysWhy()
    {
        const auto system = configPrivilege(std::string(kSystem) + "berth.privileged = 1\n");
        const std::string create = privilegeReason("x", "Create", createPrivilege(true).reasons).sentence();
        QVERIFY2(create.starts_with("creating container 'x': it is privileged ("), create.c_str());
        QVERIFY2(create.find("its root is the host's root") != std::string::npos, create.c_str());
        const std::string refusal = refusalText(kHost, {privilegeReason("x", "Create", system.reasons)});
        QVERIFY2(refusal.ends_with("needs an administrator (org.berth.host.bind-mount)"), refusal.c_str());

        const std::string set = privilegeReason("x", "SetConfig", system.reasons).sentence();
        QVERIFY2(set.find("config:4: berth.privileged = 1") != std::string::npos, set.c_str());
        QVERIFY2(set.starts_with("giving container 'x' this config"), set.c_str());

        QVERIFY(privilegeReason("x", "ExecWithFds", system.reasons).sentence().starts_with("running a command in"));
        QVERIFY(privilegeReason("x", "OpenConsole", system.reasons).sentence().starts_with("opening the console of"));
    }

    // SetConfig: the user namespace keys are the administrator's.
    void userNamespaceChanges_data()
    {
        QTest::addColumn<QString>("current");
        QTest::addColumn<QString>("next");
        QTest::addColumn<QStringList>("expected"); // each reason's sentence
        const QString mapped = QString::fromStdString(withMap(kSystem));
        QTest::newRow("same map") << mapped << mapped << QStringList{};
        QTest::newRow("same map, other blanks, other order")
            << mapped << QString(kSystem) + "lxc.idmap = g 0  1000000000 65536\nlxc.idmap = u\t0 1000000000 65536\n"
            << QStringList{};
        QTest::newRow("other keys changed") << mapped << mapped + "lxc.start.auto = 1\n" << QStringList{};
        QTest::newRow("map of root added")
            << mapped << QString(kSystem) + "lxc.idmap = u 0 0 65536\nlxc.idmap = g 0 1000000000 65536\n"
            << QStringList{"config:4: lxc.idmap changes the container's user namespace"};
        QTest::newRow("map added to a privileged one")
            << kSystem << mapped
            << QStringList{"config:4: lxc.idmap changes the container's user namespace",
                           "config:5: lxc.idmap changes the container's user namespace"};
        QTest::newRow("map removed")
            << mapped << kSystem
            << QStringList{"removing lxc.idmap = u 0 1000000000 65536 changes the container's user namespace",
                           "removing lxc.idmap = g 0 1000000000 65536 changes the container's user namespace"};
        QTest::newRow("privileged added")
            << kSystem << QString(kSystem) + "berth.privileged = 1\n"
            << QStringList{"config:4: berth.privileged changes the container's user namespace"};
        QTest::newRow("shifted added") << mapped << mapped + "berth.rootfs.shifted = 1\n"
                                       << QStringList{
                                              "config:6: berth.rootfs.shifted changes the container's user namespace"};
    }

    void userNamespaceChanges()
    {
        QFETCH(QString, current);
        QFETCH(QString, next);
        QFETCH(QStringList, expected);
        QStringList got;
        for (const auto& reason :
             helper::userNamespaceChanges(*Config::parse(current.toStdString()), *Config::parse(next.toStdString())))
            got << QString::fromStdString(reason.sentence());
        QCOMPARE(got, expected);
    }
};

QTEST_GUILESS_MAIN(TestHelperPrivilege)
#include "test_helper_privilege.moc"
