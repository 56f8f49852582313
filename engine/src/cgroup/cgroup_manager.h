// Who hands a container its cgroup, decided once per run, as crun's cgroup
// managers are (cgroup-internal.h): Berth itself under its own parent
// (cgroupfs), or systemd, which delegates a scope to each container on a
// host where it is init. The monitor asks the manager; it never asks which
// one it has.
#pragma once

#include "berth/error.h"
#include "cgroup/layout.h"
#include "cgroup/machine_registration.h"

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include <sys/types.h>

namespace berth::cgroup {

enum class ManagerKind { Cgroupfs, SystemdScope };

// systemd's scope only where systemd is init (below `root`) and the parent
// is Berth's default one (`defaultParent`, kDefaultCgroupParent; also when
// empty); an administrator's own parent is Berth's to make.
[[nodiscard]] ManagerKind managerKindFor(const std::filesystem::path& root, std::string_view cgroupParent,
                                         std::string_view defaultParent);

class CgroupManager {
public:
    virtual ~CgroupManager() = default;

    [[nodiscard]] virtual ManagerKind kind() const = 0;
    // The parent of the container's cgroup, ready for it; called once, by
    // the container's monitor (`monitor`: its pid), before the cgroup is made.
    [[nodiscard]] virtual Result<std::string> prepareParent(const Layout& layout, std::string_view container,
                                                            pid_t monitor) = 0;
    // Once the init has exec'd: tells the host's machine registry about the
    // container (machined, with systemd). An error is a warning: the
    // container runs either way.
    [[nodiscard]] virtual Status announce(const MachineRegistration& machine) = 0;
    // Once the container's cgroup is gone: what prepareParent made that
    // nobody else removes.
    [[nodiscard]] virtual Status release() = 0;
};

// The manager of `kind` (managerKindFor); `cgroupParent` is cgroupfs's.
[[nodiscard]] std::unique_ptr<CgroupManager> makeCgroupManager(ManagerKind kind, std::string cgroupParent);

} // namespace berth::cgroup
