// The engine's side of the monitor socket: one JSON request, one JSON
// reply, possibly carrying a file descriptor.
#pragma once

#include "berth/error.h"
#include "berth/unique_fd.h"

#include <nlohmann/json_fwd.hpp>

#include <chrono>
#include <filesystem>

namespace berth::runtime {

struct MonitorReply {
    std::string text; // the JSON reply as received
    UniqueFd fd;
};

// Connects, sends `request` and waits up to `timeout` for the reply. A reply
// {"ok":false,"code":N,"message":"..."} becomes an Error with that code.
[[nodiscard]] Result<MonitorReply> askMonitor(const std::filesystem::path& socket, const nlohmann::json& request,
                                              std::chrono::milliseconds timeout);

// For "stop" and "wait": after the reply, also waits (up to `timeout`) for
// the monitor to close the connection, which it does only by exiting.
[[nodiscard]] Result<MonitorReply> askMonitorAndWaitExit(const std::filesystem::path& socket,
                                                         const nlohmann::json& request,
                                                         std::chrono::milliseconds timeout);

} // namespace berth::runtime
