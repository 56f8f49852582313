#include "berthctl_side.h"

#include "bench_bus.h"
#include "hyperfine_rounds.h"

#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace berth::bench {

namespace fs = std::filesystem;

BerthctlSide::~BerthctlSide()
{
    destroyAll();
    m_bus.stop();
}

Status BerthctlSide::startBus(const fs::path& stateRoot, const std::string& cgroupParent)
{
    if (Status started = startBenchBus(m_bus, stateRoot, cgroupParent); !started)
        return started;
    m_started = true;
    return {};
}

Argv BerthctlSide::root(const Argv& args) const
{
    Argv argv = {BERTHCTL_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    return argv;
}

Argv BerthctlSide::member(const Argv& args) const
{
    return m_member.as(root(args));
}

Status BerthctlSide::run(const Argv& argv) const
{
    if (Result<double> ran = timedRun(argv, m_log); !ran)
        return fail(ran.error());
    return {};
}

Result<std::string> BerthctlSide::output(const Argv& args) const
{
    const std::string line = commandLine(root(args)) + " 2>>" + commandLine({m_log.string()});
    FILE* pipe = ::popen(line.c_str(), "r");
    if (!pipe)
        return failErrno(errno, "popen " + line);
    std::string text;
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
        text.append(buffer, n);
    if (::pclose(pipe) != 0)
        return failWith(EIO, "'" + line + "' failed");
    return text;
}

Result<std::vector<std::string>> BerthctlSide::names() const
{
    auto text = output({"list", "--names"});
    if (!text)
        return fail(text.error());
    std::vector<std::string> result;
    std::istringstream lines(*text);
    for (std::string name; std::getline(lines, name);)
        if (!name.empty())
            result.push_back(name);
    return result;
}

void BerthctlSide::destroyAll()
{
    if (!m_started)
        return;
    auto all = names();
    if (!all) {
        std::fprintf(stderr, "bench: %s\n", all.error().describe().c_str());
        return;
    }
    for (const std::string& name : *all)
        if (Status ok = run(root({"destroy", name, "-f"})); !ok)
            std::fprintf(stderr, "bench: %s\n", ok.error().describe().c_str());
    // Then the images the bench pulled, which no container uses any more.
    if (Status ok = run(root({"image", "prune", "--all"})); !ok)
        std::fprintf(stderr, "bench: %s\n", ok.error().describe().c_str());
}

} // namespace berth::bench
