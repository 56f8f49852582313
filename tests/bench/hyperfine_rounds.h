// Whole commands timed by hyperfine, round-robin. hyperfine runs all runs
// of one command before the next command's (a block per command), so one
// round here is one hyperfine invocation with every command of a
// comparison and `--runs 1`: command 1, command 2, ... once each, in
// order; N rounds give N samples of each, and the machine's drift touches
// them all alike. `--shell=none` (-N): no shell between hyperfine and the
// command, so nothing is subtracted; each command's own process start is
// part of its figure, as it is for a user. Before each command, untimed,
// its prepare and then kSettle of quiet: what the previous command left
// working in the background (podman's exec clean-up, a helper making its
// next spare monitor) ends first, as it would between a user's commands,
// instead of landing on whichever command comes next in the round.
#pragma once

#include "command.h"

#include "berth/error.h"

#include <filesystem>
#include <string>
#include <vector>

namespace berth::bench {

// One command of a comparison; `prepare` runs before each of its runs,
// untimed (empty: nothing).
struct TimedCommand {
    std::string name;
    Argv argv;
    Argv prepare;
};

inline constexpr const char* kSettle = "0.2"; // seconds, sleep(1)'s words

// "a 'b c'": argv as one line for hyperfine's -N splitting (POSIX quoting).
[[nodiscard]] std::string commandLine(const Argv& argv);

class RoundRobin {
public:
    RoundRobin(std::filesystem::path workDir, std::vector<TimedCommand> commands);

    // `warmup` rounds whose figures are dropped, then `rounds` kept; stops
    // early (with an error) on SIGINT/SIGTERM or when a command exits with
    // a status other than 0.
    [[nodiscard]] Status run(int rounds, int warmup);

    [[nodiscard]] const std::vector<TimedCommand>& commands() const { return m_commands; }
    // Milliseconds of each command's runs, in round order (index as commands()).
    [[nodiscard]] const std::vector<std::vector<double>>& samples() const { return m_samples; }

private:
    [[nodiscard]] Status runRound();
    [[nodiscard]] Status readReport(const std::filesystem::path& json);

    std::filesystem::path m_workDir;
    std::vector<TimedCommand> m_commands;
    std::vector<std::vector<double>> m_samples;
};

} // namespace berth::bench
