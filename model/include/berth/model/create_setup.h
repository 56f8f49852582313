// The keys of CreateContainer's setup dictionary (a{sv}), spelled once for
// the client that writes it and the helper that reads it.
#pragma once

#include <string_view>

namespace berth::model::create_setup_keys {

inline constexpr std::string_view kNetwork = "network";                     // s: eth0's bridge
inline constexpr std::string_view kAddress = "address";                     // s: "10.0.3.20" or "10.0.3.20/24"
inline constexpr std::string_view kForwards = "forwards";                   // as: "tcp:8080:80"
inline constexpr std::string_view kLimits = "limits";                       // a{ss}: SetLimits' keys
inline constexpr std::string_view kAutostart = "autostart";                 // b: lxc.start.auto
inline constexpr std::string_view kEnvironment = "environment";             // as: "KEY=VALUE"
inline constexpr std::string_view kRemoveWhenStopped = "removeWhenStopped"; // b
inline constexpr std::string_view kConfig = "config";                       // a{ss}: more config lines
// An image container (template "image", issue #21).
inline constexpr std::string_view kCredentials = "credentials"; // a(sss): registry, username, secret
inline constexpr std::string_view kEntrypoint = "entrypoint";   // as: replaces the image's, drops its Cmd
inline constexpr std::string_view kWorkingDir = "workingDir";   // s: absolute
inline constexpr std::string_view kUser = "user";               // s: "name", "uid", "uid:gid"

} // namespace berth::model::create_setup_keys
