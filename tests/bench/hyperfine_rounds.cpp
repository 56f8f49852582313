#include "hyperfine_rounds.h"

#include "bench_main.h"

#include <nlohmann/json.hpp>

#include <fstream>

namespace berth::bench {

namespace fs = std::filesystem;

namespace {

bool plainWord(const std::string& word)
{
    if (word.empty())
        return false;
    for (const char c : word) {
        const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                          std::string_view("-_./=:,+@%").find(c) != std::string_view::npos;
        if (!safe)
            return false;
    }
    return true;
}

std::string quoteWord(const std::string& word)
{
    if (plainWord(word))
        return word;
    std::string quoted = "'";
    for (const char c : word)
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

} // namespace

std::string commandLine(const Argv& argv)
{
    std::string line;
    for (const std::string& word : argv)
        line += (line.empty() ? "" : " ") + quoteWord(word);
    return line;
}

RoundRobin::RoundRobin(fs::path workDir, std::vector<TimedCommand> commands)
    : m_workDir(std::move(workDir)), m_commands(std::move(commands)), m_samples(m_commands.size())
{}

Status RoundRobin::run(int rounds, int warmup)
{
    for (int round = 0; round < warmup + rounds; ++round) {
        if (interrupted())
            return failWith(EINTR, "interrupted");
        if (Status ok = runRound(); !ok)
            return fail(ok.error().wrap("round " + std::to_string(round + 1)));
        if (round < warmup)
            for (std::vector<double>& samples : m_samples)
                samples.clear();
    }
    return {};
}

Status RoundRobin::runRound()
{
    const fs::path json = m_workDir / "hyperfine-round.json";
    // --show-output: the commands' stdout goes where hyperfine's does
    // (/dev/null), their stderr to the log, so a failure shows the
    // command's own complaint.
    Argv argv = {"hyperfine", "--shell=none", "--show-output", "--runs", "1", "--export-json", json.string()};
    // hyperfine takes one --prepare for all commands or one for each.
    for (const TimedCommand& command : m_commands) {
        Argv prepare = {"sleep", kSettle};
        if (!command.prepare.empty()) {
            prepare = {"sh", "-c", std::string("\"$@\" && exec sleep ") + kSettle, "sh"};
            prepare.insert(prepare.end(), command.prepare.begin(), command.prepare.end());
        }
        argv.insert(argv.end(), {"--prepare", commandLine(prepare)});
    }
    for (const TimedCommand& command : m_commands)
        argv.insert(argv.end(), {"--command-name", command.name, commandLine(command.argv)});
    std::error_code ec;
    fs::remove(json, ec);
    // The error names the commands, not hyperfine's whole command line.
    if (Result<double> ran = timedRun(argv, m_workDir / "hyperfine.log"); !ran) {
        std::string names;
        for (const TimedCommand& command : m_commands)
            names += (names.empty() ? "" : ", ") + command.name;
        return failWith(ran.error().code, "hyperfine of " + names + " failed", ran.error().context);
    }
    return readReport(json);
}

Status RoundRobin::readReport(const fs::path& json)
{
    std::ifstream in(json);
    const nlohmann::json report = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    const nlohmann::json results =
        report.is_object() ? report.value("results", nlohmann::json::array()) : nlohmann::json::array();
    if (results.size() != m_commands.size())
        return failWith(EIO,
                        "hyperfine's report has " + std::to_string(results.size()) + " results for " +
                            std::to_string(m_commands.size()) + " commands",
                        json.string());
    for (std::size_t i = 0; i < results.size(); ++i) {
        for (const double seconds : results[i].value("times", std::vector<double>()))
            m_samples[i].push_back(seconds * 1000);
    }
    return {};
}

} // namespace berth::bench
