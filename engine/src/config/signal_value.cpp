// Signal names as LXC and kill(1) accept them.
#include "config/values.h"

#include <cerrno>
#include <csignal>
#include <cstring>

namespace berth {

namespace {

std::string upper(std::string_view text)
{
    std::string out(text);
    for (char& c : out) {
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
}

std::unexpected<Error> notSignal(std::string_view text)
{
    return failWith(EINVAL, quoteForMessage(text) + " is not a signal");
}

// "RTMIN", "RTMIN+3", "RTMAX-2": real-time signals are relative because
// glibc reserves the first few and SIGRTMIN is only known at run time.
Result<int> parseRealtime(std::string_view name, std::string_view original)
{
    const bool fromMin = name.starts_with("RTMIN");
    if (!fromMin && !name.starts_with("RTMAX"))
        return notSignal(original);
    const int base = fromMin ? SIGRTMIN : SIGRTMAX;
    const std::string_view rest = name.substr(5);
    if (rest.empty())
        return base;
    if (rest.front() != (fromMin ? '+' : '-'))
        return notSignal(original);
    auto offset = parseUnsignedValue(rest.substr(1), 0, static_cast<std::uint64_t>(SIGRTMAX - SIGRTMIN));
    if (!offset)
        return failWith(ERANGE, quoteForMessage(original) + " is beyond the real-time signals");
    const int delta = static_cast<int>(*offset);
    return fromMin ? base + delta : base - delta;
}

} // namespace

Result<int> parseSignalValue(std::string_view text)
{
    if (!text.empty() && text.front() >= '0' && text.front() <= '9') {
        auto number = parseUnsignedValue(text, 1, static_cast<std::uint64_t>(SIGRTMAX));
        if (!number)
            return fail(number.error().wrap("signal"));
        return static_cast<int>(*number);
    }
    std::string name = upper(text);
    if (name.starts_with("SIG"))
        name.erase(0, 3);
    if (name.empty())
        return notSignal(text);
    if (name.starts_with("RT"))
        return parseRealtime(name, text);
    for (int sig = 1; sig < SIGRTMIN; ++sig) {
        const char* abbrev = sigabbrev_np(sig);
        if (abbrev && name == abbrev)
            return sig;
    }
    return notSignal(text);
}

} // namespace berth
