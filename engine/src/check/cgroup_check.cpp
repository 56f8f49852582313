#include "check/cgroup_methods.h"
#include "check/check_groups.h"
#include "fs/host_files.h"

#include "check/kernel_modules.h"

#include "cgroup/device_bpf.h"
#include "cgroup/layout.h"
#include "cgroup/limit_writes.h"

#include <algorithm>
#include <array>
#include <system_error>

namespace berth::check {

namespace stdfs = std::filesystem;
using cgroup::Hierarchy;
using cgroup::Layout;
using cgroup::Mode;

namespace {

struct ControllerSpec {
    std::string_view id;
    std::string_view v1;     // controller name in a v1 hierarchy
    std::string_view v2;     // name in cgroup.controllers; empty: built into cgroup2
    std::string_view v2Note; // how cgroup2 provides it
};

constexpr std::array kControllers{
    ControllerSpec{"cgroup.cpu", "cpu", "cpu", ""},
    ControllerSpec{"cgroup.cpuacct", "cpuacct", "cpu", "part of the cpu controller"},
    ControllerSpec{"cgroup.cpuset", "cpuset", "cpuset", ""},
    ControllerSpec{"cgroup.memory", "memory", "memory", ""},
    ControllerSpec{"cgroup.pids", "pids", "pids", ""},
    ControllerSpec{"cgroup.io", "blkio", "io", ""},
    ControllerSpec{"cgroup.freezer", "freezer", "", "built in (cgroup.freeze)"},
    ControllerSpec{"cgroup.devices", "devices", "", "BPF device programs"},
};

const Hierarchy* legacyWith(const Layout& layout, std::string_view controller)
{
    const auto it = std::find_if(layout.legacy.begin(), layout.legacy.end(),
                                 [controller](const Hierarchy& h) { return h.has(controller); });
    return it == layout.legacy.end() ? nullptr : &*it;
}

std::string modeDetail(const stdfs::path& root, const Layout& layout)
{
    const std::string mode = cgroup::modeName(layout.mode);
    const std::string unified = layout.unified ? displayPath(root, layout.unified->mountPoint) : "(not mounted)";
    switch (layout.mode) {
    case Mode::Unified:
        return mode + ": cgroup2 at " + unified;
    case Mode::Hybrid:
        return mode + ": v1 controllers, cgroup2 at " + unified;
    case Mode::Legacy:
        return mode + ": v1 controllers only";
    }
    return mode;
}

// Hybrid hosts use the v1 hierarchies for limits, so a controller offered
// only by their cgroup2 mount is there but not usable by Berth.
CheckItem unifiedController(const stdfs::path& root, const Layout& layout, const ControllerSpec& spec)
{
    const std::string where = displayPath(root, layout.unified->mountPoint);
    const bool offered = spec.v2.empty() || layout.unified->has(spec.v2);
    if (!offered)
        return makeItem(spec.id, CheckStatus::Missing, "not in " + where + "/cgroup.controllers");
    std::string detail = where + " (cgroup2" + (spec.v2Note.empty() ? "" : ", " + std::string(spec.v2Note)) + ")";
    if (layout.mode == Mode::Unified)
        return makeItem(spec.id, CheckStatus::Ok, std::move(detail));
    return makeItem(spec.id, CheckStatus::Limited,
                    "only on " + detail + ", which holds no limits on a " + cgroup::modeName(layout.mode) + " host");
}

// cgroup2 has no devices controller: a container's devices are filtered by
// a BPF_CGROUP_DEVICE program, which needs CONFIG_CGROUP_BPF. Without one a
// container would reach every host device, so it does not start
// (ContainerCgroup::restrictDevices gives the same reason).
CheckItem unifiedDevices(const stdfs::path& root, const Hierarchy& unified, const ControllerSpec& spec,
                         bool probeKernel)
{
    const std::string where = displayPath(root, unified.mountPoint) + " (cgroup2, " + std::string(spec.v2Note);
    const std::string refusal = ": containers cannot start";
    if (probeKernel) {
        Status loaded = cgroup::deviceProgramsSupported();
        if (loaded)
            return makeItem(spec.id, CheckStatus::Ok, where + ": a test program loaded)");
        return makeItem(spec.id, CheckStatus::Missing, loaded.error().describe() + refusal);
    }
    if (std::optional<std::string> config = findKernelConfig(root, "CGROUP_BPF"))
        return makeItem(spec.id, CheckStatus::Ok, where + ": " + *config + ")");
    return makeItem(spec.id, CheckStatus::Missing,
                    "no CONFIG_CGROUP_BPF=y in the kernel config, so no BPF device programs" + refusal);
}

// Per file: throttling works with the controller alone, a weight needs its
// file (blkio.weight, io.weight), which the start would fail to write.
CheckItem withIoWeight(const Layout& layout, CheckItem item)
{
    if (item.status != CheckStatus::Ok || cgroup::hasIoWeight(layout))
        return item;
    item.status = CheckStatus::Limited;
    item.detail += "; " + cgroup::ioWeightMissing(layout.mode) + ", bandwidth limits work";
    return item;
}

CheckItem controllerFound(const stdfs::path& root, const Layout& layout, const ControllerSpec& spec, bool probeKernel)
{
    if (const Hierarchy* h = legacyWith(layout, spec.v1))
        return makeItem(spec.id, CheckStatus::Ok, displayPath(root, h->mountPoint));
    if (layout.unified && layout.mode == Mode::Unified && spec.id == "cgroup.devices")
        return unifiedDevices(root, *layout.unified, spec, probeKernel);
    if (layout.unified)
        return unifiedController(root, layout, spec);
    return makeItem(spec.id, CheckStatus::Missing, "no hierarchy has the " + std::string(spec.v1) + " controller");
}

CheckItem controllerItem(const stdfs::path& root, const Layout& layout, const ControllerSpec& spec, bool probeKernel)
{
    CheckItem item = controllerFound(root, layout, spec, probeKernel);
    return spec.id == "cgroup.io" ? withIoWeight(layout, std::move(item)) : item;
}

// v1: the memsw files appear only with swap accounting on (swapaccount=1).
CheckItem legacySwap(const stdfs::path& root, const Layout& layout)
{
    const Hierarchy* memory = legacyWith(layout, "memory");
    if (!memory)
        return makeItem("cgroup.swap", CheckStatus::Missing, "no memory controller");
    const stdfs::path file = memory->mountPoint / "memory.memsw.limit_in_bytes";
    std::error_code ec;
    if (stdfs::exists(file, ec))
        return makeItem("cgroup.swap", CheckStatus::Ok, displayPath(root, file));
    return makeItem("cgroup.swap", CheckStatus::Limited,
                    "no memory.memsw.* files: swap accounting is off (boot with swapaccount=1)");
}

// v2: the root cgroup has no memory.swap.max, so look at its children.
CheckItem unifiedSwap(const stdfs::path& root, const Hierarchy& unified)
{
    if (!unified.has("memory"))
        return makeItem("cgroup.swap", CheckStatus::Missing, "no memory controller");
    bool memoryChild = false;
    std::error_code ec;
    for (const stdfs::directory_entry& entry : stdfs::directory_iterator(unified.mountPoint, ec)) {
        if (!entry.is_directory(ec))
            continue;
        if (stdfs::exists(entry.path() / "memory.swap.max", ec))
            return makeItem("cgroup.swap", CheckStatus::Ok, displayPath(root, entry.path() / "memory.swap.max"));
        memoryChild = memoryChild || stdfs::exists(entry.path() / "memory.max", ec);
    }
    return makeItem("cgroup.swap", CheckStatus::Limited,
                    memoryChild ? "no memory.swap.max: swap accounting is off (boot with swapaccount=1)"
                                : "cannot tell: no child cgroup has the memory controller enabled");
}

CheckGroup failedGroup(const Error& error)
{
    CheckGroup group = makeGroup("cgroup");
    group.items.push_back(makeItem("cgroup.mode", CheckStatus::Missing, error.describe()));
    for (const ControllerSpec& spec : kControllers)
        group.items.push_back(makeItem(spec.id, CheckStatus::Missing, "no cgroup hierarchy found"));
    for (const char* id : {"cgroup.swap", "cgroup.device_control", "cgroup.delegation"})
        group.items.push_back(makeItem(id, CheckStatus::Missing, "no cgroup hierarchy found"));
    return group;
}

} // namespace

CheckGroup checkCgroups(const stdfs::path& root, bool probeKernel, std::string_view cgroupParent)
{
    Result<Layout> layout = cgroup::detectLayout(underRoot(root, "proc/self/mountinfo"), root);
    if (!layout)
        return failedGroup(layout.error());
    CheckGroup group = makeGroup("cgroup");
    group.items.push_back(makeItem("cgroup.mode", CheckStatus::Ok, modeDetail(root, *layout)));
    for (const ControllerSpec& spec : kControllers)
        group.items.push_back(controllerItem(root, *layout, spec, probeKernel));
    const bool unified = layout->mode == Mode::Unified && layout->unified;
    group.items.push_back(unified ? unifiedSwap(root, *layout->unified) : legacySwap(root, *layout));
    const auto devices = std::ranges::find(group.items, std::string_view("cgroup.devices"), &CheckItem::id);
    group.items.push_back(deviceControlItem(*layout, *devices));
    group.items.push_back(delegationItem(root, *layout, cgroupParent));
    return group;
}

} // namespace berth::check
