// The default seccomp filter: it builds for both kinds, and the value
// blocks behind the personality() rule cover exactly what must be refused.
#include "security/capabilities.h"
#include "security/seccomp_filter.h"
#include "security/seccomp_policy.h"

#include <QtTest/QtTest>

#include <algorithm>
#include <linux/capability.h>
#include <set>

using berth::ContainerKind;
using namespace berth::security;

Q_DECLARE_METATYPE(ContainerKind)

namespace {

constexpr std::uint64_t kLimit = std::uint64_t{1} << 32;

bool covered(const std::vector<MaskedValue>& blocks, std::uint64_t value)
{
    return std::ranges::any_of(blocks, [value](const MaskedValue& b) { return (value & b.mask) == b.value; });
}

std::uint64_t blockSize(const MaskedValue& block)
{
    return ~block.mask + 1;
}

} // namespace

class TestSeccomp : public QObject {
    Q_OBJECT

private slots:
    void build_data()
    {
        QTest::addColumn<ContainerKind>("kind");
        QTest::newRow("application") << ContainerKind::Application;
        QTest::newRow("system") << ContainerKind::System;
    }

    void build()
    {
        QFETCH(ContainerKind, kind);
        const auto program = buildDefaultSeccomp(kind, defaultCapabilities(kind), UserNamespace::Own);
        QVERIFY2(program.has_value(), program ? "" : program.error().describe().c_str());
        QVERIFY(!program->instructions.empty());
        // The kernel refuses longer programs (BPF_MAXINSNS).
        QVERIFY(program->instructions.size() <= 4096);
        // Every path must end in a return (BPF_RET), the last one included.
        QCOMPARE(program->instructions.back().code & 0x07, 0x06);
    }

    void applicationFilterIsStricter()
    {
        const auto app = buildDefaultSeccomp(ContainerKind::Application,
                                             defaultCapabilities(ContainerKind::Application), UserNamespace::Own);
        const auto sys =
            buildDefaultSeccomp(ContainerKind::System, defaultCapabilities(ContainerKind::System), UserNamespace::Own);
        QVERIFY(app && sys);
        QVERIFY(app->instructions.size() > sys->instructions.size());
    }

    void policyLists()
    {
        const auto all = syscallsDeniedForAll();
        const auto apps = syscallsDeniedForApplications();
        for (std::string_view name : {"kexec_load", "init_module", "finit_module", "open_by_handle_at", "syslog"})
            QVERIFY2(std::ranges::find(all, name) != all.end(), name.data());
        // Issue #17: making a handle opens nothing (systemd's cgroup IDs);
        // bpf is refused to applications (as Docker without CAP_SYS_ADMIN)
        // and to privileged system containers, whose capabilities are the host's.
        QVERIFY(std::ranges::find(all, "name_to_handle_at") == all.end());
        QVERIFY(std::ranges::find(all, "bpf") == all.end());
        QVERIFY(std::ranges::find(apps, "bpf") != apps.end());
        const auto hostUserns = syscallsDeniedInHostUserNamespace();
        QVERIFY(std::ranges::find(hostUserns, "bpf") != hostUserns.end());
        for (std::string_view name : {"mount", "unshare", "setns", "reboot", "pivot_root", "fsopen"}) {
            QVERIFY2(std::ranges::find(apps, name) != apps.end(), name.data());
            // System containers keep them: systemd mounts and sets up namespaces.
            QVERIFY2(std::ranges::find(all, name) == all.end(), name.data());
        }
        // chroot stays allowed (Docker allows it with CAP_SYS_CHROOT), adjtimex
        // too unless CAP_SYS_TIME is held (read-only use; the kernel refuses the rest).
        for (std::string_view name : {"chroot", "adjtimex"}) {
            QVERIFY(std::ranges::find(all, name) == all.end());
            QVERIFY(std::ranges::find(apps, name) == apps.end());
        }
    }

    // What Docker's default profile (moby profiles/seccomp/default.json)
    // refuses to a container without CAP_SYS_ADMIN, CAP_SYS_MODULE,
    // CAP_SYS_TIME, CAP_SYS_RAWIO, CAP_SYS_BOOT, CAP_SYS_PTRACE,
    // CAP_SYS_NICE, CAP_SYSLOG, CAP_SYS_PACCT, CAP_SYS_TTY_CONFIG,
    // CAP_DAC_READ_SEARCH, CAP_BPF, CAP_PERFMON (none of which an
    // application container keeps), or to every container: each must be
    // refused by name here. (personality, clone and socket are refused by
    // argument: see the integration test.)
    void applicationsRefuseWhatDockerRefuses_data()
    {
        QTest::addColumn<QString>("name");
        for (const char* name : {"kexec_load",
                                 "kexec_file_load",
                                 "init_module",
                                 "finit_module",
                                 "delete_module",
                                 "create_module",
                                 "query_module",
                                 "get_kernel_syms",
                                 "open_by_handle_at",
                                 "bpf",
                                 "perf_event_open",
                                 "fanotify_init",
                                 "lookup_dcookie",
                                 "quotactl",
                                 "quotactl_fd",
                                 "acct",
                                 "swapon",
                                 "swapoff",
                                 "settimeofday",
                                 "stime",
                                 "clock_settime",
                                 "clock_settime64",
                                 "syslog",
                                 "iopl",
                                 "ioperm",
                                 "uselib",
                                 "ustat",
                                 "sysfs",
                                 "_sysctl",
                                 "nfsservctl",
                                 "vm86",
                                 "vm86old",
                                 "userfaultfd",
                                 "kcmp",
                                 "process_vm_readv",
                                 "process_vm_writev",
                                 "pidfd_getfd",
                                 "process_madvise",
                                 "mbind",
                                 "set_mempolicy",
                                 "set_mempolicy_home_node",
                                 "get_mempolicy",
                                 "move_pages",
                                 "migrate_pages",
                                 "keyctl",
                                 "add_key",
                                 "request_key",
                                 "mount",
                                 "umount",
                                 "umount2",
                                 "pivot_root",
                                 "unshare",
                                 "setns",
                                 "reboot",
                                 "fsopen",
                                 "fsconfig",
                                 "fsmount",
                                 "fspick",
                                 "move_mount",
                                 "open_tree",
                                 "mount_setattr",
                                 "sethostname",
                                 "setdomainname",
                                 "vhangup",
                                 "io_uring_setup",
                                 "io_uring_enter",
                                 "io_uring_register",
                                 "lsm_get_self_attr",
                                 "lsm_set_self_attr",
                                 "lsm_list_modules"})
            QTest::newRow(name) << name;
    }

    void applicationsRefuseWhatDockerRefuses()
    {
        QFETCH(QString, name);
        const std::string key = name.toStdString();
        bool refused = false;
        for (auto list : {syscallsDeniedForAll(), syscallsDeniedForApplications(), syscallsWithoutKeyring()})
            refused = refused || std::ranges::find(list, std::string_view(key)) != list.end();
        QVERIFY2(refused, key.c_str());
    }

    // No container sets the host's clock: with CAP_SYS_TIME kept, adjtimex
    // (which seccomp cannot check for writes) goes too.
    void adjtimexGoesWithSysTime()
    {
        const auto guarded = syscallsDeniedWithCapability();
        QVERIFY(std::ranges::any_of(guarded, [](const CapabilityGuardedSyscall& g) {
            return g.capability == CAP_SYS_TIME && g.name == "adjtimex";
        }));
        const auto all = syscallsDeniedForAll();
        for (std::string_view name : {"clock_adjtime", "clock_settime", "settimeofday"})
            QVERIFY2(std::ranges::find(all, name) != all.end(), name.data());
        const auto base = defaultCapabilities(ContainerKind::System);
        const auto without = buildDefaultSeccomp(ContainerKind::System, base, UserNamespace::Own);
        const auto with =
            buildDefaultSeccomp(ContainerKind::System, base | (std::uint64_t{1} << CAP_SYS_TIME), UserNamespace::Own);
        QVERIFY(without && with);
        QVERIFY(with->instructions.size() > without->instructions.size());
    }

    void privilegedSystemFilterIsStricter()
    {
        const auto base = defaultCapabilities(ContainerKind::System);
        const auto own = buildDefaultSeccomp(ContainerKind::System, base, UserNamespace::Own);
        const auto host = buildDefaultSeccomp(ContainerKind::System, base, UserNamespace::Host);
        QVERIFY(own && host);
        QVERIFY(host->instructions.size() > own->instructions.size());
    }

    void applicationSocketFamilies()
    {
        const auto families = socketFamiliesDeniedForApplications();
        for (std::uint64_t family : {38, 40}) // AF_ALG, AF_VSOCK
            QVERIFY(std::ranges::find(families, family) != families.end());
    }

    void blocks_data()
    {
        QTest::addColumn<QList<quint64>>("allowed");
        QTest::newRow("docker personalities") << QList<quint64>{0x0, 0x8, 0x20000, 0x20008, 0xffffffff};
        QTest::newRow("none") << QList<quint64>{};
        QTest::newRow("zero") << QList<quint64>{0};
        QTest::newRow("top") << QList<quint64>{0xffffffff};
        QTest::newRow("unsorted with duplicates") << QList<quint64>{7, 3, 7, 0x80000000};
        QTest::newRow("beyond 32 bits ignored") << QList<quint64>{5, kLimit + 5};
    }

    void blocks()
    {
        QFETCH(QList<quint64>, allowed);
        const std::vector<std::uint64_t> values(allowed.begin(), allowed.end());
        const auto blocks = blocksOutside(values);

        // Sizes add up to the complement, so no block overlaps another or
        // an allowed value (given the probes below find none inside).
        std::set<std::uint64_t> distinct;
        for (std::uint64_t v : values)
            if (v < kLimit)
                distinct.insert(v);
        std::uint64_t total = 0;
        for (const MaskedValue& b : blocks) {
            QCOMPARE(b.value & ~b.mask, std::uint64_t{0});       // aligned
            QVERIFY(b.mask & (std::uint64_t{0xffffffff} << 32)); // never matches above 32 bits
            total += blockSize(b);
        }
        QCOMPARE(total, kLimit - distinct.size());

        std::set<std::uint64_t> probes = {0, 1, 2, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff};
        for (std::uint64_t v : distinct)
            for (std::uint64_t d : {0, 1, 2})
                probes.insert({v - d, v + d});
        for (int shift = 0; shift < 32; ++shift)
            probes.insert(std::uint64_t{1} << shift);
        for (std::uint64_t p : probes) {
            if (p >= kLimit)
                continue;
            QVERIFY2(covered(blocks, p) != distinct.contains(p), QByteArray::number(qulonglong(p), 16).constData());
        }
        QVERIFY(!covered(blocks, kLimit));
    }

    void personalityBlocksStaySmall()
    {
        // One rule per block and ABI: keep the filter well under BPF_MAXINSNS.
        QVERIFY(blocksOutside(allowedPersonalities()).size() < 100);
    }

    void applyRejectsEmptyProgram() { QCOMPARE(applySeccomp(SeccompProgram{}), EINVAL); }
};

QTEST_GUILESS_MAIN(TestSeccomp)
#include "test_seccomp.moc"
