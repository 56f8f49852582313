// The typed, validated view of a container's config: what the runtime
// needs to start it. Keys Berth does not use yet stay in the Config and
// are ignored here, except those of confinement it does not apply, which
// are refused or warned about (spec_unapplied.cpp); a known key with an
// invalid value is an error naming the key and its line.
#pragma once

#include "berth/config.h"
#include "berth/container_kind.h"
#include "berth/error.h"
#include "berth/limits.h"
#include "berth/model/id_map.h"
#include "berth/model/shared_folder.h"
#include "cgroup/device_rules.h"
#include "image/overlay_layout.h"
#include "net/net_spec.h"

#include <csignal>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace berth {

// One lxc.mount.entry, in fstab format.
struct MountEntry {
    enum class Create { None, Dir, File };

    std::string source;
    std::filesystem::path target; // relative to the rootfs, normalized, never climbs out
    std::string fstype;
    unsigned long flags = 0;       // MS_* for mount(2)
    unsigned long propagation = 0; // MS_PRIVATE/SLAVE/SHARED/UNBINDABLE (| MS_REC): needs its own mount(2)
    std::string data;              // options the filesystem itself parses, comma-separated
    bool optional = false;         // a failure to mount is not an error
    bool relativeSource = false;   // LXC's "relative": source is inside the rootfs
    Create create = Create::None;  // create the target first
    int dump = 0;
    int pass = 0;
    std::string where; // "config:7", for runtime errors
};

// lxc.mount.auto
struct MountAuto {
    enum class Proc { None, Mixed, ReadWrite };
    enum class Sys { None, ReadOnly, Mixed, ReadWrite };
    // Default: LXC's bare "cgroup" (mixed without CAP_SYS_ADMIN, else rw).
    enum class Cgroup { None, Default, Mixed, ReadOnly, ReadWrite };

    Proc proc = Proc::Mixed;
    Sys sys = Sys::ReadOnly;
    Cgroup cgroup = Cgroup::None;
    bool cgroupFull = false;  // the whole hierarchy, not only the container's cgroup
    bool cgroupForce = false; // mount even when the init would do it itself
};

struct ContainerSpec {
    std::string hostname;                        // lxc.uts.name; empty: the caller picks
    std::filesystem::path rootfs;                // lxc.rootfs.path, absolute (overlay: the merged view)
    std::optional<image::OverlayLayout> overlay; // lxc.rootfs.path = overlay:LOWER:UPPER
    ContainerKind kind = ContainerKind::System;
    // lxc.idmap: the container's user namespace. Empty: a privileged
    // container, whose root is the host's root (berth.privileged = 1).
    model::IdMap idMap;
    // berth.rootfs.shifted = 1: the rootfs on disk is already owned by the
    // map's host IDs (a file system without idmapped mounts), so it is
    // bound as it is rather than through an idmapped mount.
    bool rootfsShifted = false;
    std::vector<std::string> command;      // argv of the init or of the application
    std::filesystem::path cwd = "/";       // lxc.init.cwd
    std::uint32_t initUid = 0;             // lxc.init.uid, inside the container
    std::uint32_t initGid = 0;             // lxc.init.gid
    std::vector<std::uint32_t> initGroups; // lxc.init.groups: supplementary groups of the init
    std::vector<std::string> environment;  // KEY=VALUE
    std::vector<MountEntry> mounts;        // lxc.mount.entry, in order
    // berth.share: host folders of their owners, idmapped onto their targets.
    std::vector<model::SharedFolder> shares;
    MountAuto mountAuto;
    std::vector<int> capDrop;                // lxc.cap.drop, capability numbers
    std::optional<std::vector<int>> capKeep; // lxc.cap.keep; empty: keep nothing ("none")
    // lxc.console.buffer.size: the recent output replayed to who attaches.
    std::uint64_t consoleBufferSize = 128 * 1024;
    // lxc.console.size: the console log's cap. LXC has none by default;
    // Berth's keeps a console's recent output (several boots of a system
    // container) while a chatty one never fills the disk.
    std::uint64_t consoleLogSize = 4 * 1024 * 1024;
    // lxc.console.rotate: at the cap the log becomes <log>.1 (LXC's 1) or
    // starts over (0). Berth's default is 1, so the last `consoleLogSize`
    // bytes are always kept, not whatever came after the last truncation.
    bool consoleLogRotate = true;
    std::optional<std::filesystem::path> consoleLogfile;
    bool startAuto = false; // lxc.start.auto
    // berth.remove_when_stopped = 1 (berthctl run --rm, docker's AutoRemove):
    // the helper destroys it once it has stopped after a run.
    bool removeWhenStopped = false;
    // lxc.start.order: as LXC 2.0 and later, lower values start first and
    // equal values go by name; stopping goes the other way round.
    int startOrder = 0;
    unsigned startDelay = 0; // lxc.start.delay: seconds to wait before starting the next one
    int haltSignal = SIGPWR;
    bool haltSignalConfigured = false; // lets the runtime pick SIGRTMIN+3 for systemd
    int stopSignal = SIGKILL;
    unsigned ttyMax = 0;
    unsigned ptyMax = 0;    // 0: no limit
    bool noNewPrivs = true; // default off for system containers
    Limits limits;          // lxc.cgroup2.* and lxc.cgroup.*
    // The device allowlist: the default one, changed by
    // lxc.cgroup{,2}.devices.allow/deny (cgroup/device_config.h).
    std::vector<cgroup::DeviceRule> devices{cgroup::defaultDeviceAllowlist().begin(),
                                            cgroup::defaultDeviceAllowlist().end()};
    std::vector<net::NetInterfaceSpec> network; // lxc.net.N.*
    std::vector<net::PortForward> forwards;     // berth.net.forward
    // Confinement the config asks for that Berth does not apply
    // (lxc.apparmor.*, lxc.seccomp.*, ...): "config:4: key = 'value': why".
    std::vector<std::string> warnings;

    [[nodiscard]] bool privileged() const { return idMap.empty(); }

    [[nodiscard]] static Result<ContainerSpec> fromConfig(const Config& config);
};

} // namespace berth
