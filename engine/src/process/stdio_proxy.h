// The caller's stdio for an exec, copied through pipes of the exec's own by
// a process on the host: the command in the container never holds the
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
    std::array<UniqueFd, 3> proxy;   // the proxy's other ends, non-blocking
    UniqueFd doneRead;               // the proxy's: closes when the command has exited
    UniqueFd doneWrite;              // the waiter's: closed once the command is reaped
};

[[nodiscard]] Result<StdioPipes> makeStdioPipes(const CallerStdio& caller);

// Gives the command's ends to the root of the container's user namespace
// (its host IDs): a pipe of host root's is unmapped there, so the command
// could not reopen its own stdio through /proc/self/fd (/dev/stderr).
[[nodiscard]] Status giveCommandEnds(const StdioPipes& pipes, uid_t rootUid, gid_t rootGid);

// In a forked child on the host that holds only `caller`, pipes.proxy and
// pipes.doneRead, with no capabilities left: copies stdin into the command's pipe (its EOF closes the
// pipe), the command's output to the caller, until the command has exited
// and what it wrote is drained. Only system calls; ends with _exit.
[[noreturn]] void runStdioProxy(const CallerStdio& caller, const StdioPipes& pipes);

// Closes every descriptor but those in `keep` (sorted ascending); only
// system calls, for forked children.
void closeAllExcept(const int* keep, std::size_t count);

} // namespace berth::runtime
