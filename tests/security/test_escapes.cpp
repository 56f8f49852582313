// The classic escapes of privileged containers, and those that matter
// once a container has a user namespace of its own, tried by a member of
// group berth (no password) from inside the containers it may have, each
// unprivileged (a user namespace and a block of IDs of its own) as every
// new container is: an application container, a system-kind container
// (busybox init) trimmed to the application capabilities, and a system
// container keeping every system capability in its namespace, CAP_SYS_ADMIN
// included. Each attack runs as root inside the container (berthctl exec)
// through berth-escape-probe, whose payload only creates a marker on the
// host. Each must fail for the expected reason, the marker must not appear
// and the host must be left as it was. A privileged system container (root
// made it) must not even let the member in: the same attacks there are
// refused at exec. Root itself runs them in a privileged container trimmed
// to the application set (an administrator's choice that must still hold)
// and in an unprivileged one with a host file and a writable cgroup tree,
// which only an administrator may enter.
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

using Expected = QMap<QString, QStringList>; // step -> results that mean "blocked as it should be"

const QStringList kDenied{QStringLiteral("EPERM")};
const QStringList kReadOnly{QStringLiteral("EROFS"), QStringLiteral("EACCES"), QStringLiteral("ENOENT")};

// The member's containers, unprivileged as every new container is, and
// root's privileged system container, which the member may not enter.
const QStringList kUnprivileged{QStringLiteral("app"), QStringLiteral("systrim"), QStringLiteral("usys")};
const QString kPrivileged = QStringLiteral("syspriv");
// A privileged container an administrator made and trimmed to the
// application set: root enters it (what its own processes could do).
const QString kPrivilegedTrimmed = QStringLiteral("privtrim");
// An unprivileged system container with a host file an administrator
// bound in and its cgroup mounted as systemd needs it (its own cgroup,
// delegated to its root, writable): only the administrator may enter it,
// so root runs its attacks (host_file, cgroup_limits) as its own
// processes could.
const QString kBound = QStringLiteral("ubind");
const QString kHostFileInside = QStringLiteral("/host-file");

// The probe's steps in the attacks every container faces, and the results
// that mean "blocked" in a container without a user namespace.
QMap<QString, Expected> attacks()
{
    const QStringList readOnly = kReadOnly;
    const QStringList gone{QStringLiteral("EPERM"), QStringLiteral("ENOENT")}; // ENOENT: mknod was refused
    const QStringList noKeys{QStringLiteral("EPERM"), QStringLiteral("ENOSYS")};
    const QStringList noLimit{QStringLiteral("EROFS"), QStringLiteral("EACCES"), QStringLiteral("EPERM"),
                              QStringLiteral("ENOENT")};
    Expected procSysWrite;
    for (const char* file : {"kernel/core_pattern", "kernel/modprobe", "kernel/panic", "kernel/sysrq",
                             "kernel/randomize_va_space", "vm/drop_caches", "fs/protected_symlinks"})
        procSysWrite.insert(QStringLiteral("write-") + QLatin1String(file), readOnly);
    procSysWrite.insert(QStringLiteral("write-sysrq-trigger"), readOnly);
    // ENOENT: the kernel has no such file, nothing is hidden there.
    Expected masked{{QStringLiteral("unshare-mount"), kDenied}};
    for (const char* path : {"/proc/kcore", "/proc/sysrq-trigger", "/proc/sys", "/proc/keys", "/sys/firmware"})
        masked.insert(QStringLiteral("umount-") + QLatin1String(path), gone);
    Expected limits{{QStringLiteral("mount-memory"), kDenied}, {QStringLiteral("write-mounted-limit"), noLimit}};
    for (const char* file :
         {"memory/memory.limit_in_bytes", "memory/memory.memsw.limit_in_bytes", "pids/pids.max", "cpu/cpu.cfs_quota_us",
          "memory.max", "pids.max", "unified/memory.max", "unified/pids.max"})
        limits.insert(QStringLiteral("write-") + QLatin1String(file), noLimit);
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
         {{QStringLiteral("init_module"), kDenied},
          {QStringLiteral("finit_module"), kDenied},
          {QStringLiteral("delete_module"), kDenied}}},
        {QStringLiteral("keyctl"), {{QStringLiteral("add_key"), noKeys}, {QStringLiteral("keyctl"), noKeys}}},
        {QStringLiteral("bpf"), {{QStringLiteral("bpf"), kDenied}}},
        // Host processes are not visible at all.
        {QStringLiteral("ptrace_host"),
         {{QStringLiteral("kill"), {QStringLiteral("ESRCH")}},
          {QStringLiteral("ptrace"), {QStringLiteral("ESRCH"), QStringLiteral("EPERM")}}, // EPERM: seccomp
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
        {QStringLiteral("proc_sys_write"), procSysWrite},
        {QStringLiteral("masked_umount"), masked},
        {QStringLiteral("devtmpfs"), {{QStringLiteral("mount-devtmpfs"), kDenied}}},
        {QStringLiteral("cgroup_limits"), limits},
    };
}

// Where the container's root has a user namespace of its own, it holds
// every capability over what that namespace owns: it may remount and
// unmount what its own namespace mounted, mount a proc of its own pid
// namespace and a cgroup hierarchy of its cgroup namespace. None of that
// is an escape; what counts is that the host's sysctls, devices, limits
// and helpers stay out of reach behind it (the steps that follow, and the
// probe's ESCAPED). A host file bound in stays the host's.
QMap<QString, Expected> attacksInUserNamespace()
{
    auto all = attacks();
    const QStringList mayMount{QStringLiteral("EPERM"), QStringLiteral("ok")};
    const QStringList denied{QStringLiteral("EPERM"), QStringLiteral("EACCES")};
    all[QStringLiteral("release_agent")][QStringLiteral("mount-cgroup-controller")] = mayMount;
    all[QStringLiteral("release_agent")][QStringLiteral("write-release-agent")] =
        QStringList{QStringLiteral("EPERM"), QStringLiteral("EACCES"), QStringLiteral("ENOENT")};
    for (const char* attack : {"proc_sys_remount", "sys_remount"}) {
        all[QLatin1String(attack)][QStringLiteral("remount-rw")] = mayMount;
        all[QLatin1String(attack)][QStringLiteral("open-for-write")] = kReadOnly;
    }
    for (const char* setting : {"write-sys-thp", "write-sys-power", "write-sys-printk"})
        all[QStringLiteral("sys_remount")][QLatin1String(setting)] = denied + kReadOnly;
    all[QStringLiteral("proc_mount")][QStringLiteral("mount-proc")] = mayMount;
    all[QStringLiteral("proc_mount")][QStringLiteral("open-for-write")] = kReadOnly;
    Expected& masked = all[QStringLiteral("masked_umount")];
    masked[QStringLiteral("unshare-mount")] = mayMount; // EPERM: an application container
    for (const char* path : {"/proc/kcore", "/proc/sysrq-trigger", "/proc/sys", "/proc/keys", "/sys/firmware"}) {
        // EINVAL: a mount locked by the host's namespace.
        masked[QStringLiteral("umount-") + QLatin1String(path)] =
            mayMount + QStringList{QStringLiteral("EINVAL"), QStringLiteral("ENOENT")};
        masked[QStringLiteral("reveal-") + QLatin1String(path)] = denied + kReadOnly;
    }
    all[QStringLiteral("cgroup_limits")][QStringLiteral("mount-memory")] =
        mayMount + QStringList{QStringLiteral("EBUSY")};
    all[QStringLiteral("host_file")] = {{QStringLiteral("chown"), {QStringLiteral("EPERM")}},
                                        {QStringLiteral("chmod"), {QStringLiteral("EPERM")}},
                                        {QStringLiteral("open-for-write"), denied + kReadOnly}};
    return all;
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
        out.insert(match.captured(1), match.captured(2)); // a repeated step: the last attempt
    }
    return out;
}

} // namespace

class TestEscapes : public SecurityFixture {
    Q_OBJECT
private:
    QTemporaryDir m_configDir;
    QString m_hostFile; // root's, 0644, bound into the unprivileged containers

    // The member creates an application container of its own.
    void memberCreates(const QString& name, const QString& command)
    {
        EXPECT_CODE(
            m_session.berthctlAs(kMember, {QStringLiteral("create"), name, QStringLiteral("-t"),
                                           QStringLiteral("busybox"), QStringLiteral("--app"), QStringLiteral("--"),
                                           QStringLiteral("/bin/sh"), QStringLiteral("-c"), command}),
            0);
    }

    // The member sets a config of its own from a file it can read.
    void memberSets(const QString& name, const QString& config)
    {
        QFile file(m_configDir.path() + QLatin1Char('/') + name + QStringLiteral(".conf"));
        QVERIFY(m_configDir.isValid() && file.open(QIODevice::WriteOnly) && file.write(config.toUtf8()) > 0);
        file.close();
        QVERIFY(QFile::setPermissions(m_configDir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                              QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                                              QFileDevice::ExeOther) &&
                file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
        EXPECT_CODE(
            m_session.berthctlAs(kMember, {QStringLiteral("config"), name, QStringLiteral("set"), file.fileName()}), 0);
    }

    // The administrator gives the member's container a user namespace of
    // its own (and, for a system one, every system capability in it).
    void rootMakesUnprivileged(const QString& name, bool system, const QString& extra = {})
    {
        QString config = m_session.config(name);
        if (system)
            config = asSystemConfig(config);
        QVERIFY(makeUnprivileged(name, config + extra) != 0);
    }

    void startContainers()
    {
        m_hostFile = m_files.path() + QStringLiteral("/host-file");
        QVERIFY(writeFile(m_hostFile, "the host's\n", kPublic));
        memberCreates(QStringLiteral("app"), QStringLiteral("sleep 1000000"));
        // System-kind containers, the member's own, made from application
        // containers by their config: trimmed to the application set, and
        // with every system capability.
        memberCreates(QStringLiteral("systrim"), QStringLiteral("true"));
        memberSets(QStringLiteral("systrim"),
                   asSystemConfig(m_session.config(QStringLiteral("systrim")), kApplicationCaps));
        memberCreates(QStringLiteral("usys"), QStringLiteral("true"));
        memberSets(QStringLiteral("usys"), asSystemConfig(m_session.config(QStringLiteral("usys"))));
        // Root's privileged system containers: no user namespace.
        QCOMPARE(m_session.rootCreatePrivileged(kPrivileged, QStringLiteral("system")), QString());
        QCOMPARE(m_session.rootCreatePrivileged(kPrivilegedTrimmed, QStringLiteral("system")), QString());
        QCOMPARE(m_session.setConfig(kPrivilegedTrimmed, m_session.config(kPrivilegedTrimmed) +
                                                             QStringLiteral("lxc.cap.keep = ") + kApplicationCaps +
                                                             QLatin1Char('\n')),
                 QString());
        memberCreates(kBound, QStringLiteral("true"));
        rootMakesUnprivileged(kBound, true,
                              QStringLiteral("lxc.mount.entry = %1 %2 none bind,create=file 0 0\n"
                                             "lxc.mount.auto = cgroup:mixed\n")
                                  .arg(m_hostFile, kHostFileInside.mid(1)));
        const QStringList all = kUnprivileged + QStringList{kPrivileged, kPrivilegedTrimmed, kBound};
        for (const QString& name : all)
            QVERIFY(m_session.installProbe(name));
        // The member starts its own; root starts the ones it set up.
        for (const QString& name : kUnprivileged)
            EXPECT_CODE(m_session.berthctlAs(kMember, {QStringLiteral("start"), name}), 0);
        for (const QString& name : {kPrivileged, kPrivilegedTrimmed, kBound}) {
            auto started = m_session.rootCall(kManager, QStringLiteral("Start"), {name});
            QVERIFY2(started.type() == QDBusMessage::ReplyMessage,
                     qPrintable(name + QLatin1Char(' ') + started.errorMessage()));
        }
        for (const QString& name : all)
            QCOMPARE(m_session.state(name), QStringLiteral("running"));
        for (const QString& name : {QStringLiteral("systrim"), QStringLiteral("usys")}) {
            const auto info = m_session.rootCall(kManager, QStringLiteral("GetContainer"), {name});
            QCOMPARE(qdbus_cast<QVariantMap>(info.arguments().value(0)).value(QStringLiteral("kind")).toString(),
                     QStringLiteral("system"));
        }
    }

protected:
    void setUpScene() override { startContainers(); }

private Q_SLOTS:
    // The scene is what it says: the unprivileged containers' init runs in
    // a user namespace of its own, mapped to the block of their config
    // (without it, their rows below would test privileged containers).
    void unprivilegedContainersRunInTheirBlock_data()
    {
        QTest::addColumn<QString>("container");
        for (const QString& name : kUnprivileged + QStringList{kBound})
            QTest::newRow(qPrintable(name)) << name;
    }

    void unprivilegedContainersRunInTheirBlock()
    {
        QFETCH(QString, container);
        static const QRegularExpression base(QStringLiteral("^lxc\\.idmap\\s*=\\s*u\\s+0\\s+(\\d+)\\s+65536"),
                                             QRegularExpression::MultilineOption);
        const QString block = base.match(m_session.config(container)).captured(1);
        QVERIFY(!block.isEmpty() && block != QLatin1String("0"));
        QCOMPARE(initUidMap(container), QStringLiteral("0 %1 65536").arg(block));
        QCOMPARE(initUidMap(kPrivileged), QStringLiteral("0 0 4294967295"));
        QCOMPARE(initUidMap(kPrivilegedTrimmed), QStringLiteral("0 0 4294967295"));
    }

    void escape_data()
    {
        QTest::addColumn<QString>("container");
        QTest::addColumn<QString>("attack");
        QTest::addColumn<QString>("user"); // who enters
        QTest::addColumn<bool>("mayEnter");
        const auto all = attacks();
        for (const QString& container : kUnprivileged + QStringList{kPrivileged}) {
            for (auto it = all.cbegin(); it != all.cend(); ++it)
                QTest::addRow("%s %s", qPrintable(container), qPrintable(it.key()))
                    << container << it.key() << kMember << (container != kPrivileged);
        }
        for (auto it = all.cbegin(); it != all.cend(); ++it)
            QTest::addRow("%s %s", qPrintable(kPrivilegedTrimmed), qPrintable(it.key()))
                << kPrivilegedTrimmed << it.key() << QStringLiteral("root") << true;
        for (const QString& attack : {QStringLiteral("host_file"), QStringLiteral("cgroup_limits")})
            QTest::addRow("%s %s", qPrintable(kBound), qPrintable(attack))
                << kBound << attack << QStringLiteral("root") << true;
    }

    void escape()
    {
        QFETCH(QString, container);
        QFETCH(QString, attack);
        QFETCH(QString, user);
        QFETCH(bool, mayEnter);
        const Outcome outcome = m_session.berthctlAs(
            user,
            {QStringLiteral("exec"), container, QStringLiteral("--"), QStringLiteral("/berth-escape-probe"), attack,
             QStringLiteral("--host-root"), m_session.rootfs(container), QStringLiteral("--host-pid"),
             QString::number(::getpid()), QStringLiteral("--disk"), hostDisk(), QStringLiteral("--file"),
             attack == QLatin1String("host_file") ? kHostFileInside : QStringLiteral("/proc/sys/kernel/core_pattern")});
        const QString said = both(outcome);
        // The outcome first: no payload ran as host root, nothing was reached.
        QVERIFY2(markers().isEmpty(), qPrintable(QStringLiteral("payload ran on the host: ") + said));
        QVERIFY2(!said.contains(QLatin1String("ESCAPED")), qPrintable(said));
        struct stat hostFile {};
        QVERIFY2(::stat(qPrintable(m_hostFile), &hostFile) == 0 && hostFile.st_uid == 0 && hostFile.st_gid == 0 &&
                     (hostFile.st_mode & 07777) == 0644 && readFile(m_hostFile) == "the host's\n",
                 qPrintable(QStringLiteral("the host file changed: ") + said));
        if (!mayEnter) {
            // Root with CAP_SYS_ADMIN in there is root on the host.
            QVERIFY2(outcome.code == 3, qPrintable(describe(outcome)));
            return;
        }
        QVERIFY2(outcome.code == 0 && said.contains(QLatin1String("DONE")), qPrintable(describe(outcome)));
        const Expected expected =
            (hasIdMap(m_session.config(container)) ? attacksInUserNamespace() : attacks()).value(attack);
        const auto seen = steps(said);
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
