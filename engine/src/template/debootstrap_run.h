// Running a long host program (debootstrap) whose output is a log: each
// line goes to a callback, a cancel stops it, a hang is bounded.
#pragma once

#include "berth/error.h"
#include "berth/templates.h"

#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace berth::templates {

struct LoggedRunOptions {
    // No output for this long: the program is taken for hung and killed
    // (ETIMEDOUT). debootstrap prints a line per package.
    std::chrono::milliseconds silenceLimit = std::chrono::minutes(10);
    // Run it in a private mount namespace, so whatever it mounts (debootstrap
    // mounts /proc and /sys in its target) goes away with it, even if killed.
    bool privateMounts = true;
    // The child is the pid 1 of a new pid namespace (owned by the caller's
    // user namespace): reaping it waits for everything it started.
    bool newPidNamespace = false;
    // "NAME=value" entries added to the clean environment.
    std::vector<std::string> extraEnvironment;
    // Runs in the child, after the steps above and stdio, instead of
    // execve(argv, envp); its result is the child's exit status. It may
    // make system calls only (the parent may have other threads).
    std::function<int(char* const* argv, char* const* envp)> childMain;
};

// Runs argv[0] (an absolute path; no shell) in a process group of its own
// with stdin from /dev/null, the environment PATH=/usr/sbin:/usr/bin:/sbin:/bin
// and LANG=C only, and stdout and stderr merged and handed to `onLine` a line
// at a time. Returns the wait status (as waitpid gives it). When
// progress.cancelled() turns true (checked after every line and a few times
// a second) the whole process group is killed and reaped: ECANCELED. Nothing
// of the group outlives the call.
[[nodiscard]] Result<int> runLogged(const std::vector<std::string>& argv, const Progress& progress,
                                    const std::function<void(std::string_view)>& onLine,
                                    const LoggedRunOptions& options = {});

} // namespace berth::templates
