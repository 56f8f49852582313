// berthctl: the quick path for the verbs people run most (quick_line.h),
// on sd-bus without Qt; everything else, and every message, is the full
// client's (handoff.h). See cli/README.md.
#include "handoff.h"
#include "helper_bus.h"
#include "job_follow.h"
#include "quick_line.h"

#include "berth/model/exit_status.h"
#include "berth/model/trace.h"

#include <fcntl.h>
#include <string_view>
#include <unistd.h>
#include <vector>

namespace berth::quick {
namespace {

int start(HelperBus& helper, const StartLine& line)
{
    if (auto started = helper.start(line.name); !started)
        reportThroughFullClient(ErrorContext::Verb, started.error());
    return 0;
}

int stop(HelperBus& helper, const StopLine& line)
{
    auto job = helper.stop(line.name, line.timeoutSeconds);
    if (!job)
        reportThroughFullClient(ErrorContext::Verb, job.error());
    const JobOutcome outcome = followJob(helper.bus(), *job);
    switch (outcome.end) {
    case JobEnd::Succeeded:
        return 0;
    case JobEnd::Failed:
        reportThroughFullClient(ErrorContext::Verb, outcome.error);
    case JobEnd::HelperLeft:
        reportHelperLeftThroughFullClient();
    case JobEnd::Interrupted:
    case JobEnd::Unclear:
        break;
    }
    followThroughFullClient(job->path, outcome.end == JobEnd::Interrupted);
}

// Only without a terminal on stdin (or with -T): a pty is the full client's.
int exec(HelperBus& helper, const ExecLine& line)
{
    auto id = helper.execWithOwnFds(line.name, line.command);
    if (!id)
        reportThroughFullClient(ErrorContext::Exec, id.error());
    auto end = helper.waitExec(*id);
    if (!end)
        reportThroughFullClient(ErrorContext::Verb, end.error());
    return model::shellExitCode(end->status, end->signal);
}

int run(HelperBus& helper, const QuickLine& line)
{
    if (const auto* starting = std::get_if<StartLine>(&line))
        return start(helper, *starting);
    if (const auto* stopping = std::get_if<StopLine>(&line))
        return stop(helper, *stopping);
    return exec(helper, std::get<ExecLine>(line));
}

// exec with a terminal on stdin gets a pty, and one with a standard
// stream closed sends what the full client makes of it.
bool execNeedsFullClient(const QuickLine& line)
{
    const auto* execLine = std::get_if<ExecLine>(&line);
    if (!execLine)
        return false;
    for (int fd : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO})
        if (::fcntl(fd, F_GETFD) < 0)
            return true;
    return !execLine->noTty && ::isatty(STDIN_FILENO);
}

} // namespace
} // namespace berth::quick

int main(int argc, char** argv)
{
    using namespace berth::quick;
    berth::trace::point("berthctl", "main");
    const std::vector<std::string_view> args(argv + 1, argv + argc);
    const auto line = parseQuickLine(args);
    if (!line || execNeedsFullClient(*line))
        runFullClient(argv);
    auto helper = HelperBus::connect();
    if (!helper)
        runFullClient(argv); // nothing was asked yet: it says why there is no bus
    berth::trace::point("berthctl", "connected (quick path)");
    const int code = run(*helper, *line);
    helper.reset();
    berth::trace::point("berthctl", "exits");
    return code;
}
