// Where the helper is on D-Bus, as every client names it (helper/dbus/).
#pragma once

namespace berth::model {

inline constexpr const char* kServiceName = "org.berth.Berth1";
inline constexpr const char* kObjectPath = "/org/berth/Berth1";
inline constexpr const char* kManagerInterface = "org.berth.Manager1";
inline constexpr const char* kJobInterface = "org.berth.Job1";
// The bus the helper is on when it is not the system bus (tests' private
// buses); DBUS_SYSTEM_BUS_ADDRESS, as libdbus and sd-bus read it, next.
inline constexpr const char* kBusAddressVariable = "BERTH_BUS_ADDRESS";

} // namespace berth::model
