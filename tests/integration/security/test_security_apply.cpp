// Capabilities, no_new_privs and the default seccomp filter applied for real:
// a child in new pid and mount namespaces applies them, tries what a
// container must not do, then execs busybox to show its status after exec.
#include "child_process.h"
#include "integration_env.h"
#include "security/capabilities.h"
#include "security/seccomp_filter.h"

#include <QtTest/QtTest>

#include <cstdio>
#include <fcntl.h>
#include <linux/keyctl.h>
#include <linux/reboot.h>
#include <map>
#include <sys/mount.h>
#include <sys/personality.h>
#include <sys/stat.h>

using berth::ContainerKind;
using namespace berth::security;
using berth::test::ChildProcess;

Q_DECLARE_METATYPE(ContainerKind)

namespace {

void report(const char* name, long rc)
{
    std::printf("%s=%d\n", name, rc < 0 ? errno : 0);
}

// Raw clone with namespace flags; the new child leaves at once.
long cloneWith(unsigned long flags)
{
    const long pid = ::syscall(SYS_clone, flags | SIGCHLD, nullptr, nullptr, nullptr, nullptr);
    if (pid == 0)
        ::_exit(0);
    if (pid > 0)
        ::waitpid(static_cast<pid_t>(pid), nullptr, 0);
    return pid;
}

void probe(const char* mountDir)
{
    long rc = ::mount("berth-test", mountDir, "tmpfs", 0, nullptr);
    report("mount", rc);
    if (rc == 0)
        ::umount2(mountDir, 0);
    report("reboot",
           ::syscall(SYS_reboot, LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2, LINUX_REBOOT_CMD_CAD_OFF, nullptr));
    report("init_module", ::syscall(SYS_init_module, nullptr, 0, ""));
    report("finit_module", ::syscall(SYS_finit_module, -1, "", 0));
    report("keyctl", ::syscall(SYS_keyctl, KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0));
    report("bpf", ::syscall(SYS_bpf, 0, nullptr, 0));
    report("unshare", ::unshare(CLONE_NEWNS));
    report("clone_newuts", cloneWith(CLONE_NEWUTS));
    report("clone3", ::syscall(SYS_clone3, nullptr, 0));
    report("fork", cloneWith(0));
    rc = ::personality(ADDR_NO_RANDOMIZE);
    report("personality_bad", rc);
    if (rc >= 0)
        ::personality(PER_LINUX);
    report("personality_linux32", ::personality(PER_LINUX32));
    report("personality_query", ::personality(0xffffffff));
    std::fflush(stdout);
}

// In the child: never returns.
[[noreturn]] void runChild(const CapabilityPlan& plan, const SeccompProgram& program, const char* mountDir)
{
    // Nothing mounted here may reach the host's mount namespace.
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        ::_exit(100);
    if (setNoNewPrivs() != 0)
        ::_exit(101);
    if (applySeccomp(program) != 0)
        ::_exit(102);
    if (applyCapabilities(plan) != 0)
        ::_exit(103);
    probe(mountDir);
    ::execl("/bin/busybox", "busybox", "cat", "/proc/self/status", static_cast<char*>(nullptr));
    ::_exit(104);
}

struct ChildReport {
    std::map<std::string, std::string> values; // probe=errno and Status: fields
    int waitStatus = -1;
};

ChildReport runProbes(const CapabilityPlan& plan, const SeccompProgram& program, const std::string& mountDir)
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return {};
    std::fflush(stdout); // the child must not repeat the test's pending output
    const pid_t pid = berth::test::forkInto(CLONE_NEWPID | CLONE_NEWNS);
    if (pid == 0) {
        ::dup2(fds[1], STDOUT_FILENO);
        runChild(plan, program, mountDir.c_str());
    }
    ::close(fds[1]);
    ChildProcess child(pid);
    const std::string output = berth::test::readAll(fds[0]);
    ::close(fds[0]);
    ChildReport result;
    result.waitStatus = child.wait();
    QTextStream lines(QByteArray::fromStdString(output));
    for (QString line; lines.readLineInto(&line);) {
        const qsizetype sep = line.indexOf(QRegularExpression("[=:]"));
        if (sep > 0)
            result.values[line.left(sep).toStdString()] = line.mid(sep + 1).trimmed().toStdString();
    }
    return result;
}

// What the test itself may hand on: a capability it lacks cannot be kept.
std::uint64_t ownBoundingSet()
{
    QFile status("/proc/self/status");
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    const QRegularExpression bnd("^CapBnd:\\s*([0-9a-f]+)$", QRegularExpression::MultilineOption);
    const auto match = bnd.match(QString::fromLatin1(status.readAll()));
    return match.hasMatch() ? match.captured(1).toULongLong(nullptr, 16) : 0;
}

std::string hex16(std::uint64_t value)
{
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(value));
    return buf;
}

} // namespace

class TestSecurityApply : public QObject {
    Q_OBJECT

private:
    std::string m_mountDir;

private slots:
    void initTestCase()
    {
        m_mountDir = (berth::test::IntegrationEnvironment::instance().stateRoot() / "mnt").string();
        QVERIFY(::mkdir(m_mountDir.c_str(), 0755) == 0);
    }

    void probes_data()
    {
        QTest::addColumn<ContainerKind>("kind");
        QTest::addColumn<QString>("call");
        QTest::addColumn<int>("expected"); // errno, 0 = allowed
        const auto app = ContainerKind::Application;
        const auto sys = ContainerKind::System;
        const std::pair<const char*, int> appRows[] = {
            {"mount", EPERM},        {"reboot", EPERM}, {"init_module", EPERM},     {"finit_module", EPERM},
            {"keyctl", ENOSYS},      {"bpf", EPERM},    {"unshare", EPERM},         {"clone_newuts", EPERM},
            {"clone3", ENOSYS},      {"fork", 0},       {"personality_bad", EPERM}, {"personality_linux32", 0},
            {"personality_query", 0}};
        for (const auto& [call, err] : appRows)
            QTest::addRow("application %s", call) << app << call << err;
        // Without the filter's clone3 rule the kernel sees size 0: EINVAL.
        // reboot passes CAP_SYS_BOOT and the filter; in a pid namespace
        // the kernel refuses CAD_OFF with EINVAL.
        const std::pair<const char*, int> sysRows[] = {{"mount", 0},
                                                       {"reboot", EINVAL},
                                                       {"init_module", EPERM},
                                                       {"finit_module", EPERM},
                                                       {"keyctl", ENOSYS},
                                                       {"bpf", EPERM},
                                                       {"unshare", 0},
                                                       {"clone_newuts", 0},
                                                       {"clone3", EINVAL},
                                                       {"fork", 0},
                                                       {"personality_bad", EPERM},
                                                       {"personality_query", 0}};
        for (const auto& [call, err] : sysRows)
            QTest::addRow("system %s", call) << sys << call << err;
    }

    void probes()
    {
        QFETCH(ContainerKind, kind);
        QFETCH(QString, call);
        QFETCH(int, expected);
        const auto plan = planCapabilities(kind, {}, {}, false);
        const auto program = buildDefaultSeccomp(kind, defaultCapabilities(kind), UserNamespace::Host);
        QVERIFY(plan && program);
        const ChildReport report = runProbes(*plan, *program, m_mountDir);
        QVERIFY2(WIFEXITED(report.waitStatus) && WEXITSTATUS(report.waitStatus) == 0,
                 qPrintable(QString("child status %1").arg(report.waitStatus)));
        const auto it = report.values.find(call.toStdString());
        QVERIFY2(it != report.values.end(), "probe did not report");
        QCOMPARE(QString::fromStdString(it->second), QString::number(expected));
    }

    void statusAfterExec_data()
    {
        QTest::addColumn<ContainerKind>("kind");
        QTest::addColumn<QStringList>("drop");
        QTest::newRow("application") << ContainerKind::Application << QStringList{};
        QTest::newRow("application minus net_raw") << ContainerKind::Application << QStringList{"net_raw"};
        QTest::newRow("system") << ContainerKind::System << QStringList{};
        QTest::newRow("system minus sys_admin") << ContainerKind::System << QStringList{"sys_admin"};
    }

    // Root's sets after exec are exactly the plan: nothing comes back.
    void statusAfterExec()
    {
        QFETCH(ContainerKind, kind);
        QFETCH(QStringList, drop);
        std::vector<std::string> dropped;
        for (const QString& name : drop)
            dropped.push_back(name.toStdString());
        const auto plan = planCapabilities(kind, dropped, {}, false);
        const auto program = buildDefaultSeccomp(kind, defaultCapabilities(kind), UserNamespace::Host);
        QVERIFY(plan && program);
        ChildReport report = runProbes(*plan, *program, m_mountDir);
        QVERIFY(WIFEXITED(report.waitStatus) && WEXITSTATUS(report.waitStatus) == 0);
        const std::uint64_t bounding = ownBoundingSet();
        QVERIFY(bounding != 0);
        const std::string want = hex16(plan->keep & bounding);
        for (const char* set : {"CapBnd", "CapPrm", "CapEff", "CapInh"})
            QVERIFY2(report.values[set] == want, qPrintable(QString("%1 %2, want %3")
                                                                .arg(set, QString::fromStdString(report.values[set]),
                                                                     QString::fromStdString(want))));
        QCOMPARE(report.values["CapAmb"], hex16(0));
        QCOMPARE(report.values["NoNewPrivs"], std::string("1"));
        QCOMPARE(report.values["Seccomp"], std::string("2"));
    }

    // The header's order rule: without no_new_privs, a filter loads only
    // while CAP_SYS_ADMIN is still held.
    void seccompAfterCapabilitiesNeedsNoNewPrivs()
    {
        const auto plan = planCapabilities(ContainerKind::Application, {}, {}, false);
        const auto program = buildDefaultSeccomp(ContainerKind::Application,
                                                 defaultCapabilities(ContainerKind::Application), UserNamespace::Host);
        QVERIFY(plan && program);
        const pid_t pid = ::fork();
        if (pid == 0) {
            if (applyCapabilities(*plan) != 0)
                ::_exit(1);
            ::_exit(applySeccomp(*program) == EACCES ? 0 : 2);
        }
        ChildProcess child(pid);
        const int status = child.wait();
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
    }
};

BERTH_INTEGRATION_MAIN(TestSecurityApply)
#include "test_security_apply.moc"
