// Which bus the helper lives on: the system bus, unless BERTH_BUS_ADDRESS
// (or DBUS_SYSTEM_BUS_ADDRESS, as libdbus reads it) names another, which is
// how tests reach a private bus.
#pragma once

#include "berth/model/bus_names.h"

#include <QDBusConnection>
#include <QString>

namespace berth::client {

inline constexpr const char* kServiceName = model::kServiceName;
inline constexpr const char* kObjectPath = model::kObjectPath;

// The address from the environment; empty means "the system bus".
[[nodiscard]] QString busAddressFromEnvironment();
// A connection to that bus (shared per address within the process).
[[nodiscard]] QDBusConnection helperBus();
// Closes the connection helperBus() opened to an address from the
// environment (libdbus aborts a process that drops one unclosed).
void closeHelperBus();

} // namespace berth::client
