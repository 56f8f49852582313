// berth-monitor NAME: started by the engine (never by hand), detached from
// its caller, for the lifetime of one container run.
//
//   berth-monitor --name N --root DIR --cgroup-parent P --libexec DIR
//                 [--include-root DIR]... [--wake-arg ARG]... --sync-fd FD
//                 [-- COMMAND...]
#include "runtime/monitor.h"

#include "berth/model/trace.h"

#include "config/values.h"

#include <cstdio>
#include <cstring>
#include <string_view>

#include <unistd.h>

namespace {

bool parseArguments(int argc, char** argv, berth::runtime::MonitorOptions& options)
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
        else if (arg == "--sync-fd") {
            auto fd = berth::parseUnsignedValue(value, 3, 1 << 20);
            if (!fd)
                return false;
            options.syncFd = static_cast<int>(*fd);
        } else
            return false;
    }
    return !options.name.empty() && options.syncFd >= 0;
}

} // namespace

int main(int argc, char** argv)
{
    berth::trace::point("monitor", "main");
    // Started as a session leader (spawn_monitor.cpp): the monitor proper is
    // a child that is not one, so no terminal it opens (the consoles' ptys)
    // becomes its controlling terminal. The engine waits for this first
    // process to exit; the child reports on the sync pipe.
    if (const pid_t monitor = ::fork(); monitor != 0)
        return monitor < 0 ? 1 : 0;
    berth::runtime::MonitorOptions options;
    if (!parseArguments(argc, argv, options)) {
        std::fprintf(stderr, "berth-monitor: started with invalid arguments; it is run by the Berth engine only\n");
        return 2;
    }
    berth::runtime::Monitor monitor(std::move(options));
    return monitor.run();
}
