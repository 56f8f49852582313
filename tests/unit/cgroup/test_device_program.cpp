// The device allowlist compiled into a BPF_CGROUP_DEVICE program: the
// instructions are run by a small interpreter of the few opcodes the
// builder uses, against the kernel's context layout, and every verdict is
// compared with the rules read the way the v1 devices controller reads them.
#include "cgroup/device_program.h"
#include "cgroup/device_rules.h"

#include <QtTest/QtTest>

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

using namespace berth::cgroup;

namespace {

struct Request {
    DeviceType type;
    std::uint32_t major;
    std::uint32_t minor;
    std::uint8_t access;
};

// Runs `program` on the context the kernel passes; nullopt for an opcode
// the builder should never emit, a read outside the context, or a jump out
// of the program.
std::optional<std::uint64_t> run(const std::vector<bpf_insn>& program, const Request& request)
{
    const std::uint32_t type = request.type == DeviceType::Block ? BPF_DEVCG_DEV_BLOCK : BPF_DEVCG_DEV_CHAR;
    const std::array<std::uint32_t, 3> context{(std::uint32_t{request.access} << 16) | type, request.major,
                                               request.minor};
    std::array<std::uint64_t, 11> reg{};
    bool contextInR1 = true;
    for (size_t pc = 0; pc < program.size(); ++pc) {
        const bpf_insn& i = program[pc];
        const std::uint64_t imm = static_cast<std::uint64_t>(static_cast<std::int64_t>(i.imm));
        switch (i.code) {
        case BPF_LDX | BPF_MEM | BPF_W:
            if (!contextInR1 || i.src_reg != BPF_REG_1 || i.off < 0 || i.off % 4 != 0 || i.off / 4 >= 3)
                return std::nullopt;
            reg[i.dst_reg] = context[static_cast<size_t>(i.off / 4)];
            break;
        case BPF_ALU | BPF_AND | BPF_K:
            reg[i.dst_reg] = std::uint32_t(reg[i.dst_reg] & imm);
            break;
        case BPF_ALU | BPF_RSH | BPF_K:
            reg[i.dst_reg] = std::uint32_t(reg[i.dst_reg]) >> i.imm;
            break;
        case BPF_ALU | BPF_MOV | BPF_X:
            reg[i.dst_reg] = std::uint32_t(reg[i.src_reg]);
            break;
        case BPF_ALU64 | BPF_MOV | BPF_K:
            reg[i.dst_reg] = imm;
            break;
        case BPF_JMP | BPF_JNE | BPF_K:
            if (reg[i.dst_reg] != imm)
                pc += static_cast<size_t>(i.off);
            if (i.off < 0 || pc + 1 >= program.size())
                return std::nullopt;
            break;
        case BPF_JMP | BPF_EXIT:
            return reg[BPF_REG_0];
        default:
            return std::nullopt;
        }
        if (i.dst_reg == BPF_REG_1 && i.code != (BPF_JMP | BPF_JNE | BPF_K))
            contextInR1 = false;
    }
    return std::nullopt; // fell off the end: the verifier refuses that
}

// The verifier refuses a program with an instruction no path reaches, or
// a jump that leaves the program.
bool everyInstructionReachable(const std::vector<bpf_insn>& program)
{
    std::vector<bool> reached(program.size(), false);
    std::vector<size_t> pending{0};
    while (!pending.empty()) {
        const size_t pc = pending.back();
        pending.pop_back();
        if (pc >= program.size())
            return false;
        if (reached[pc])
            continue;
        reached[pc] = true;
        const bpf_insn& i = program[pc];
        if (i.code == (BPF_JMP | BPF_EXIT))
            continue;
        pending.push_back(pc + 1);
        if (BPF_CLASS(i.code) == BPF_JMP)
            pending.push_back(pc + 1 + static_cast<size_t>(i.off));
    }
    return std::find(reached.begin(), reached.end(), false) == reached.end();
}

// The rules as the v1 controller reads them: one rule must match type,
// major and minor and grant every requested access bit.
bool allowedByRules(std::span<const DeviceRule> rules, const Request& request)
{
    for (const DeviceRule& rule : rules) {
        const bool type = rule.type == DeviceType::All || rule.type == request.type;
        const bool major = !rule.major || *rule.major == request.major;
        const bool minor = !rule.minor || *rule.minor == request.minor;
        if (type && major && minor && (request.access & ~rule.access) == 0)
            return true;
    }
    return false;
}

constexpr std::uint8_t R = kDeviceRead;
constexpr std::uint8_t W = kDeviceWrite;
constexpr std::uint8_t M = kDeviceMknod;

} // namespace

Q_DECLARE_METATYPE(DeviceType)

class TestDeviceProgram : public QObject {
    Q_OBJECT
private slots:
    void defaultAllowlistAsV1Text();
    void defaultProgramVerdicts_data();
    void defaultProgramVerdicts();
    void programAgreesWithRulesEverywhere_data();
    void programAgreesWithRulesEverywhere();
    void emptyAllowlistDeniesAll();
};

// The lines v1's devices.list shows (the integration test reads them back).
void TestDeviceProgram::defaultAllowlistAsV1Text()
{
    QStringList lines;
    for (const DeviceRule& rule : defaultDeviceAllowlist())
        lines << QString::fromStdString(deviceRuleText(rule));
    QCOMPARE(lines, QStringList({"c 1:3 rwm", "c 1:5 rwm", "c 1:7 rwm", "c 1:8 rwm", "c 1:9 rwm", "c 5:0 rwm",
                                 "c 5:1 rwm", "c 5:2 rwm", "c 136:* rwm", "c *:* m", "b *:* m"}));
    QCOMPARE(QString::fromStdString(deviceRuleText({DeviceType::All, std::nullopt, std::nullopt, R | W})),
             QString("a rw"));
    QCOMPARE(QString::fromStdString(deviceRuleText({DeviceType::Block, 8, std::nullopt, R})), QString("b 8:* r"));
}

void TestDeviceProgram::defaultProgramVerdicts_data()
{
    QTest::addColumn<DeviceType>("type");
    QTest::addColumn<uint>("major");
    QTest::addColumn<uint>("minor");
    QTest::addColumn<uint>("access");
    QTest::addColumn<bool>("allowed");
    const auto row = [](const char* name, DeviceType type, uint major, uint minor, uint access, bool allowed) {
        QTest::newRow(name) << type << major << minor << access << allowed;
    };
    constexpr auto C = DeviceType::Char;
    constexpr auto B = DeviceType::Block;
    row("null rw", C, 1, 3, R | W, true);
    row("zero r", C, 1, 5, R, true);
    row("full w", C, 1, 7, W, true);
    row("random r", C, 1, 8, R, true);
    row("urandom rw", C, 1, 9, R | W, true);
    row("tty rw", C, 5, 0, R | W, true);
    row("console rw", C, 5, 1, R | W, true);
    row("ptmx rw", C, 5, 2, R | W, true);
    row("pts/7 rw", C, 136, 7, R | W, true);
    row("mknod of any char device", C, 10, 237, M, true);
    row("mknod of any block device", B, 98, 0, M, true);
    row("kmsg r", C, 1, 11, R, false);
    row("mem r", C, 1, 1, R, false);
    row("port rw", C, 1, 4, R | W, false);
    row("loop-control rw", C, 10, 237, R | W, false);
    row("fuse rw", C, 10, 229, R | W, false);
    row("tun rw", C, 10, 200, R | W, false);
    row("tty1 w", C, 4, 1, W, false);
    row("ubd0 r", B, 98, 0, R, false);
    row("sda w", B, 8, 0, W, false);
    row("loop0 r", B, 7, 0, R, false);
    row("block 1:3 is not null", B, 1, 3, R, false);
    row("pts major as block", B, 136, 0, R, false);
    row("mknod and read of a disk", B, 8, 0, M | R, false);
}

void TestDeviceProgram::defaultProgramVerdicts()
{
    QFETCH(DeviceType, type);
    QFETCH(uint, major);
    QFETCH(uint, minor);
    QFETCH(uint, access);
    QFETCH(bool, allowed);
    const std::optional<std::uint64_t> verdict =
        run(deviceProgram(defaultDeviceAllowlist()), {type, major, minor, static_cast<std::uint8_t>(access)});
    QVERIFY(verdict.has_value());
    QCOMPARE(*verdict, std::uint64_t{allowed ? 1u : 0u});
}

void TestDeviceProgram::programAgreesWithRulesEverywhere_data()
{
    QTest::addColumn<int>("set");
    QTest::newRow("default allowlist") << 0;
    QTest::newRow("block major, read only") << 1;
    QTest::newRow("everything") << 2;
    QTest::newRow("one node, mknod and write") << 3;
    QTest::newRow("everything, then more rules") << 4;
}

void TestDeviceProgram::programAgreesWithRulesEverywhere()
{
    QFETCH(int, set);
    const std::vector<std::vector<DeviceRule>> sets{
        {defaultDeviceAllowlist().begin(), defaultDeviceAllowlist().end()},
        {{DeviceType::Block, 8, std::nullopt, R}, {DeviceType::Char, 1, 3, R | W | M}},
        {{DeviceType::All, std::nullopt, std::nullopt, R | W | M}},
        {{DeviceType::Char, 10, 200, W | M}},
        {{DeviceType::Char, 1, 3, R},
         {DeviceType::All, std::nullopt, std::nullopt, R | W | M},
         {DeviceType::Block, 8, 0, R}},
    };
    const std::vector<DeviceRule>& rules = sets[static_cast<size_t>(set)];
    const std::vector<bpf_insn> program = deviceProgram(rules);
    QVERIFY(everyInstructionReachable(program));
    for (DeviceType type : {DeviceType::Char, DeviceType::Block})
        for (std::uint32_t major : {0u, 1u, 4u, 5u, 7u, 8u, 10u, 98u, 136u, 254u, 4095u})
            for (std::uint32_t minor : {0u, 1u, 2u, 3u, 5u, 7u, 9u, 11u, 200u, 237u, 1048575u})
                for (std::uint8_t access = 1; access <= 7; ++access) {
                    const Request request{type, major, minor, access};
                    const std::optional<std::uint64_t> verdict = run(program, request);
                    QVERIFY(verdict.has_value());
                    QVERIFY2(
                        *verdict == (allowedByRules(rules, request) ? 1u : 0u),
                        qPrintable(QString("%1 %2:%3 access %4").arg(char(type)).arg(major).arg(minor).arg(access)));
                }
}

void TestDeviceProgram::emptyAllowlistDeniesAll()
{
    const std::vector<bpf_insn> program = deviceProgram({});
    QVERIFY(everyInstructionReachable(program));
    for (std::uint8_t access = 1; access <= 7; ++access) {
        QCOMPARE(run(program, {DeviceType::Char, 1, 3, access}), std::optional<std::uint64_t>(0));
        QCOMPARE(run(program, {DeviceType::Block, 8, 0, access}), std::optional<std::uint64_t>(0));
    }
}

QTEST_GUILESS_MAIN(TestDeviceProgram)
#include "test_device_program.moc"
