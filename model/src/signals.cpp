// Signal names as LXC and kill(1) accept them.
#include "berth/model/units.h"

#include <array>
#include <charconv>
#include <csignal>

namespace berth::model {
namespace {

struct SignalName {
    std::string_view name;
    int number;
};

// Linux's signals below SIGRTMIN; aliases (IOT, CLD, POLL) after the names they share a number with.
constexpr std::array<SignalName, 34> kSignals{{
    {"HUP", SIGHUP},       {"INT", SIGINT},   {"QUIT", SIGQUIT},   {"ILL", SIGILL},   {"TRAP", SIGTRAP},
    {"ABRT", SIGABRT},     {"BUS", SIGBUS},   {"FPE", SIGFPE},     {"KILL", SIGKILL}, {"USR1", SIGUSR1},
    {"SEGV", SIGSEGV},     {"USR2", SIGUSR2}, {"PIPE", SIGPIPE},   {"ALRM", SIGALRM}, {"TERM", SIGTERM},
    {"STKFLT", SIGSTKFLT}, {"CHLD", SIGCHLD}, {"CONT", SIGCONT},   {"STOP", SIGSTOP}, {"TSTP", SIGTSTP},
    {"TTIN", SIGTTIN},     {"TTOU", SIGTTOU}, {"URG", SIGURG},     {"XCPU", SIGXCPU}, {"XFSZ", SIGXFSZ},
    {"VTALRM", SIGVTALRM}, {"PROF", SIGPROF}, {"WINCH", SIGWINCH}, {"IO", SIGIO},     {"PWR", SIGPWR},
    {"SYS", SIGSYS},       {"IOT", SIGIOT},   {"CLD", SIGCHLD},    {"POLL", SIGIO},
}};

std::string upper(std::string_view text)
{
    std::string out(text);
    for (char& c : out) {
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
}

// A whole decimal number within [min, max], or the problem.
std::expected<int, SignalProblem> number(std::string_view text, int min, int max)
{
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    const bool digits = !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
    if (!digits || (ec != std::errc() && ec != std::errc::result_out_of_range) || end != text.data() + text.size())
        return std::unexpected(SignalProblem::NotASignal);
    if (ec == std::errc::result_out_of_range || value < min || value > max)
        return std::unexpected(SignalProblem::OutOfRange);
    return value;
}

// "RTMIN", "RTMIN+3", "RTMAX-2": real-time signals are relative because
// glibc reserves the first few and SIGRTMIN is only known at run time.
std::expected<int, SignalProblem> realtime(std::string_view name)
{
    const bool fromMin = name.starts_with("RTMIN");
    if (!fromMin && !name.starts_with("RTMAX"))
        return std::unexpected(SignalProblem::NotASignal);
    const int base = fromMin ? SIGRTMIN : SIGRTMAX;
    const std::string_view rest = name.substr(5);
    if (rest.empty())
        return base;
    if (rest.front() != (fromMin ? '+' : '-'))
        return std::unexpected(SignalProblem::NotASignal);
    auto offset = number(rest.substr(1), 0, SIGRTMAX - SIGRTMIN);
    if (!offset)
        return std::unexpected(SignalProblem::OutOfRange);
    return fromMin ? base + *offset : base - *offset;
}

} // namespace

std::expected<int, SignalProblem> parseSignal(std::string_view text)
{
    if (!text.empty() && text.front() >= '0' && text.front() <= '9')
        return number(text, 1, SIGRTMAX);
    std::string name = upper(text);
    if (name.starts_with("SIG"))
        name.erase(0, 3);
    if (name.empty())
        return std::unexpected(SignalProblem::NotASignal);
    if (name.starts_with("RT"))
        return realtime(name);
    for (const SignalName& known : kSignals) {
        if (name == known.name)
            return known.number;
    }
    return std::unexpected(SignalProblem::NotASignal);
}

std::string signalName(int signal)
{
    for (const SignalName& known : kSignals) {
        if (known.number == signal)
            return std::string(known.name);
    }
    if (signal == SIGRTMIN)
        return "RTMIN";
    if (signal > SIGRTMIN && signal <= SIGRTMAX)
        return "RTMIN+" + std::to_string(signal - SIGRTMIN);
    return {};
}

} // namespace berth::model
