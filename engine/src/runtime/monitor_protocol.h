// Every message between the engine and berth-monitor, in one place: the
// requests on monitor.sock and their replies, the monitor's start report on
// the spawn pipe, and the container init's setup failure. On the wire each
// is one JSON object (as before this header, so an older running monitor
// still understands a newer engine). Decoding never throws: malformed,
// truncated or wrong-typed text is an EPROTO error; a missing field takes
// its default.
#pragma once

#include "berth/engine.h"
#include "berth/error.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include <sys/types.h>

namespace berth::runtime {

// Stop the container; after `timeout` what is left is killed (0: at once).
struct StopRequest {
    std::chrono::milliseconds timeout{10000};
};
// Answered when the container has stopped (the reply carries its exit).
struct WaitRequest {};
struct KillRequest {
    int signal = 0;
};
// A new client of console `tty`: the reply carries its socket.
struct ConsoleRequest {
    int tty = 0;
};
struct ResizeRequest {
    int tty = 0;
    unsigned short rows = 24;
    unsigned short cols = 80;
};
// The init's pidfd: the reply carries it.
struct PidfdRequest {};
// Write the state file again from what the monitor knows (a reader found it
// damaged); the reply says whether the write succeeded.
struct RecordRequest {};

using MonitorRequest =
    std::variant<StopRequest, WaitRequest, KillRequest, ConsoleRequest, ResizeRequest, PidfdRequest, RecordRequest>;

// The monitor's answer to a request: done, or why not.
struct MonitorAnswer {
    std::optional<Error> error;     // only code and message travel
    std::optional<ExitStatus> exit; // the answer to a wait, once the init has exited
};

// The monitor's first message, on the pipe its spawner reads.
struct StartReport {
    std::optional<Error> error; // why the start failed
    pid_t initPid = 0;          // when it did not
};

// The container's init child tells the monitor why its setup failed.
struct SetupFailure {
    Error error;
};

[[nodiscard]] std::string encodeMessage(const MonitorRequest& request);
[[nodiscard]] std::string encodeMessage(const MonitorAnswer& answer);
[[nodiscard]] std::string encodeMessage(const StartReport& report);
[[nodiscard]] std::string encodeMessage(const SetupFailure& failure);

// An unknown "op" is EINVAL, naming it; anything else malformed is EPROTO.
[[nodiscard]] Result<MonitorRequest> decodeRequest(std::string_view text);
[[nodiscard]] Result<MonitorAnswer> decodeAnswer(std::string_view text);
[[nodiscard]] Result<StartReport> decodeStartReport(std::string_view text);
[[nodiscard]] Result<SetupFailure> decodeSetupFailure(std::string_view text);

} // namespace berth::runtime
