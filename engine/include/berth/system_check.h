// What the host offers containers: the engine part of lxc-checkconfig.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace berth {

// Limited: present, with a restriction worth telling (swap accounting off,
// user namespaces capped at 0, a dynamically linked busybox, ...).
enum class CheckStatus { Ok, Missing, Limited };

struct CheckItem {
    std::string id;    // stable: "ns.pid", "cgroup.memory", "net.veth", ...
    std::string title; // "PID namespace"
    CheckStatus status = CheckStatus::Missing;
    std::string detail;      // what was found: "/sys/fs/cgroup/memory", "max 63431"
    std::string explanation; // one plain sentence for people
};

struct CheckGroup {
    std::string title; // "Namespaces", "Control groups", ...
    std::vector<CheckItem> items;
};

struct SystemCheckOptions {
    // Every /proc, /sys and PATH lookup happens below this directory, so
    // tests can point it at a fixture tree.
    std::filesystem::path root = "/";
    // Create one link of each kind in a throwaway network namespace (needs
    // root). Without it, network support is judged from the kernel modules.
    bool probeKernel = true;
    // The cgroup parent the containers get (EngineSettings::cgroupParent);
    // empty: the default, for which systemd as init is asked for a scope.
    std::string cgroupParent;
};

// Never fails as a whole: whatever cannot be read shows up as an item that
// is Missing with the reason in its detail.
[[nodiscard]] std::vector<CheckGroup> runSystemCheck(const SystemCheckOptions& options = {});

[[nodiscard]] const char* checkStatusName(CheckStatus status);

} // namespace berth
