// The caller's stdio for an exec, copied through pipes of the exec's own by
// its waiter, which stays on the host: the command in the container never holds the
// caller's descriptors, so its root cannot reopen them through
// /proc/self/fd with its own rights (a read-only file for writing, the
// other end of a FIFO, a terminal read-write). As runc does for a non-tty
// exec under a shim.
#pragma once

#include "berth/unique_fd.h"
#include "berth/error.h"

#include <array>

#include <sys/types.h>

namespace berth::runtime {

// The caller's three descriptors (-1: none, the command gets /dev/null).
using CallerStdio = std::array<int, 3>;

struct StdioPipes {
    std::array<UniqueFd, 3> command; // the command's 0, 1, 2 (-1 where the caller gave none)
    std::array<UniqueFd, 3> proxy;   // the waiter's other ends, non-blocking
};

[[nodiscard]] Result<StdioPipes> makeStdioPipes(const CallerStdio& caller);

// Gives the command's ends to the root of the container's user namespace
// (its host IDs): a pipe of host root's is unmapped there, so the command
// could not reopen its own stdio through /proc/self/fd (/dev/stderr).
[[nodiscard]] Status giveCommandEnds(const StdioPipes& pipes, uid_t rootUid, gid_t rootGid);

// In the exec's waiter on the host, once the command runs, with its
// capabilities dropped first: copies stdin into the command's pipe (its EOF
// closes the pipe), the command's output to the caller, until the command
// has exited (`commandPidfd` readable) and what it wrote is drained. Only
// system calls.
void copyStdio(const CallerStdio& caller, const StdioPipes& pipes, int commandPidfd);

// Closes every descriptor but those in `keep` (sorted ascending); only
// system calls, for forked children.
void closeAllExcept(const int* keep, std::size_t count);

} // namespace berth::runtime
