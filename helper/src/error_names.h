// The stable D-Bus error names clients may rely on.
#pragma once

#include "berth/error.h"

#include <string_view>

namespace berth::helper {

inline constexpr std::string_view kErrorInvalidArgument = "org.berth.Error.InvalidArgument";
inline constexpr std::string_view kErrorNotAuthorized = "org.berth.Error.NotAuthorized";
inline constexpr std::string_view kErrorNotFound = "org.berth.Error.NotFound";
inline constexpr std::string_view kErrorAlreadyExists = "org.berth.Error.AlreadyExists";
inline constexpr std::string_view kErrorBusy = "org.berth.Error.Busy";
inline constexpr std::string_view kErrorFailed = "org.berth.Error.Failed";
// exec's command could not be executed (Error::commandNotRun): missing
// (ENOENT, ENOTDIR), or there but not runnable. berthctl exits 127 and 126
// for them, as berth-init does for an application container's command.
inline constexpr std::string_view kErrorCommandNotFound = "org.berth.Error.CommandNotFound";
inline constexpr std::string_view kErrorCommandNotRunnable = "org.berth.Error.CommandNotRunnable";

// The name for an engine or validation error. EPERM/EACCES from the
// engine are the kernel refusing something, not the caller: Failed.
// NotFound is only a container the caller named that does not exist
// (Error::noSuchContainer); any other ENOENT (no cgroup hierarchy, a
// missing program or file) is Failed. NotAuthorized comes only from the
// authorization step.
[[nodiscard]] std::string_view errorNameFor(const Error& error);

} // namespace berth::helper
