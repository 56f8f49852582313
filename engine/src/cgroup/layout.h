// Which cgroup hierarchies a host has mounted, read from mountinfo.
#pragma once

#include "berth/error.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace berth::cgroup {

// Unified: cgroup2 only. Legacy: v1 controllers, no cgroup2.
// Hybrid: v1 controllers plus a cgroup2 mount used for placement only.
enum class Mode { Unified, Legacy, Hybrid };

struct Hierarchy {
    std::filesystem::path mountPoint;
    // v1: controllers bound to the hierarchy (from the super options);
    // v2: controllers the root makes available (cgroup.controllers).
    std::vector<std::string> controllers;
    std::string name;     // v1 named hierarchy ("systemd" for name=systemd)
    bool unified = false; // cgroup2

    [[nodiscard]] bool has(std::string_view controller) const;
};

struct Layout {
    Mode mode = Mode::Unified;
    std::vector<Hierarchy> legacy;    // v1 hierarchies, mountinfo order
    std::optional<Hierarchy> unified; // the cgroup2 mount, if any

    // Every hierarchy a container is placed in: v1 ones first, then cgroup2.
    [[nodiscard]] std::vector<Hierarchy> placementHierarchies() const;
};

// Where a container's cgroup lives in one hierarchy.
struct Placement {
    Hierarchy hierarchy;
    std::filesystem::path dir;
};

[[nodiscard]] const char* modeName(Mode mode);

// Reads mountinfo; mount points are looked up below `root` (fixtures in
// tests, "/" on a host) to read the cgroup2 cgroup.controllers.
[[nodiscard]] Result<Layout> detectLayout(const std::filesystem::path& mountinfo = "/proc/self/mountinfo",
                                          const std::filesystem::path& root = "/");

} // namespace berth::cgroup
