// The Overview's sentences, built from what a person asks of a container
// (is it running, how do I get in, what is it using, how is it reached,
// what is it allowed), in plain words with units — never a config key or
// a raw number of bytes. Pure functions, so tests read them in a table.
#pragma once

#include "berth/model/limits.h"
#include "client_types.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace berth::gui {

struct ContainerRow;

// How a run ended, from its shell-style status: "exited normally",
// "exited with code 3", "killed by SIGKILL (Force stop, or out of memory)",
// "stopped by SIGTERM".
[[nodiscard]] QString exitText(int status);
// "Running for 2 h 14 min", "Frozen: its processes are paused",
// "Stopped — last run ended with an error: exited with code 3",
// "Stopped — last run: stopped by SIGTERM". `now` in seconds since the epoch.
[[nodiscard]] QString statusText(const ContainerRow& row, qint64 now);
// The command that opens a shell in it from any terminal.
[[nodiscard]] QString execCommand(const client::ContainerInfo& info);
// "CPU 12.5 % of one core · memory 64 MiB of 256 MiB · 12 processes of at
// most 100"; empty while it does not run.
[[nodiscard]] QString usingText(const ContainerRow& row);
// Its limits in words, one a line: "Memory up to 256 MiB", "Memory: no
// limit", "CPU up to 1.5 cores", "At most 100 processes"… Memory, CPU and
// processes always; the others when set.
[[nodiscard]] QStringList allowedLines(const model::Limits& limits);
// "System container: boots its own init" / "Application container: runs
// one command"; "unknown" when its config does not parse.
[[nodiscard]] QString kindText(std::optional<model::ContainerKind> kind);
// Where it is reached now, one address a line with its interface
// ("10.0.3.12/24 on eth0"); while it has none, why: not running (with what
// is reserved for it), no network, or no address yet.
[[nodiscard]] QString addressesText(const client::ContainerInfo& info);
// A port forward "tcp:8080:80" as "host port 8080 → port 80 (TCP)"; a
// text that does not parse as received.
[[nodiscard]] QString forwardText(const QString& forward);

} // namespace berth::gui
