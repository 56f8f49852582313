// Why a request needs org.berth.host.bind-mount, in words a refusal can
// show: where the request says it (a config line, an argument), what it
// does, and why that reaches the host. No Qt, no engine: every area that
// asks for the host action (config, creation, network, exec) adds its own.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace berth::helper {

struct HostReason {
    std::string where; // "config:3", "network 'br0'"; empty when nothing more precise names it
    std::string rule;  // what the request does: "lxc.mount.entry mounts 'proc'"
    std::string why;   // why that reaches the host: "a kernel filesystem that reaches the host"

    // "config:3: lxc.mount.entry mounts 'proc' (a kernel filesystem that reaches the host)"
    [[nodiscard]] std::string sentence() const;
};

using HostReasons = std::vector<HostReason>;

// The refusal of `action` for these reasons: "not authorized: config:3:
// lxc.mount.entry mounts 'proc' (...); ... — needs an administrator
// (org.berth.host.bind-mount)". Without reasons: "not authorized for ACTION".
[[nodiscard]] std::string refusalText(std::string_view action, const HostReasons& reasons);

} // namespace berth::helper
