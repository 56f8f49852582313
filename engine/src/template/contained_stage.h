// Running the target's own programs (debootstrap's second stage: dpkg and
// the maintainer scripts) without host root.
//
// The program runs in a user namespace that maps 0..65535 inside onto
// kStageIdBase.. on the host, plus its own mount, pid, ipc, uts and network
// (loopback only) namespaces, pivot_root'ed into the target, with
// no_new_privs and the system containers' seccomp filter. The target is
// seen through an idmapped mount (mount_setattr MOUNT_ATTR_IDMAP with that
// user namespace): inside, the files the first stage extracted belong to
// their real owners (root is 0), and what the stage writes lands on disk as
// 0..65535, exactly as a stage run as host root would leave it. So no
// ownership shift is needed before or after, and nothing of the target
// ever runs as a host ID below kStageIdBase. /dev is a tmpfs with the
// host's null, zero, full, random and urandom bound in; the target's
// own device nodes are never opened (the tree is mounted nodev, nosuid).
#pragma once

#include "berth/error.h"
#include "berth/templates.h"

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <sys/types.h>

namespace berth::templates {

// The host IDs the stage runs as: a block of 65536 that no account uses.
// Below 2^31 (tools that store IDs as signed ints stay right), above the
// ranges useradd gives out for /etc/subuid (100000 + 65536 n) and
// systemd-nspawn's dynamic blocks (up to 0x6FFFFFFF), below systemd's
// foreign-ID block (0x7FFE0000) and nobody (65534) / -1. Files are never
// owned by these IDs: the idmapped mount stores 0..65535.
inline constexpr uid_t kStageIdBase = 0x7FFC0000;
inline constexpr uid_t kStageIdCount = 65536;

// The names of the accounts and groups in passwd or group text (one entry
// a line, the ID third) whose ID lies in the stage's block: such a host
// account could signal or trace the stage's processes (same host ID), so
// runContained refuses to start while one exists.
[[nodiscard]] std::vector<std::string> accountsInStageBlock(std::string_view passwd, std::string_view group);

struct ContainedRunOptions {
    std::chrono::milliseconds silenceLimit = std::chrono::minutes(10);
    std::string hostname = "debootstrap";
};

// Runs argv (argv[0] absolute, inside `root`) as described above, its
// output handed to `onLine` as runLogged does; the wait status, or
// ECANCELED. An error naming the step when the kernel refuses one (a file
// system without idmapped mounts says so).
[[nodiscard]] Result<int> runContained(const std::filesystem::path& root, const std::vector<std::string>& argv,
                                       const Progress& progress, const std::function<void(std::string_view)>& onLine,
                                       const ContainedRunOptions& options = {});

} // namespace berth::templates
