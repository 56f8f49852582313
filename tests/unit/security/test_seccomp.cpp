// The default seccomp filter: it builds for both kinds, and the value
// blocks behind the personality() rule cover exactly what must be refused.
#include "security/seccomp_filter.h"
#include "security/seccomp_policy.h"

#include <QtTest/QtTest>

#include <algorithm>
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

std::uint64_t blockSize(const MaskedValue& block) { return ~block.mask + 1; }

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
        const auto program = buildDefaultSeccomp(kind);
        QVERIFY2(program.has_value(), program ? "" : program.error().describe().c_str());
        QVERIFY(!program->instructions.empty());
        // The kernel refuses longer programs (BPF_MAXINSNS).
        QVERIFY(program->instructions.size() <= 4096);
        // Every path must end in a return (BPF_RET), the last one included.
        QCOMPARE(program->instructions.back().code & 0x07, 0x06);
    }

    void applicationFilterIsStricter()
    {
        const auto app = buildDefaultSeccomp(ContainerKind::Application);
        const auto sys = buildDefaultSeccomp(ContainerKind::System);
        QVERIFY(app && sys);
        QVERIFY(app->instructions.size() > sys->instructions.size());
    }

    void policyLists()
    {
        const auto all = syscallsDeniedForAll();
        const auto apps = syscallsDeniedForApplications();
        for (std::string_view name : {"kexec_load", "init_module", "finit_module", "bpf", "open_by_handle_at", "syslog"})
            QVERIFY2(std::ranges::find(all, name) != all.end(), name.data());
        for (std::string_view name : {"mount", "unshare", "setns", "reboot", "pivot_root", "fsopen"}) {
            QVERIFY2(std::ranges::find(apps, name) != apps.end(), name.data());
            // System containers keep them: systemd mounts and sets up namespaces.
            QVERIFY2(std::ranges::find(all, name) == all.end(), name.data());
        }
        // chroot stays allowed (Docker allows it with CAP_SYS_CHROOT), adjtimex too (read-only use).
        for (std::string_view name : {"chroot", "adjtimex"}) {
            QVERIFY(std::ranges::find(all, name) == all.end());
            QVERIFY(std::ranges::find(apps, name) == apps.end());
        }
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
            QCOMPARE(b.value & ~b.mask, std::uint64_t{0});   // aligned
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

    void applyRejectsEmptyProgram()
    {
        QCOMPARE(applySeccomp(SeccompProgram{}), EINVAL);
    }
};

QTEST_GUILESS_MAIN(TestSeccomp)
#include "test_seccomp.moc"
