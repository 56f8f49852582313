// Which bus the helper lives on: the system bus, unless BERTH_BUS_ADDRESS
// (or DBUS_SYSTEM_BUS_ADDRESS, as libdbus reads it) names another, which is
// how tests reach a private bus.
#pragma once

#include <QDBusConnection>
#include <QString>

namespace berth::client {

inline constexpr const char* kServiceName = "org.berth.Berth1";
inline constexpr const char* kObjectPath = "/org/berth/Berth1";

// The address from the environment; empty means "the system bus".
[[nodiscard]] QString busAddressFromEnvironment();
// A connection to that bus (shared per address within the process).
[[nodiscard]] QDBusConnection helperBus();
// Closes the connection helperBus() opened to an address from the
// environment (libdbus aborts a process that drops one unclosed).
void closeHelperBus();

} // namespace berth::client
