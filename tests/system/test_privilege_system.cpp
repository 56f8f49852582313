// Privileged containers need the administrator (issue #14, items 4 and 7):
// a member of group "berth" (no password, the shipped rules) is refused a
// system container, a config keeping sys_time, and exec or console in a
// system container root made; root does all of it; the member still
// creates, starts, execs in, stops and destroys an application container.
#include "berthctl_run.h"
#include "helper_calls.h"
#include "integration_bus.h"
#include "system_bus.h"
#include "test_users.h"

#include <QCoreApplication>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusReply>
#include <QDBusInterface>
#include <QtTest>

using namespace berth::test;

class TestPrivilegeSystem : public QObject {
    Q_OBJECT
private:
    SystemBus m_bus;

    QDBusMessage call(const QString& method, const QVariantList& args = {})
    {
        return callHelper(m_bus, kManager, method, args);
    }

    // gdbus as the member; its output, errors included.
    QString callAsMember(const QString& method, const QStringList& args, int* exitCode = nullptr)
    {
        QString out;
        const int code = runAs(kTestUser, gdbusCall(m_bus, kManager + QStringLiteral(".") + method) + args, &out);
        if (exitCode)
            *exitCode = code;
        return out;
    }

    // berthctl as the member; its exit code, output in *out.
    int berthctlAsMember(const QStringList& args, QString* out)
    {
        return runAs(kTestUser, QStringList{QStringLiteral(BERTHCTL_BINARY)} + args, out);
    }

    QString state(const QString& name) { return containerState(m_bus, name); }

    QString config(const QString& name)
    {
        return call(QStringLiteral("GetConfig"), {name}).arguments().value(0).toString();
    }

    // A member's refusal: NotAuthorized, saying why in plain words.
    static void verifyPrivilegeRefusal(const QString& out, const QString& name, const QString& mentions)
    {
        QVERIFY2(out.contains(QLatin1String("org.berth.Error.NotAuthorized")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("container '%1'").arg(name)), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("it is privileged")), qPrintable(out));
        QVERIFY2(out.contains(mentions), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("needs an administrator (org.berth.host.bind-mount)")), qPrintable(out));
    }

private Q_SLOTS:
    void initTestCase()
    {
        qDBusRegisterMetaType<QMap<QString, QString>>();
        QString why;
        QVERIFY2(ensureMember(kTestUser, &why), qPrintable(why));
        QVERIFY2(startTestBus(m_bus, &why), qPrintable(why));
    }

    void cleanupTestCase()
    {
        for (const auto& name : {QStringLiteral("rootsys"), QStringLiteral("membersys"), QStringLiteral("memberapp"),
                 QStringLiteral("membercopy")})
            call(QStringLiteral("Destroy"), {name, true});
        m_bus.stop();
        removeFromGroup(kTestUser, kBerthGroup);
    }

    void memberIsRefusedASystemContainer()
    {
        const QString out = callAsMember(QStringLiteral("Create"),
            {QStringLiteral("'membersys'"), QStringLiteral("'busybox'"), QStringLiteral("@a{ss} {}"),
             QStringLiteral("'system'"), QStringLiteral("@as []"), QStringLiteral("''")});
        verifyPrivilegeRefusal(out, QStringLiteral("membersys"), QStringLiteral("CAP_SYS_ADMIN"));
        QCOMPARE(state(QStringLiteral("membersys")), QStringLiteral("org.berth.Error.NotFound"));

        // The template's default kind is system too; berthctl says what a member may make.
        QString said;
        const int code = berthctlAsMember({QStringLiteral("create"), QStringLiteral("membersys"), QStringLiteral("-t"),
                                           QStringLiteral("busybox")}, &said);
        QVERIFY2(code == 3, qPrintable(said));
        QVERIFY2(said.contains(QLatin1String("is privileged")) && said.contains(QLatin1String("--app")), qPrintable(said));
        QCOMPARE(state(QStringLiteral("membersys")), QStringLiteral("org.berth.Error.NotFound"));
    }

    void rootMakesAndEntersASystemContainer()
    {
        EXPECT_CODE(berthctl({QStringLiteral("create"), QStringLiteral("rootsys"), QStringLiteral("-t"),
                              QStringLiteral("busybox")}), 0);
        EXPECT_CODE(berthctl({QStringLiteral("start"), QStringLiteral("rootsys")}), 0);
        const Outcome echo = berthctl({QStringLiteral("exec"), QStringLiteral("rootsys"), QStringLiteral("--"),
                                       QStringLiteral("echo"), QStringLiteral("root-was-here")});
        QVERIFY2(echo.code == 0 && echo.outText().contains(QLatin1String("root-was-here")), qPrintable(describe(echo)));
        auto console = call(QStringLiteral("OpenConsole"), {QStringLiteral("rootsys"), 0});
        QVERIFY2(console.type() == QDBusMessage::ReplyMessage, qPrintable(console.errorMessage()));
    }

    // Root on the host, once inside: exec and console need the administrator.
    void memberCannotEnterAPrivilegedContainer()
    {
        QCOMPARE(state(QStringLiteral("rootsys")), QStringLiteral("running"));
        QString said;
        const int code = berthctlAsMember({QStringLiteral("exec"), QStringLiteral("rootsys"), QStringLiteral("--"),
                                           QStringLiteral("touch"), QStringLiteral("/member-was-here")}, &said);
        QVERIFY2(code == 3 && said.contains(QLatin1String("is privileged")), qPrintable(said));
        verifyPrivilegeRefusal(callAsMember(QStringLiteral("ExecPty"),
                                            {QStringLiteral("'rootsys'"), QStringLiteral("['/bin/true']"),
                                             QStringLiteral("@as []"), QStringLiteral("'/'")}),
                               QStringLiteral("rootsys"), QStringLiteral("running a command in"));
        verifyPrivilegeRefusal(callAsMember(QStringLiteral("OpenConsole"), {QStringLiteral("'rootsys'"), QStringLiteral("0")}),
                               QStringLiteral("rootsys"), QStringLiteral("opening the console of"));
        // Nothing of the caller's runs in a start, stop or freeze: those stay the member's.
        int status = -1;
        QString out = callAsMember(QStringLiteral("Freeze"), {QStringLiteral("'rootsys'")}, &status);
        QVERIFY2(status == 0, qPrintable(out));
        out = callAsMember(QStringLiteral("Thaw"), {QStringLiteral("'rootsys'")}, &status);
        QVERIFY2(status == 0, qPrintable(out));
        // Not even a clone of it.
        verifyPrivilegeRefusal(callAsMember(QStringLiteral("Create"),
                                            {QStringLiteral("'membercopy'"), QStringLiteral("'clone'"),
                                             QStringLiteral("{'source': 'rootsys'}"), QStringLiteral("''"),
                                             QStringLiteral("@as []"), QStringLiteral("''")}),
                               QStringLiteral("membercopy"), QStringLiteral("CAP_SYS_ADMIN"));
        QCOMPARE(state(QStringLiteral("membercopy")), QStringLiteral("org.berth.Error.NotFound"));
    }

    void memberRunsAnApplicationContainer()
    {
        QString said;
        int code = berthctlAsMember({QStringLiteral("create"), QStringLiteral("memberapp"), QStringLiteral("-t"),
                                     QStringLiteral("busybox"), QStringLiteral("--app"), QStringLiteral("--"),
                                     QStringLiteral("sleep"), QStringLiteral("1000")}, &said);
        QVERIFY2(code == 0, qPrintable(said));
        code = berthctlAsMember({QStringLiteral("start"), QStringLiteral("memberapp")}, &said);
        QVERIFY2(code == 0, qPrintable(said));
        code = berthctlAsMember({QStringLiteral("exec"), QStringLiteral("memberapp"), QStringLiteral("--"),
                                 QStringLiteral("echo"), QStringLiteral("member-was-here")}, &said);
        QVERIFY2(code == 0 && said.contains(QLatin1String("member-was-here")), qPrintable(said));
    }

    // A capability beyond the kind's default set, whatever the old config.
    void memberCannotAddCapabilities()
    {
        const QString before = config(QStringLiteral("memberapp"));
        const QString keep = before + QStringLiteral("lxc.cap.keep = sys_time\n");
        const int line = int(before.count(QLatin1Char('\n'))) + 1;
        verifyPrivilegeRefusal(callAsMember(QStringLiteral("SetConfig"), {QStringLiteral("'memberapp'"), gvariantString(keep)}),
                               QStringLiteral("memberapp"),
                               QStringLiteral("config:%1: lxc.cap.keep keeps sys_time").arg(line));
        // Nor make it a system container.
        QString system = before;
        system.replace(QLatin1String("berth.kind = application"), QLatin1String("berth.kind = system"));
        verifyPrivilegeRefusal(callAsMember(QStringLiteral("SetConfig"), {QStringLiteral("'memberapp'"), gvariantString(system)}),
                               QStringLiteral("memberapp"), QStringLiteral("CAP_SYS_ADMIN"));
        QCOMPARE(config(QStringLiteral("memberapp")), before);
        // Root may.
        auto set = call(QStringLiteral("SetConfig"), {QStringLiteral("memberapp"), keep});
        QVERIFY2(set.type() == QDBusMessage::ReplyMessage, qPrintable(set.errorMessage()));
        QCOMPARE(config(QStringLiteral("memberapp")), keep);
        set = call(QStringLiteral("SetConfig"), {QStringLiteral("memberapp"), before});
        QVERIFY2(set.type() == QDBusMessage::ReplyMessage, qPrintable(set.errorMessage()));
    }

    void memberStopsAndDestroysTheirs()
    {
        QString said;
        int code = berthctlAsMember({QStringLiteral("stop"), QStringLiteral("memberapp")}, &said);
        QVERIFY2(code == 0, qPrintable(said));
        code = berthctlAsMember({QStringLiteral("destroy"), QStringLiteral("memberapp")}, &said);
        QVERIFY2(code == 0, qPrintable(said));
        QCOMPARE(state(QStringLiteral("memberapp")), QStringLiteral("org.berth.Error.NotFound"));
        // And a root-made system container: stopping and destroying run nothing of theirs.
        code = berthctlAsMember({QStringLiteral("stop"), QStringLiteral("rootsys")}, &said);
        QVERIFY2(code == 0, qPrintable(said));
        code = berthctlAsMember({QStringLiteral("destroy"), QStringLiteral("rootsys")}, &said);
        QVERIFY2(code == 0, qPrintable(said));
    }
};

BERTH_SYSTEM_TEST_MAIN(TestPrivilegeSystem)

#include "test_privilege_system.moc"
