// Everything the monitor decides before it clones the container's init.
#pragma once

#include "image/overlay_layout.h"
#include "runtime/auto_mounts.h"
#include "runtime/container_network.h"
#include "runtime/dev_setup.h"
#include "runtime/mount_entries.h"
#include "runtime/shared_folders.h"
#include "security/capabilities.h"
#include "security/seccomp_filter.h"

#include "berth/model/id_map.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace berth::runtime {

// Where berth-init appears inside application containers: /dev is the
// container's own tmpfs, so nothing is added to the rootfs.
inline constexpr const char* kInitPathInContainer = "/dev/.berth/berth-init";

// The IDs the init runs as, inside the container (lxc.init.uid/gid/groups).
struct InitIds {
    std::uint32_t uid = 0;
    std::uint32_t gid = 0;
    std::vector<std::uint32_t> groups; // supplementary
};

struct LaunchPlan {
    std::filesystem::path rootfs;
    // lxc.idmap: the container's own user namespace; empty for a privileged
    // container, whose root is the host's root.
    model::IdMap idMap;
    // The rootfs is already owned by the container's IDs on disk (a file
    // system without idmapped mounts): bound as it is, not idmapped.
    bool rootfsShifted = false;
    InitIds initIds;
    std::optional<image::OverlayLayout> overlay; // a snapshot: mounted on rootfs inside the container
    // The root mount is read-only in the container (see read_only_root.h);
    // the files Berth writes into the rootfs (/etc/hosts...) are left as they are.
    bool readOnlyRoot = false;
    std::string hostname;
    AutoMountPlan autoMounts;
    std::vector<CgroupMountSpec> cgroupTrees;
    std::vector<MountRequest> mounts;
    std::vector<SharedMount> shares; // berth.share: trees the monitor made, attached after the mounts
    DevSetup dev;
    std::filesystem::path initBinary; // host's berth-init; empty for system containers
    std::vector<std::string> argv;    // what runs as PID 1, as seen inside
    std::vector<std::string> env;     // KEY=VALUE
    std::string cwd = "/";
    bool noNewPrivs = true;
    NetworkPlan network;
    security::CapabilityPlan capabilities;
    // Compiled by the monitor while the child sets up its mounts (on the
    // other core) and sent to it before exec; see launcher.h.
    ContainerKind seccompKind = ContainerKind::System;

    [[nodiscard]] bool ownUserNamespace() const { return !idMap.empty(); }
    // The rootfs reaches the container as a mount the monitor made (idmapped
    // tree, or a snapshot's overlay of idmapped lowers), not as a bind.
    [[nodiscard]] bool rootfsFromMonitor() const { return ownUserNamespace() && !rootfsShifted; }
};

} // namespace berth::runtime
