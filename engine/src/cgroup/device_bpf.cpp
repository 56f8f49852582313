#include "cgroup/device_bpf.h"

#include "berth/unique_fd.h"
#include "cgroup/device_program.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>
#include <vector>

#include <fcntl.h>
#include <linux/bpf.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace berth::cgroup {

namespace {

// No helper calls, so no GPL-only helper: any license string loads.
constexpr char kLicense[] = "Apache-2.0";

long bpf(int command, bpf_attr& attr)
{
    return ::syscall(SYS_bpf, command, &attr, sizeof attr);
}

long loadWithLog(const std::vector<bpf_insn>& program, std::vector<char>* log)
{
    bpf_attr attr{};
    attr.prog_type = BPF_PROG_TYPE_CGROUP_DEVICE;
    attr.insns = reinterpret_cast<std::uintptr_t>(program.data());
    attr.insn_cnt = static_cast<std::uint32_t>(program.size());
    attr.license = reinterpret_cast<std::uintptr_t>(kLicense);
    if (log) {
        attr.log_buf = reinterpret_cast<std::uintptr_t>(log->data());
        attr.log_size = static_cast<std::uint32_t>(log->size());
        attr.log_level = 1;
    }
    return bpf(BPF_PROG_LOAD, attr);
}

// What the verifier says about a refused program: its last line but the
// statistics ("processed N insns ..."); empty when it says nothing. (A log
// is asked for only then: a successful load's log can overflow the buffer,
// which fails the load with ENOSPC.)
std::string verifierNote(const std::vector<bpf_insn>& program)
{
    std::vector<char> log(std::size_t{1} << 20, '\0');
    if (const UniqueFd loaded(static_cast<int>(loadWithLog(program, &log))); loaded)
        return {};
    std::string reason;
    std::string_view text(log.data(), ::strnlen(log.data(), log.size()));
    while (!text.empty()) {
        const size_t end = std::min(text.find('\n'), text.size());
        const std::string_view line = text.substr(0, end);
        if (!line.empty() && !line.starts_with("processed "))
            reason = line;
        text.remove_prefix(std::min(end + 1, text.size()));
    }
    return reason.empty() ? std::string() : " (verifier: " + reason + ")";
}

Result<UniqueFd> loadProgram(const std::vector<bpf_insn>& program)
{
    const long fd = loadWithLog(program, nullptr);
    if (fd >= 0)
        return UniqueFd(static_cast<int>(fd));
    const int error = errno;
    // EINVAL: the verifier refused it (and says why), or the kernel does
    // not know the program type.
    std::string why = error == EINVAL ? verifierNote(program) : std::string();
    if (error == EINVAL && why.empty())
        why = " (the kernel cannot filter devices on cgroup v2 without CONFIG_CGROUP_BPF)";
    return failErrno(error, "load the device program (BPF_PROG_LOAD)" + why);
}

} // namespace

Status attachDeviceProgram(const std::filesystem::path& dir, std::span<const DeviceRule> allowed)
{
    Result<UniqueFd> program = loadProgram(deviceProgram(allowed));
    if (!program)
        return std::unexpected(std::move(program.error()));
    const UniqueFd cgroup(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!cgroup)
        return failErrno(errno, "open cgroup " + dir.string());
    bpf_attr attr{};
    attr.target_fd = static_cast<std::uint32_t>(cgroup.get());
    attr.attach_bpf_fd = static_cast<std::uint32_t>(program->get());
    attr.attach_type = BPF_CGROUP_DEVICE;
    attr.attach_flags = BPF_F_ALLOW_MULTI;
    if (bpf(BPF_PROG_ATTACH, attr) != 0)
        return failErrno(errno, "attach the device program to cgroup " + dir.string() + " (BPF_PROG_ATTACH)");
    return {};
}

Status deviceProgramsSupported()
{
    Result<UniqueFd> program = loadProgram(deviceProgram({}));
    if (!program)
        return std::unexpected(std::move(program.error()));
    return {};
}

} // namespace berth::cgroup
