#include "runtime/signal_taken.h"

#include "fs/host_files.h"

#include <charconv>
#include <cstdint>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include <sys/syscall.h>

namespace berth::runtime {

namespace {

// The hexadecimal mask of a "<field>:\t<mask>" line, 0 when absent.
std::uint64_t maskOf(std::string_view status, std::string_view field)
{
    const std::optional<std::string> value = check::statusField(status, field);
    std::uint64_t mask = 0;
    if (value)
        std::from_chars(value->data(), value->data() + value->size(), mask, 16);
    return mask;
}

// /proc/PID/syscall starts with the number of the call the process sleeps
// in ("running" or "-1 ..." otherwise).
bool sleepsInSigtimedwait(std::string_view syscall)
{
    long number = -1;
    const auto [end, error] = std::from_chars(syscall.data(), syscall.data() + syscall.size(), number);
    return error == std::errc() && (end == syscall.data() + syscall.size() || *end == ' ' || *end == '\n') &&
           number == SYS_rt_sigtimedwait;
}

std::optional<std::string> readProcFile(pid_t pid, const char* name)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/" + name);
    if (!in)
        return std::nullopt;
    std::stringstream text;
    text << in.rdbuf();
    if (text.str().empty())
        return std::nullopt;
    return text.str();
}

} // namespace

bool initTakesSignal(std::string_view procStatus, std::string_view procSyscall, int signal)
{
    if (signal < 1 || signal > 64)
        return false;
    const std::uint64_t bit = std::uint64_t(1) << (signal - 1);
    return ((maskOf(procStatus, "SigBlk") | maskOf(procStatus, "SigCgt")) & bit) != 0 ||
           sleepsInSigtimedwait(procSyscall);
}

bool processTakesSignal(pid_t pid, int signal)
{
    const auto status = readProcFile(pid, "status");
    const auto syscall = readProcFile(pid, "syscall");
    return !status || initTakesSignal(*status, syscall.value_or(""), signal);
}

} // namespace berth::runtime
