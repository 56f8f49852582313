#include "runtime/signal_taken.h"

#include <charconv>
#include <cstdint>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include <sys/syscall.h>

namespace berth::runtime {

namespace {

// The hexadecimal mask on the line "<field>:\t<mask>", 0 when absent.
std::uint64_t maskOf(std::string_view status, std::string_view field)
{
    for (std::size_t at = 0; at < status.size();) {
        std::size_t end = status.find('\n', at);
        if (end == std::string_view::npos)
            end = status.size();
        const std::string_view line = status.substr(at, end - at);
        at = end + 1;
        if (line.size() <= field.size() || !line.starts_with(field) || line[field.size()] != ':')
            continue;
        std::string_view value = line.substr(field.size() + 1);
        while (!value.empty() && (value.front() == '\t' || value.front() == ' '))
            value.remove_prefix(1);
        std::uint64_t mask = 0;
        std::from_chars(value.data(), value.data() + value.size(), mask, 16);
        return mask;
    }
    return 0;
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
