// Where the helper is on D-Bus, as every client names it (helper/dbus/).
#pragma once

namespace berth::model {

inline constexpr const char* kServiceName = "org.berth.Berth1";
inline constexpr const char* kObjectPath = "/org/berth/Berth1";
inline constexpr const char* kManagerInterface = "org.berth.Manager1";
inline constexpr const char* kJobInterface = "org.berth.Job1";
// The members that berthctl's quick path (cli/quick/, no Qt) calls and
// hears, as helper/dbus/*.xml names them (tests/unit/cli/test_quick_line.cpp
// checks they are there); Qt code uses the proxies generated from the XML.
namespace member {
inline constexpr const char* kStart = "Start";
inline constexpr const char* kStop = "Stop";
inline constexpr const char* kExecWithFds = "ExecWithFds";
inline constexpr const char* kWaitExec = "WaitExec";
inline constexpr const char* kJobLogLine = "LogLine";
inline constexpr const char* kJobFinished = "Finished";
} // namespace member

// The bus the helper is on when it is not the system bus (tests' private
// buses); DBUS_SYSTEM_BUS_ADDRESS, as libdbus and sd-bus read it, next.
inline constexpr const char* kBusAddressVariable = "BERTH_BUS_ADDRESS";

} // namespace berth::model
