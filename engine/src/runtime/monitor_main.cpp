// berth-monitor NAME: started by the engine (never by hand), detached from
// its caller, for the lifetime of one container run.
//
//   berth-monitor --name N --root DIR --cgroup-parent P --libexec DIR
//                 [--include-root DIR]... [--wake-arg ARG]... --sync-fd FD
//                 [-- COMMAND...]
//
// A spare (runtime/spare_monitor.h) has --assignment-fd FD instead of
// --name and the command: it reads them from FD, each word ended by a NUL,
// until the engine closes it; nothing there means it is not needed.
#include "runtime/monitor.h"

#include "berth/model/trace.h"

#include "config/values.h"
#include "fs/file_io.h"
#include "security/seccomp_filter.h"

#include <cstdio>
#include <cstring>
#include <string_view>

#include <poll.h>
#include <sys/resource.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

bool parseArguments(int argc, char** argv, berth::runtime::MonitorOptions& options, int* assignmentFd)
{
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--") {
            for (++i; i < argc; ++i)
                options.commandOverride.emplace_back(argv[i]);
            break;
        }
        if (i + 1 >= argc)
            return false;
        const char* value = argv[++i];
        if (arg == "--name")
            options.name = value;
        else if (arg == "--root")
            options.settings.paths = berth::Paths(value);
        else if (arg == "--cgroup-parent")
            options.settings.cgroupParent = value;
        else if (arg == "--libexec")
            options.settings.libexecDir = value;
        else if (arg == "--include-root")
            options.settings.includeRoots.emplace_back(value);
        else if (arg == "--wake-arg")
            options.settings.wakeCommand.emplace_back(value);
        else if (arg == "--sync-fd" || arg == "--assignment-fd") {
            auto fd = berth::parseUnsignedValue(value, 3, 1 << 20);
            if (!fd)
                return false;
            (arg == "--sync-fd" ? options.syncFd : *assignmentFd) = static_cast<int>(*fd);
        } else
            return false;
    }
    return (options.name.empty() != (*assignmentFd < 0)) && options.syncFd >= 0;
}

// A spare's container: its name, then the command override's words, up
// to the end the engine marks (shutdown); "taken" goes back before anything
// is done for it, so an engine that sees none knows no container was touched
// (spare_monitor.cpp). Waiting, it is called berth-spare (ps, top) and runs
// at nice 19; assigned, it runs as any monitor, and so does the container
// it starts. Not asked at once (the start that made it ready has ended),
// it builds the default seccomp filters, CPU a launch then skips.
constexpr int kIdleBeforeFilters = 100; // ms

bool readAssignment(int fd, berth::runtime::MonitorOptions& options)
{
    const berth::UniqueFd assignment(fd);
    ::prctl(PR_SET_NAME, "berth-spare");
    if (pollfd ready{fd, POLLIN, 0}; ::poll(&ready, 1, kIdleBeforeFilters) == 0)
        berth::security::prebuildDefaultSeccomp();
    auto words = berth::fs::readAll(assignment.get());
    (void)::setpriority(PRIO_PROCESS, 0, 0);
    ::prctl(PR_SET_NAME, "berth-monitor");
    if (!words || words->empty() || words->back() != '\0')
        return false;
    if (::send(assignment.get(), "taken", 5, MSG_NOSIGNAL) != 5)
        return false;
    for (std::size_t at = 0; at < words->size();) {
        const std::size_t end = words->find('\0', at);
        std::string word = words->substr(at, end - at);
        if (options.name.empty())
            options.name = std::move(word);
        else
            options.commandOverride.push_back(std::move(word));
        at = end + 1;
    }
    berth::trace::point("monitor", "assigned " + options.name);
    return !options.name.empty();
}

} // namespace

int main(int argc, char** argv)
{
    berth::trace::point("monitor", "main");
    // Started as a session leader (spawn_monitor.cpp): the monitor proper is
    // a child that is not one, so no terminal it opens (the consoles' ptys)
    // becomes its controlling terminal. The engine waits for this first
    // process to exit; the child reports on the sync pipe.
    // _exit: the first process lets go of the sync and assignment
    // descriptors at once (a spare's engine reads their ends).
    if (const pid_t monitor = ::fork(); monitor != 0)
        ::_exit(monitor < 0 ? 1 : 0);
    berth::runtime::MonitorOptions options;
    int assignmentFd = -1;
    if (!parseArguments(argc, argv, options, &assignmentFd)) {
        std::fprintf(stderr, "berth-monitor: started with invalid arguments; it is run by the Berth engine only\n");
        return 2;
    }
    // A spare that is not needed (its engine went) has nothing to do.
    if (assignmentFd >= 0 && !readAssignment(assignmentFd, options))
        return 0;
    berth::runtime::Monitor monitor(std::move(options));
    return monitor.run();
}
