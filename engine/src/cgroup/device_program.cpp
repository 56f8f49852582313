#include "cgroup/device_program.h"

#include <cstddef>

namespace berth::cgroup {

namespace {

static_assert(kDeviceMknod == BPF_DEVCG_ACC_MKNOD && kDeviceRead == BPF_DEVCG_ACC_READ &&
              kDeviceWrite == BPF_DEVCG_ACC_WRITE);

// Registers after the prologue; r1 (the context) is free for scratch then.
constexpr std::uint8_t kScratch = BPF_REG_1;
constexpr std::uint8_t kType = BPF_REG_2;
constexpr std::uint8_t kAccess = BPF_REG_3;
constexpr std::uint8_t kMajor = BPF_REG_4;
constexpr std::uint8_t kMinor = BPF_REG_5;

bpf_insn insn(std::uint8_t code, std::uint8_t dst, std::uint8_t src, std::int16_t off, std::int32_t imm)
{
    bpf_insn i{};
    i.code = code;
    i.dst_reg = dst & 0xf;
    i.src_reg = src & 0xf;
    i.off = off;
    i.imm = imm;
    return i;
}

bpf_insn loadContextWord(std::uint8_t dst, std::int16_t offset)
{
    return insn(BPF_LDX | BPF_MEM | BPF_W, dst, BPF_REG_1, offset, 0);
}

bpf_insn alu32(std::uint8_t op, std::uint8_t dst, std::int32_t imm)
{
    return insn(BPF_ALU | op | BPF_K, dst, 0, 0, imm);
}

bpf_insn returnVerdict(bool allow)
{
    return insn(BPF_ALU64 | BPF_MOV | BPF_K, BPF_REG_0, 0, 0, allow ? 1 : 0);
}

// A jump to the end of its rule's block; the offset is set once the block
// is complete.
bpf_insn skipRuleUnless(std::uint8_t reg, std::int32_t value)
{
    return insn(BPF_JMP | BPF_JNE | BPF_K, reg, 0, 0, value);
}

std::int32_t kernelType(DeviceType type)
{
    return type == DeviceType::Block ? BPF_DEVCG_DEV_BLOCK : BPF_DEVCG_DEV_CHAR;
}

// struct bpf_cgroup_dev_ctx { u32 access_type (access << 16 | type); u32 major; u32 minor; }
void appendPrologue(std::vector<bpf_insn>& program)
{
    program.push_back(loadContextWord(kType, offsetof(bpf_cgroup_dev_ctx, access_type)));
    program.push_back(alu32(BPF_AND, kType, 0xffff));
    program.push_back(loadContextWord(kAccess, offsetof(bpf_cgroup_dev_ctx, access_type)));
    program.push_back(alu32(BPF_RSH, kAccess, 16));
    program.push_back(loadContextWord(kMajor, offsetof(bpf_cgroup_dev_ctx, major)));
    program.push_back(loadContextWord(kMinor, offsetof(bpf_cgroup_dev_ctx, minor)));
}

// Each test that fails skips the rest of the block; a block whose tests all
// pass returns 1. Returns whether the block has no test at all: then
// nothing after it can run, and the verifier refuses unreachable code.
bool appendRule(std::vector<bpf_insn>& program, const DeviceRule& rule)
{
    std::vector<bpf_insn> block;
    if (rule.type != DeviceType::All)
        block.push_back(skipRuleUnless(kType, kernelType(rule.type)));
    const std::int32_t refused = kDeviceAnyAccess & ~rule.access;
    if (refused != 0) {
        block.push_back(insn(BPF_ALU | BPF_MOV | BPF_X, kScratch, kAccess, 0, 0));
        block.push_back(alu32(BPF_AND, kScratch, refused));
        block.push_back(skipRuleUnless(kScratch, 0));
    }
    if (rule.major)
        block.push_back(skipRuleUnless(kMajor, static_cast<std::int32_t>(*rule.major)));
    if (rule.minor)
        block.push_back(skipRuleUnless(kMinor, static_cast<std::int32_t>(*rule.minor)));
    block.push_back(returnVerdict(true));
    block.push_back(insn(BPF_JMP | BPF_EXIT, 0, 0, 0, 0));
    for (size_t i = 0; i < block.size(); ++i)
        if (block[i].code == (BPF_JMP | BPF_JNE | BPF_K))
            block[i].off = static_cast<std::int16_t>(block.size() - i - 1);
    program.insert(program.end(), block.begin(), block.end());
    return block.size() == 2;
}

} // namespace

std::vector<bpf_insn> deviceProgram(std::span<const DeviceRule> allowed)
{
    std::vector<bpf_insn> program;
    appendPrologue(program);
    for (const DeviceRule& rule : allowed)
        if (appendRule(program, rule))
            return program;
    program.push_back(returnVerdict(false));
    program.push_back(insn(BPF_JMP | BPF_EXIT, 0, 0, 0, 0));
    return program;
}

} // namespace berth::cgroup
