// The classic escapes of privileged containers, tried by a member of group
// berth (no password) from inside the containers it may have: an
// application container it created, and a system-kind container (busybox
// init) whose capabilities it trimmed to the application set. Each attack runs as
// root inside the container (berthctl exec) through berth-escape-probe,
// whose payload only creates a marker on the host. Each must fail for the
// expected reason, the marker must not appear and the host must be left
// as it was. A privileged system container (root made it) must not even
// let the member in: the same attacks there are refused at exec.
#include "host_state.h"
#include "integration_bus.h"
#include "security_fixture.h"

#include <QCoreApplication>
#include <QDBusArgument>
#include <QDBusMetaType>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace berth::test;

namespace {

using Expected = QMap<QString, QStringList>;   // step -> results that mean "blocked as it should be"

// Docker's default capability set: what an application container keeps.
const QString kApplicationCaps = QStringLiteral(
    "chown dac_override fowner fsetid kill setgid setuid setpcap net_bind_service net_raw sys_chroot mknod "
    "audit_write setfcap");

const QStringList kDenied{QStringLiteral("EPERM")};

// Each attack, the steps that must be refused and how.
QMap<QString, Expected> attacks()
{
    const QStringList readOnly{QStringLiteral("EROFS"), QStringLiteral("EACCES"), QStringLiteral("ENOENT")};
    const QStringList gone{QStringLiteral("EPERM"), QStringLiteral("ENOENT")};   // ENOENT: mknod was refused
    const QStringList noKeys{QStringLiteral("EPERM"), QStringLiteral("ENOSYS")};
    return {
        {QStringLiteral("release_agent"),
         {{QStringLiteral("mount-cgroup"), kDenied},
          {QStringLiteral("mount-cgroup-controller"), kDenied},
          {QStringLiteral("write-release-agent"), {QStringLiteral("EPERM"), QStringLiteral("ENOENT")}}}},
        {QStringLiteral("proc_sys_remount"), {{QStringLiteral("remount-rw"), kDenied}}},
        {QStringLiteral("sys_remount"), {{QStringLiteral("remount-rw"), kDenied}}},
        {QStringLiteral("core_pattern"), {{QStringLiteral("open-for-write"), readOnly}}},
        {QStringLiteral("proc_mount"), {{QStringLiteral("mount-proc"), kDenied}}},
        {QStringLiteral("host_disk"), {{QStringLiteral("open-node"), gone}, {QStringLiteral("mount-disk"), gone}}},
        {QStringLiteral("open_by_handle"), {{QStringLiteral("open_by_handle_at"), kDenied}}},
        {QStringLiteral("sysrq"), {{QStringLiteral("open-for-write"), readOnly}}},
        {QStringLiteral("modules"),
         {{QStringLiteral("init_module"), kDenied}, {QStringLiteral("finit_module"), kDenied},
          {QStringLiteral("delete_module"), kDenied}}},
        {QStringLiteral("keyctl"), {{QStringLiteral("add_key"), noKeys}, {QStringLiteral("keyctl"), noKeys}}},
        {QStringLiteral("bpf"), {{QStringLiteral("bpf"), kDenied}}},
        // Host processes are not visible at all.
        {QStringLiteral("ptrace_host"),
         {{QStringLiteral("kill"), {QStringLiteral("ESRCH")}},
          {QStringLiteral("ptrace"), {QStringLiteral("ESRCH"), QStringLiteral("EPERM")}},   // EPERM: seccomp
          {QStringLiteral("proc-entry"), {QStringLiteral("ENOENT")}}}},
        {QStringLiteral("proc_root"), {{QStringLiteral("open-root"), {QStringLiteral("ENOENT")}}}},
        // A user namespace of its own may be refused outright; if not, it
        // gives no way to the host's mounts.
        {QStringLiteral("userns_mount"),
         {{QStringLiteral("unshare"), {QStringLiteral("EPERM"), QStringLiteral("ok")}},
          {QStringLiteral("remount-rw"), kDenied},
          {QStringLiteral("mount-proc"), kDenied}}},
        {QStringLiteral("clock"),
         {{QStringLiteral("settimeofday"), kDenied},
          {QStringLiteral("clock_settime"), kDenied},
          {QStringLiteral("adjtimex-set"), kDenied},
          {QStringLiteral("adjtimex-read"), {QStringLiteral("ok")}}}},
        {QStringLiteral("dev_mem"), {{QStringLiteral("open-node"), gone}}},
        {QStringLiteral("dev_kmsg"), {{QStringLiteral("open-node"), gone}}},
        {QStringLiteral("modprobe"), {{QStringLiteral("open-for-write"), readOnly}}},
    };
}

// major:minor of the device holding the host's /.
QString hostDisk()
{
    struct stat st {};
    ::stat("/", &st);
    return QStringLiteral("%1:%2").arg(major(st.st_dev)).arg(minor(st.st_dev));
}

// "STEP name result" lines of the probe's output.
QMap<QString, QString> steps(const QString& output)
{
    QMap<QString, QString> out;
    static const QRegularExpression line(QStringLiteral("^STEP (\\S+) (\\S+)$"), QRegularExpression::MultilineOption);
    for (auto it = line.globalMatch(output); it.hasNext();) {
        const auto match = it.next();
        out.insert(match.captured(1), match.captured(2));   // a repeated step: the last attempt
    }
    return out;
}

} // namespace

class TestEscapes : public SecurityFixture {
    Q_OBJECT
private:
    QTemporaryDir m_configDir;

    void startContainers()
    {
        // The member's own application container.
        EXPECT_CODE(m_session.berthctlAs(kMember, {QStringLiteral("create"), QStringLiteral("app"), QStringLiteral("-t"),
                                                   QStringLiteral("busybox"), QStringLiteral("--app"), QStringLiteral("--"),
                                                   QStringLiteral("/bin/sleep"), QStringLiteral("1000000")}),
                    0);
        // A system-kind container trimmed to the application set, the
        // member's own: made from an application container by its config.
        EXPECT_CODE(m_session.berthctlAs(kMember, {QStringLiteral("create"), QStringLiteral("systrim"), QStringLiteral("-t"),
                                                   QStringLiteral("busybox"), QStringLiteral("--app"), QStringLiteral("--"),
                                                   QStringLiteral("/bin/true")}),
                    0);
        QString config = m_session.config(QStringLiteral("systrim"));
        config.remove(QRegularExpression(QStringLiteral("^(berth\\.kind|lxc\\.execute\\.cmd) = .*\n"),
                                         QRegularExpression::MultilineOption));
        config += QStringLiteral("berth.kind = system\nlxc.init.cmd = /sbin/init\nlxc.signal.halt = SIGPWR\n"
                                 "lxc.cap.keep = ") + kApplicationCaps + QLatin1Char('\n');
        QFile file(m_configDir.path() + QStringLiteral("/systrim.conf"));
        QVERIFY(m_configDir.isValid() && file.open(QIODevice::WriteOnly) && file.write(config.toUtf8()) > 0);
        file.close();
        QVERIFY(QFile::setPermissions(m_configDir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                              QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                                              QFileDevice::ExeOther) &&
                file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
        EXPECT_CODE(m_session.berthctlAs(kMember, {QStringLiteral("config"), QStringLiteral("systrim"), QStringLiteral("set"),
                                                   file.fileName()}),
                    0);
        // A privileged system container root made.
        QCOMPARE(m_session.rootCreatePrivileged(QStringLiteral("syspriv"), QStringLiteral("system")), QString());
        for (const QString& name : {QStringLiteral("app"), QStringLiteral("systrim"), QStringLiteral("syspriv")})
            QVERIFY(m_session.installProbe(name));
        // The member starts its own; root starts its own.
        EXPECT_CODE(m_session.berthctlAs(kMember, {QStringLiteral("start"), QStringLiteral("app")}), 0);
        EXPECT_CODE(m_session.berthctlAs(kMember, {QStringLiteral("start"), QStringLiteral("systrim")}), 0);
        auto started = m_session.rootCall(kManager, QStringLiteral("Start"), {QStringLiteral("syspriv")});
        QVERIFY2(started.type() == QDBusMessage::ReplyMessage, qPrintable(started.errorMessage()));
        QCOMPARE(m_session.state(QStringLiteral("systrim")), QStringLiteral("running"));
        const auto info = m_session.rootCall(kManager, QStringLiteral("GetContainer"), {QStringLiteral("systrim")});
        QCOMPARE(qdbus_cast<QVariantMap>(info.arguments().value(0)).value(QStringLiteral("kind")).toString(),
                 QStringLiteral("system"));
    }

protected:
    void setUpScene() override { startContainers(); }

private Q_SLOTS:
    void escape_data()
    {
        QTest::addColumn<QString>("container");
        QTest::addColumn<QString>("attack");
        QTest::addColumn<bool>("memberMayEnter");
        const auto all = attacks();
        for (const QString& container : {QStringLiteral("app"), QStringLiteral("systrim"), QStringLiteral("syspriv")}) {
            for (auto it = all.cbegin(); it != all.cend(); ++it)
                QTest::addRow("%s %s", qPrintable(container), qPrintable(it.key()))
                    << container << it.key() << (container != QLatin1String("syspriv"));
        }
    }

    void escape()
    {
        QFETCH(QString, container);
        QFETCH(QString, attack);
        QFETCH(bool, memberMayEnter);
        const Outcome outcome = m_session.berthctlAs(
            kMember, {QStringLiteral("exec"), container, QStringLiteral("--"), QStringLiteral("/berth-escape-probe"),
                      attack, QStringLiteral("--host-root"), m_session.rootfs(container), QStringLiteral("--host-pid"),
                      QString::number(::getpid()), QStringLiteral("--disk"), hostDisk()});
        const QString said = both(outcome);
        // The outcome first: no payload ran as host root, nothing was reached.
        QVERIFY2(markers().isEmpty(), qPrintable(QStringLiteral("payload ran on the host: ") + said));
        QVERIFY2(!said.contains(QLatin1String("ESCAPED")), qPrintable(said));
        if (!memberMayEnter) {
            // Root with CAP_SYS_ADMIN in there is root on the host.
            QVERIFY2(outcome.code == 3, qPrintable(describe(outcome)));
            return;
        }
        QVERIFY2(outcome.code == 0 && said.contains(QLatin1String("DONE")), qPrintable(describe(outcome)));
        const auto seen = steps(said);
        const Expected expected = attacks().value(attack);
        bool tried = false;
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            if (!seen.contains(it.key()))
                continue;
            tried = true;
            QVERIFY2(it.value().contains(seen.value(it.key())),
                     qPrintable(QStringLiteral("%1: %2, expected %3\n%4")
                                    .arg(it.key(), seen.value(it.key()), it.value().join(QLatin1Char('|')), said)));
        }
        QVERIFY2(tried, qPrintable(said));
    }
};

BERTH_SYSTEM_TEST_MAIN(TestEscapes)

#include "test_escapes.moc"
