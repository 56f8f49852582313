#include "check/cgroup_methods.h"

#include "berth/engine.h"
#include "cgroup/cgroup_manager.h"
#include "cgroup/delegation.h"
#include "cgroup/systemd_scope.h"
#include "check/check_groups.h"
#include "fs/host_files.h"

#include <algorithm>

namespace berth::check {

namespace stdfs = std::filesystem;
using cgroup::Mode;

namespace {

// The files the root of an unprivileged container owns in its cgroup
// (cgroup/delegation.h): it places processes and makes sub-cgroups there.
std::string delegatedToRoot(const cgroup::Layout& layout)
{
    const bool unified = layout.mode == Mode::Unified;
    const cgroup::Hierarchy* hierarchy = unified                 ? &*layout.unified
                                         : layout.legacy.empty() ? nullptr
                                                                 : &layout.legacy.front();
    if (!hierarchy)
        return {};
    std::string files;
    for (const char* file : cgroup::delegatedFiles(*hierarchy))
        files += (files.empty() ? "" : ", ") + std::string(file);
    return "; an unprivileged container's root owns its cgroup's " + files +
           (unified ? " (cgroup v2)" : " (cgroup v1)");
}

std::string ownParent(const stdfs::path& root, const cgroup::Layout& layout, const std::string& parent)
{
    if (layout.mode == Mode::Unified)
        return "Berth's own parent " + displayPath(root, layout.unified->mountPoint / parent);
    const stdfs::path cgroupRoot =
        layout.legacy.empty() ? stdfs::path("/sys/fs/cgroup") : layout.legacy.front().mountPoint.parent_path();
    return "Berth's own parent " + displayPath(root, cgroupRoot / "*" / parent) + " in each v1 hierarchy";
}

} // namespace

CheckItem deviceControlItem(const cgroup::Layout& layout, const CheckItem& devices)
{
    const bool v1 = std::ranges::any_of(layout.legacy, [](const cgroup::Hierarchy& h) { return h.has("devices"); });
    if (v1 && devices.status == CheckStatus::Ok)
        return makeItem("cgroup.device_control", CheckStatus::Ok,
                        "devices controller (cgroup v1): devices.deny and devices.allow of each container's cgroup "
                        "under " +
                            devices.detail);
    if (layout.mode == Mode::Unified && layout.unified) {
        const std::string method = "BPF device program (cgroup v2, BPF_CGROUP_DEVICE) on each container's cgroup";
        if (devices.status == CheckStatus::Ok)
            return makeItem("cgroup.device_control", CheckStatus::Ok, method);
        return makeItem("cgroup.device_control", devices.status, "none: " + devices.detail);
    }
    return makeItem("cgroup.device_control", CheckStatus::Missing,
                    "none: no v1 hierarchy has the devices controller on this " +
                        std::string(cgroup::modeName(layout.mode)) + " host, so containers cannot start");
}

CheckItem delegationItem(const stdfs::path& root, const cgroup::Layout& layout, std::string_view cgroupParent)
{
    const std::string parent = cgroupParent.empty() ? std::string(kDefaultCgroupParent) : std::string(cgroupParent);
    const std::string toRoot = delegatedToRoot(layout);
    if (cgroup::managerKindFor(root, parent, kDefaultCgroupParent) == cgroup::ManagerKind::SystemdScope)
        return makeItem("cgroup.delegation", CheckStatus::Ok,
                        "systemd is init: a transient scope berth-NAME.scope with Delegate=yes in machine.slice for "
                        "each container, from systemd over D-Bus" +
                            toRoot);
    return makeItem("cgroup.delegation", CheckStatus::Ok, ownParent(root, layout, parent) + toRoot);
}

} // namespace berth::check
