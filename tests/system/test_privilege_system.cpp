// Privileged containers need the administrator; unprivileged ones, system
// containers included, are a member's (issue #15, policy). A member of group
// "berth" (no password, the shipped rules) creates, starts and enters a
// busybox system container: root inside is a block's ID on the host. The
// member is refused --privileged, entering a privileged container root made,
// and any change of the container's ID map; `list` and `info` say which is
// which; the member converts root's stopped privileged container.
#include "berthctl_run.h"
#include "helper_calls.h"
#include "integration_bus.h"
#include "system_bus.h"
#include "test_users.h"

#include <QCoreApplication>
#include <QDBusArgument>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QFile>
#include <QTemporaryDir>
#include <QRegularExpression>
#include <QtTest>

using namespace berth::test;

namespace {

// The host ID of root inside, from GetContainer's idmap ("u 0 BASE 65536, ...").
qint64 hostRootOf(const QString& idmap)
{
    const auto match = QRegularExpression(QStringLiteral("u 0 (\\d+) 65536")).match(idmap);
    return match.hasMatch() ? match.captured(1).toLongLong() : -1;
}

// The real uid in /proc/<pid>/status, as the host sees the process.
qint64 hostUidOf(int pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const auto match =
        QRegularExpression(QStringLiteral("\\nUid:\\s+(\\d+)")).match(QString::fromLatin1(status.readAll()));
    return match.hasMatch() ? match.captured(1).toLongLong() : -1;
}

// The row of `name` in `berthctl list`, split at blanks.
QStringList listRow(const QString& listing, const QString& name)
{
    for (const QString& line : listing.split(QLatin1Char('\n'))) {
        const QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.value(0) == name)
            return words;
    }
    return {};
}

} // namespace

class TestPrivilegeSystem : public QObject {
    Q_OBJECT
private:
    SystemBus m_bus;

    QDBusMessage call(const QString& method, const QVariantList& args = {})
    {
        return callHelper(m_bus, kManager, method, args);
    }

    QVariantMap info(const QString& name)
    {
        const QVariant reply = call(QStringLiteral("GetContainer"), {name}).arguments().value(0);
        return qdbus_cast<QVariantMap>(reply);
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

    // berthctl as the member (C locale); its exit code, output in *out.
    int berthctlAsMember(const QStringList& args, QString* out)
    {
        return runAs(kTestUser,
                     QStringList{QStringLiteral("env"), QStringLiteral("LC_ALL=C.UTF-8"), QStringLiteral("LANGUAGE="),
                                 QStringLiteral("BERTH_BUS_ADDRESS=") + m_bus.address(),
                                 QStringLiteral(BERTHCTL_BINARY)} +
                         args,
                     out);
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

    // SetConfig of `text` as the member: refused naming `mentions`, the config unchanged.
    void verifyMapChangeRefused(const QString& name, const QString& text, const QString& mentions)
    {
        const QString before = config(name);
        const QString out =
            callAsMember(QStringLiteral("SetConfig"), {QStringLiteral("'%1'").arg(name), gvariantString(text)});
        QVERIFY2(out.contains(QLatin1String("org.berth.Error.NotAuthorized")), qPrintable(out));
        QVERIFY2(out.contains(mentions), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("needs an administrator (org.berth.host.bind-mount)")), qPrintable(out));
        QCOMPARE(config(name), before);
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
        for (const auto& name : {QStringLiteral("rootsys"), QStringLiteral("membersys"), QStringLiteral("memberpriv"),
                                 QStringLiteral("membercopy"), QStringLiteral("rootold"), QStringLiteral("rootexposed"),
                                 QStringLiteral("memberimport")})
            call(QStringLiteral("Destroy"), {name, true});
        m_bus.stop();
        removeFromGroup(kTestUser, kBerthGroup);
    }

    // The default: a system container of the member's, root inside an
    // unprivileged user of the host (a block of Berth's range).
    void memberMakesAnUnprivilegedSystemContainer()
    {
        QString said;
        int code = berthctlAsMember(
            {QStringLiteral("create"), QStringLiteral("membersys"), QStringLiteral("-t"), QStringLiteral("busybox")},
            &said);
        QVERIFY2(code == 0, qPrintable(said));
        QCOMPARE(info(QStringLiteral("membersys")).value(QStringLiteral("kind")).toString(), QStringLiteral("system"));
        QCOMPARE(info(QStringLiteral("membersys")).value(QStringLiteral("privileged")).toBool(), false);
        code = berthctlAsMember({QStringLiteral("start"), QStringLiteral("membersys")}, &said);
        QVERIFY2(code == 0, qPrintable(said));
        code = berthctlAsMember({QStringLiteral("exec"), QStringLiteral("membersys"), QStringLiteral("--"),
                                 QStringLiteral("id"), QStringLiteral("-u")},
                                &said);
        QVERIFY2(code == 0 && said.trimmed() == QLatin1String("0"), qPrintable(said));
        // On the host the same init is the block's first ID, never 0.
        const QVariantMap now = info(QStringLiteral("membersys"));
        const qint64 base = hostRootOf(now.value(QStringLiteral("idmap")).toString());
        QVERIFY2(base > 0, qPrintable(now.value(QStringLiteral("idmap")).toString()));
        QCOMPARE(hostUidOf(now.value(QStringLiteral("pid")).toInt()), base);
        QCOMPARE(now.value(QStringLiteral("rootfsIds")).toString(), QStringLiteral("idmapped"));
        // And it is the member's to reconfigure, as long as the map stays.
        const QString text = config(QStringLiteral("membersys")) + QStringLiteral("lxc.start.auto = 1\n");
        int status = -1;
        const QString out =
            callAsMember(QStringLiteral("SetConfig"), {QStringLiteral("'membersys'"), gvariantString(text)}, &status);
        QVERIFY2(status == 0, qPrintable(out));
        QCOMPARE(config(QStringLiteral("membersys")), text);
    }

    void memberIsRefusedAPrivilegedContainer()
    {
        QString said;
        const int code = berthctlAsMember({QStringLiteral("create"), QStringLiteral("memberpriv"), QStringLiteral("-t"),
                                           QStringLiteral("busybox"), QStringLiteral("--privileged")},
                                          &said);
        QVERIFY2(code == 3, qPrintable(said));
        QVERIFY2(said.contains(QLatin1String("creating container 'memberpriv': it is privileged")) &&
                     said.contains(QLatin1String("its root is the host's root")) &&
                     said.contains(QLatin1String("needs an administrator")),
                 qPrintable(said));
        QCOMPARE(state(QStringLiteral("memberpriv")), QStringLiteral("org.berth.Error.NotFound"));
    }

    void rootMakesAndEntersAPrivilegedContainer()
    {
        EXPECT_CODE(berthctl({QStringLiteral("create"), QStringLiteral("rootsys"), QStringLiteral("-t"),
                              QStringLiteral("busybox"), QStringLiteral("--privileged")}),
                    0);
        QCOMPARE(info(QStringLiteral("rootsys")).value(QStringLiteral("privileged")).toBool(), true);
        EXPECT_CODE(berthctl({QStringLiteral("start"), QStringLiteral("rootsys")}), 0);
        const Outcome echo = berthctl({QStringLiteral("exec"), QStringLiteral("rootsys"), QStringLiteral("--"),
                                       QStringLiteral("echo"), QStringLiteral("root-was-here")});
        QVERIFY2(echo.code == 0 && echo.outText().contains(QLatin1String("root-was-here")), qPrintable(describe(echo)));
        QCOMPARE(hostUidOf(info(QStringLiteral("rootsys")).value(QStringLiteral("pid")).toInt()), 0);
    }

    // Root on the host, once inside: exec and console need the administrator.
    void memberCannotEnterAPrivilegedContainer()
    {
        QCOMPARE(state(QStringLiteral("rootsys")), QStringLiteral("running"));
        QString said;
        const int code = berthctlAsMember({QStringLiteral("exec"), QStringLiteral("rootsys"), QStringLiteral("--"),
                                           QStringLiteral("touch"), QStringLiteral("/member-was-here")},
                                          &said);
        QVERIFY2(code == 3 && said.contains(QLatin1String("is privileged")), qPrintable(said));
        verifyPrivilegeRefusal(
            callAsMember(QStringLiteral("ExecPty"), {QStringLiteral("'rootsys'"), QStringLiteral("['/bin/true']"),
                                                     QStringLiteral("@as []"), QStringLiteral("'/'")}),
            QStringLiteral("rootsys"), QStringLiteral("its root is the host's root"));
        verifyPrivilegeRefusal(
            callAsMember(QStringLiteral("OpenConsole"), {QStringLiteral("'rootsys'"), QStringLiteral("0")}),
            QStringLiteral("rootsys"), QStringLiteral("opening the console of"));
        // A start with the caller's command as its init (start NAME -- CMD) is an exec too.
        verifyPrivilegeRefusal(
            callAsMember(QStringLiteral("StartWith"), {QStringLiteral("'rootsys'"), QStringLiteral("['/bin/sh']")}),
            QStringLiteral("rootsys"), QStringLiteral("running a command in"));
        // Nothing of the caller's runs in a start, stop or freeze: those stay the member's.
        int status = -1;
        QString out = callAsMember(QStringLiteral("Freeze"), {QStringLiteral("'rootsys'")}, &status);
        QVERIFY2(status == 0, qPrintable(out));
        out = callAsMember(QStringLiteral("Thaw"), {QStringLiteral("'rootsys'")}, &status);
        QVERIFY2(status == 0, qPrintable(out));
    }

    // list and info say which is which.
    void listAndInfoShowPrivilege()
    {
        QString listing;
        QVERIFY2(berthctlAsMember({QStringLiteral("list")}, &listing) == 0, qPrintable(listing));
        const int column = int(listRow(listing, QStringLiteral("NAME")).indexOf(QStringLiteral("PRIV")));
        QVERIFY2(column > 0, qPrintable(listing));
        QCOMPARE(listRow(listing, QStringLiteral("rootsys")).value(column), QStringLiteral("yes"));
        QCOMPARE(listRow(listing, QStringLiteral("membersys")).value(column), QStringLiteral("no"));
        QString said;
        QVERIFY2(berthctlAsMember({QStringLiteral("info"), QStringLiteral("rootsys")}, &said) == 0, qPrintable(said));
        QVERIFY2(said.contains(QLatin1String("Privileged:       yes: root inside is root on the host")),
                 qPrintable(said));
        QVERIFY2(berthctlAsMember({QStringLiteral("info"), QStringLiteral("membersys")}, &said) == 0, qPrintable(said));
        const qint64 base = hostRootOf(info(QStringLiteral("membersys")).value(QStringLiteral("idmap")).toString());
        const QString line =
            QString::fromUtf8("User namespace:   host IDs %1\u2013%2 (rootfs through an idmapped mount)")
                .arg(base)
                .arg(base + 65535);
        QVERIFY2(said.contains(line), qPrintable(said));
    }

    // The map is the administrator's: a member can neither point it at the
    // host's root nor take it away, and the refusal names the line.
    void memberCannotChangeTheMap()
    {
        const QString current = config(QStringLiteral("membersys"));
        const qint64 base = hostRootOf(info(QStringLiteral("membersys")).value(QStringLiteral("idmap")).toString());
        const QString userLine = QStringLiteral("lxc.idmap = u 0 %1 65536").arg(base);
        QVERIFY2(current.contains(userLine), qPrintable(current));
        QString rooted = current;
        rooted.replace(userLine, QStringLiteral("lxc.idmap = u 0 0 65536"));
        const int line = int(current.left(int(current.indexOf(userLine))).count(QLatin1Char('\n'))) + 1;
        verifyMapChangeRefused(QStringLiteral("membersys"), rooted,
                               QStringLiteral("config:%1: lxc.idmap changes the container's user namespace").arg(line));
        QString removed;
        for (const QString& each : current.split(QLatin1Char('\n')))
            if (!each.startsWith(QLatin1String("lxc.idmap")))
                removed += each + QLatin1Char('\n');
        removed.chop(1);
        verifyMapChangeRefused(QStringLiteral("membersys"), removed,
                               QStringLiteral("removing %1 changes the container's user namespace").arg(userLine));
        verifyMapChangeRefused(QStringLiteral("membersys"), removed + QStringLiteral("berth.privileged = 1\n"),
                               QStringLiteral("berth.privileged changes the container's user namespace"));
    }

    // Root's old privileged container, stopped: a member gives it a user
    // namespace (that lowers its privilege), and may then enter it.
    void memberConvertsAPrivilegedContainer()
    {
        EXPECT_CODE(berthctl({QStringLiteral("create"), QStringLiteral("rootold"), QStringLiteral("-t"),
                              QStringLiteral("busybox"), QStringLiteral("--privileged")}),
                    0);
        QString said;
        int code = berthctlAsMember({QStringLiteral("convert"), QStringLiteral("rootold")}, &said);
        QVERIFY2(code == 2, qPrintable(said)); // --unprivileged is required
        code = berthctlAsMember(
            {QStringLiteral("convert"), QStringLiteral("rootold"), QStringLiteral("--unprivileged")}, &said);
        QVERIFY2(code == 0, qPrintable(said));
        const QVariantMap now = info(QStringLiteral("rootold"));
        QCOMPARE(now.value(QStringLiteral("privileged")).toBool(), false);
        QVERIFY2(hostRootOf(now.value(QStringLiteral("idmap")).toString()) > 0,
                 qPrintable(now.value(QStringLiteral("idmap")).toString()));
        QVERIFY(!config(QStringLiteral("rootold")).contains(QLatin1String("berth.privileged")));
        code = berthctlAsMember({QStringLiteral("start"), QStringLiteral("rootold")}, &said);
        QVERIFY2(code == 0, qPrintable(said));
        code = berthctlAsMember({QStringLiteral("exec"), QStringLiteral("rootold"), QStringLiteral("--"),
                                 QStringLiteral("id"), QStringLiteral("-u")},
                                &said);
        QVERIFY2(code == 0 && said.trimmed() == QLatin1String("0"), qPrintable(said));
        // Once is enough: an unprivileged one is refused, and so is a running one.
        code = berthctlAsMember(
            {QStringLiteral("convert"), QStringLiteral("rootold"), QStringLiteral("--unprivileged")}, &said);
        QVERIFY2(code != 0, qPrintable(said));
    }

    // A clone of a privileged container is unprivileged unless asked for.
    void memberClonesAPrivilegedContainerUnprivileged()
    {
        EXPECT_CODE(berthctl({QStringLiteral("stop"), QStringLiteral("rootsys")}), 0);
        QString said;
        const int code =
            berthctlAsMember({QStringLiteral("create"), QStringLiteral("membercopy"), QStringLiteral("-t"),
                              QStringLiteral("clone"), QStringLiteral("-o"), QStringLiteral("source=rootsys")},
                             &said);
        QVERIFY2(code == 0, qPrintable(said));
        QCOMPARE(info(QStringLiteral("membercopy")).value(QStringLiteral("privileged")).toBool(), false);
    }

    // Issue #16: an archive's config is judged as SetConfig's would be. A
    // member importing root's export of a privileged container, or of one
    // that binds the host's /etc, is refused and nothing is created; their
    // own container's export comes back with its config.
    void memberImportIsJudgedByTheArchivesConfig()
    {
        QTemporaryDir dir;
        QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                      QFile::ReadOther | QFile::ExeOther));
        const auto exported = [&](const QString& name) {
            const QString file = dir.filePath(name + QStringLiteral(".tar.gz"));
            const Outcome done = berthctl({QStringLiteral("export"), name, file});
            QFile::setPermissions(file, QFile::ReadOwner | QFile::ReadOther);
            return done.code == 0 ? file : describe(done);
        };
        const auto importAsMember = [&](const QString& file, QString* said) {
            return berthctlAsMember({QStringLiteral("create"), QStringLiteral("memberimport"), QStringLiteral("-t"),
                                     QStringLiteral("tarball"), QStringLiteral("--file"), file},
                                    said);
        };
        QString said;
        QCOMPARE(info(QStringLiteral("rootsys")).value(QStringLiteral("privileged")).toBool(), true);
        int code = importAsMember(exported(QStringLiteral("rootsys")), &said);
        qInfo("privileged archive: %s", qPrintable(said));
        QVERIFY2(code != 0 && said.contains(QLatin1String("the archive's container is privileged")), qPrintable(said));
        QCOMPARE(state(QStringLiteral("memberimport")), QStringLiteral("org.berth.Error.NotFound"));

        EXPECT_CODE(berthctl({QStringLiteral("create"), QStringLiteral("rootexposed"), QStringLiteral("-t"),
                              QStringLiteral("busybox")}),
                    0);
        const QString bind = QStringLiteral("lxc.mount.entry = /etc host-etc none bind,create=dir 0 0\n");
        QVERIFY(call(QStringLiteral("SetConfig"),
                     {QStringLiteral("rootexposed"), config(QStringLiteral("rootexposed")) + bind})
                    .type() != QDBusMessage::ErrorMessage);
        // From a file, judged before it runs: polkit's refusal names the line.
        const QString exposed = exported(QStringLiteral("rootexposed"));
        code = importAsMember(exposed, &said);
        qInfo("exposing archive from a file: %s", qPrintable(said));
        QVERIFY2(code == 3 && said.contains(QLatin1String("lxc.mount.entry")) &&
                     said.contains(QLatin1String("needs an administrator (org.berth.host.bind-mount)")),
                 qPrintable(said));
        QCOMPARE(state(QStringLiteral("memberimport")), QStringLiteral("org.berth.Error.NotFound"));
        // From a pipe, judged in the job before anything is extracted.
        code = runAs(kTestUser,
                     {QStringLiteral("sh"), QStringLiteral("-c"),
                      QStringLiteral("cat '%1' | env LC_ALL=C.UTF-8 LANGUAGE= BERTH_BUS_ADDRESS='%2' '%3' create "
                                     "memberimport -t tarball --file -")
                          .arg(exposed, m_bus.address(), QStringLiteral(BERTHCTL_BINARY))},
                     &said);
        qInfo("exposing archive from a pipe: %s", qPrintable(said));
        QVERIFY2(code != 0 && said.contains(QLatin1String("only an administrator may import it")) &&
                     said.contains(QLatin1String("lxc.mount.entry")),
                 qPrintable(said));
        QCOMPARE(state(QStringLiteral("memberimport")), QStringLiteral("org.berth.Error.NotFound"));

        // Their own unprivileged one, with a halt signal of its own, comes back whole.
        const QString signal = QStringLiteral("lxc.signal.halt = SIGUSR2\n");
        QString text = config(QStringLiteral("membercopy"));
        QVERIFY(text.contains(QLatin1String("lxc.signal.halt = SIGPWR\n")));
        text.replace(QLatin1String("lxc.signal.halt = SIGPWR\n"), signal);
        QVERIFY(call(QStringLiteral("SetConfig"), {QStringLiteral("membercopy"), text}).type() !=
                QDBusMessage::ErrorMessage);
        code = importAsMember(exported(QStringLiteral("membercopy")), &said);
        QVERIFY2(code == 0, qPrintable(said));
        QVERIFY2(config(QStringLiteral("memberimport")).contains(signal),
                 qPrintable(config(QStringLiteral("memberimport"))));
        QCOMPARE(info(QStringLiteral("memberimport")).value(QStringLiteral("privileged")).toBool(), false);
    }

    void memberStopsAndDestroysTheirs()
    {
        QString said;
        for (const auto& name : {QStringLiteral("membersys"), QStringLiteral("rootold")}) {
            int code = berthctlAsMember({QStringLiteral("stop"), name}, &said);
            QVERIFY2(code == 0, qPrintable(said));
            code = berthctlAsMember({QStringLiteral("destroy"), name}, &said);
            QVERIFY2(code == 0, qPrintable(said));
            QCOMPARE(state(name), QStringLiteral("org.berth.Error.NotFound"));
        }
        // And root's privileged one: destroying runs nothing of theirs.
        const int code = berthctlAsMember({QStringLiteral("destroy"), QStringLiteral("rootsys")}, &said);
        QVERIFY2(code == 0, qPrintable(said));
    }
};

BERTH_SYSTEM_TEST_MAIN(TestPrivilegeSystem)

#include "test_privilege_system.moc"
