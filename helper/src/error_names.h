// The stable D-Bus error names clients may rely on.
#pragma once

#include "berth/error.h"
#include "berth/model/error_names.h"

#include <string_view>

namespace berth::helper {

inline constexpr std::string_view kErrorInvalidArgument = model::dbusErrorName(model::ErrorKind::InvalidArgument);
inline constexpr std::string_view kErrorNotAuthorized = model::dbusErrorName(model::ErrorKind::NotAuthorized);
inline constexpr std::string_view kErrorNotFound = model::dbusErrorName(model::ErrorKind::NotFound);
inline constexpr std::string_view kErrorAlreadyExists = model::dbusErrorName(model::ErrorKind::AlreadyExists);
inline constexpr std::string_view kErrorBusy = model::dbusErrorName(model::ErrorKind::Busy);
inline constexpr std::string_view kErrorFailed = model::dbusErrorName(model::ErrorKind::Failed);
// exec's command could not be executed (Error::commandNotRun): missing
// (ENOENT, ENOTDIR), or there but not runnable. berthctl exits 127 and 126
// for them, as berth-init does for an application container's command.
inline constexpr std::string_view kErrorCommandNotFound = model::dbusErrorName(model::ErrorKind::CommandNotFound);
inline constexpr std::string_view kErrorCommandNotRunnable = model::dbusErrorName(model::ErrorKind::CommandNotRunnable);
// Error::changedSinceRead: a config changed since the caller read it.
inline constexpr std::string_view kErrorChanged = model::dbusErrorName(model::ErrorKind::Changed);

// The name for an engine or validation error. EPERM/EACCES from the
// engine are the kernel refusing something, not the caller: Failed.
// NotFound is only a container the caller named that does not exist
// (Error::noSuchContainer); any other ENOENT (no cgroup hierarchy, a
// missing program or file) is Failed. NotAuthorized comes only from the
// authorization step.
[[nodiscard]] std::string_view errorNameFor(const Error& error);
// An image lookup's error (GetImage, RemoveImage, issue #21): the engine's
// ENOENT is "no image 'x'", NotFound; the rest as errorNameFor.
[[nodiscard]] std::string_view imageErrorNameFor(const Error& error);

} // namespace berth::helper
