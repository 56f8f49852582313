// Privileged containers need the administrator (issue #14, items 4 and 7):
// a member of group "berth" (no password, the shipped rules) is refused a
// system container, a config keeping sys_time, and exec or console in a
// system container root made; root does all of it; the member still
// creates, starts, execs in, stops and destroys an application container.
#include "berthctl_run.h"
#include "integration_env.h"
#include "system_bus.h"

#include <QCoreApplication>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusReply>
#include <QDBusInterface>
#include <QtTest>

using namespace berth::test;

namespace {

const QString kService = QStringLiteral("org.berth.Berth1");
const QString kPath = QStringLiteral("/org/berth/Berth1");
const QString kManager = QStringLiteral("org.berth.Manager1");
const QString kUser = QStringLiteral("berth-test-user");
const QString kGroup = QStringLiteral("berth");

QString gvariantString(QString text)
{
    text.replace(QLatin1String("\\"), QLatin1String("\\\\")).replace(QLatin1String("'"), QLatin1String("\\'"));
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

} // namespace

class TestPrivilegeSystem : public QObject {
    Q_OBJECT
private:
    SystemBus m_bus;

    QDBusMessage call(const QString& method, const QVariantList& args = {})
    {
        auto message = QDBusMessage::createMethodCall(kService, kPath, kManager, method);
        message.setArguments(args);
        return m_bus.connection().call(message, QDBus::Block, 300000);
    }

    // gdbus as the member; its output, errors included.
    QString callAsMember(const QString& method, const QStringList& args, int* exitCode = nullptr)
    {
        const QStringList command{QStringLiteral("gdbus"), QStringLiteral("call"), QStringLiteral("--address"),
                                  m_bus.address(), QStringLiteral("--dest"), kService,
                                  QStringLiteral("--object-path"), kPath, QStringLiteral("--method"),
                                  kManager + QStringLiteral(".") + method};
        QString out;
        const int code = runAs(kUser, command + args, &out);
        if (exitCode)
            *exitCode = code;
        return out;
    }

    // berthctl as the member; its exit code, output in *out.
    int berthctlAsMember(const QStringList& args, QString* out)
    {
        return runAs(kUser, QStringList{QStringLiteral(BERTHCTL_BINARY)} + args, out);
    }

    QString state(const QString& name)
    {
        auto reply = call(QStringLiteral("GetContainer"), {name});
        if (reply.type() != QDBusMessage::ReplyMessage)
            return reply.errorName();
        return qdbus_cast<QVariantMap>(reply.arguments().value(0)).value(QStringLiteral("state")).toString();
    }

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
        if (run(QStringLiteral("getent"), {QStringLiteral("group"), kGroup}) != 0)
            QCOMPARE(run(QStringLiteral("groupadd"), {QStringLiteral("--system"), kGroup}), 0);
        if (run(QStringLiteral("id"), {kUser}) != 0)
            QCOMPARE(run(QStringLiteral("useradd"), {QStringLiteral("--system"), QStringLiteral("--no-create-home"),
                                                     QStringLiteral("--shell"), QStringLiteral("/usr/sbin/nologin"),
                                                     kUser}),
                     0);
        QCOMPARE(run(QStringLiteral("gpasswd"), {QStringLiteral("-a"), kUser, kGroup}), 0);
        SystemBusSettings settings;
        settings.stateRoot = QString::fromStdString(IntegrationEnvironment::instance().stateRoot().string());
        settings.cgroupParent = QString::fromStdString(IntegrationEnvironment::instance().cgroupParent());
        QString why;
        QVERIFY2(m_bus.start(settings, &why), qPrintable(why));
        qputenv("BERTH_BUS_ADDRESS", m_bus.address().toUtf8());
    }

    void cleanupTestCase()
    {
        for (const auto& name : {QStringLiteral("rootsys"), QStringLiteral("membersys"), QStringLiteral("memberapp"),
                 QStringLiteral("membercopy")})
            call(QStringLiteral("Destroy"), {name, true});
        m_bus.stop();
        run(QStringLiteral("gpasswd"), {QStringLiteral("-d"), kUser, kGroup});
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

int main(int argc, char** argv)
{
    return berth::test::runIntegrationTest("TestPrivilegeSystem", [&] {
        QCoreApplication app(argc, argv);
        TestPrivilegeSystem test;
        return QTest::qExec(&test, argc, argv);
    });
}

#include "test_privilege_system.moc"
