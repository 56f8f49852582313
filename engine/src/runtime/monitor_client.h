// The engine's side of the monitor socket: one request, one reply
// (monitor_protocol.h), possibly carrying a file descriptor.
#pragma once

#include "berth/error.h"
#include "berth/unique_fd.h"

#include "runtime/monitor_protocol.h"

#include <chrono>
#include <filesystem>

namespace berth::runtime {

struct MonitorReply {
    std::optional<ExitStatus> exit; // a wait's, when the init has exited
    UniqueFd fd;
};

// Connects, sends `request` and waits up to `timeout` for the reply. The
// monitor's error becomes an Error with its code; a malformed reply, EPROTO.
[[nodiscard]] Result<MonitorReply> askMonitor(const std::filesystem::path& socket, const MonitorRequest& request,
                                              std::chrono::milliseconds timeout);

// For "stop" and "wait": after the reply, also waits (up to `timeout`) for
// the monitor to close the connection, which it does only by exiting.
[[nodiscard]] Result<MonitorReply> askMonitorAndWaitExit(const std::filesystem::path& socket,
                                                         const MonitorRequest& request,
                                                         std::chrono::milliseconds timeout);

} // namespace berth::runtime
