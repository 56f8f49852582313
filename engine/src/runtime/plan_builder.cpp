#include "runtime/plan_builder.h"

#include "berth/model/container_name.h"
#include "cgroup/limit_writes.h"
#include "fs/safe_path.h"
#include "image/overlay_layout.h"
#include "runtime/container_environment.h"

#include <csignal>
#include <optional>

#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

namespace berth::runtime {

namespace fsys = std::filesystem;

namespace {

std::vector<std::string> capabilityNames(const std::vector<int>& caps)
{
    std::vector<std::string> names;
    for (int cap : caps)
        names.emplace_back(security::capabilityName(cap));
    return names;
}

AutoMountPlan autoMountPlanOf(const MountAuto& mountAuto)
{
    AutoMountPlan plan;
    plan.proc = static_cast<AutoMountPlan::Proc>(mountAuto.proc);
    plan.sys = static_cast<AutoMountPlan::Sys>(mountAuto.sys);
    switch (mountAuto.cgroup) {
    case MountAuto::Cgroup::None:
        plan.cgroup = AutoMountPlan::Cgroup::None;
        break;
    case MountAuto::Cgroup::ReadOnly:
        plan.cgroup = AutoMountPlan::Cgroup::ReadOnly;
        break;
    default:
        // With a cgroup namespace the tree's root is the container's own
        // cgroup, so "mixed" and "rw" expose the same thing.
        plan.cgroup = AutoMountPlan::Cgroup::ReadWrite;
        break;
    }
    return plan;
}

MountRequest mountRequestOf(const MountEntry& entry)
{
    MountRequest request;
    request.source = entry.source;
    request.sourceInRootfs = entry.relativeSource;
    request.propagation = entry.propagation;
    request.target = entry.target.string();
    request.fstype = entry.fstype;
    request.flags = entry.flags & ~static_cast<unsigned long>(MS_BIND | MS_REC);
    request.data = entry.data;
    request.bind = (entry.flags & MS_BIND) != 0;
    request.recursive = (entry.flags & MS_REC) != 0;
    request.optional = entry.optional;
    request.createDir = entry.create == MountEntry::Create::Dir;
    request.createFile = entry.create == MountEntry::Create::File;
    return request;
}

// Limits the host cannot apply fail the start before anything is made.
Status checkLimits(const Limits& limits)
{
    if (limits.empty())
        return {};
    if (auto valid = cgroup::validateLimitsOnHost(limits); !valid)
        return fail(valid.error().wrap("configured limits"));
    return {};
}

} // namespace

Result<Config> loadContainerConfig(const EngineSettings& settings, const std::string& name)
{
    ConfigParseOptions options;
    options.baseDir = settings.paths.containerDir(name);
    options.includeRoots = settings.includeRoots;
    return Config::load(settings.paths.configFile(name), options);
}

Result<ContainerSpec> loadContainerSpec(const EngineSettings& settings, const std::string& name)
{
    auto config = loadContainerConfig(settings, name);
    if (!config)
        return fail(config.error());
    auto spec = ContainerSpec::fromConfig(*config);
    if (!spec)
        return fail(spec.error());
    spec->hostname = model::containerHostname(name, spec->hostname);
    return spec;
}

fsys::path libexecPath(const EngineSettings& settings, std::string_view binary)
{
    const fsys::path dir = settings.libexecDir.empty() ? fsys::path(BERTH_LIBEXECDIR) : settings.libexecDir;
    return binary.empty() ? dir : dir / binary;
}

namespace {

// What the rootfs looks like before start: an overlay's merged view is
// only mounted in the container, so its checks look in its trees, top
// first (the upper one may shadow files; a whiteout hiding the init is
// found at start).
std::vector<std::filesystem::path> rootfsTreesForChecks(const ContainerSpec& spec)
{
    return spec.overlay ? image::overlayTrees(*spec.overlay) : std::vector<std::filesystem::path>{spec.rootfs};
}

// The first tree that has `program` (or the top one's error).
Result<UniqueFd> openInTrees(const ContainerSpec& spec, const std::string& program, int flags)
{
    std::optional<Error> first;
    for (const std::filesystem::path& tree : rootfsTreesForChecks(spec)) {
        UniqueFd rootFd(::open(tree.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
        if (!rootFd)
            continue;
        auto fd = fs::openInRoot(rootFd.get(), program, flags);
        if (fd)
            return fd;
        if (!first)
            first = fd.error();
    }
    return fail(first.value_or(Error::make(ENOENT, "'" + program + "' is in none of the rootfs's trees")));
}

Status checkInitInTrees(const ContainerSpec& spec, const std::string& program)
{
    // A bare name is looked up in PATH by the init at exec time.
    if (program.find('/') == std::string::npos)
        return {};
    auto fd = openInTrees(spec, program, O_PATH | O_CLOEXEC);
    // An image's symlink may point into another layer, which a lookup in
    // one tree cannot follow: the exec inside the merged view decides.
    if (!fd && spec.overlay && spec.overlay->lowers.size() > 1)
        return {};
    if (!fd)
        return fail(fd.error().wrap("init '" + program + "' is not in the rootfs"));
    struct stat st {};
    if (::fstat(fd->get(), &st) != 0 || !S_ISREG(st.st_mode) || !(st.st_mode & 0111))
        return failWith(EACCES, "init '" + program + "' is not an executable file in the rootfs");
    return {};
}

} // namespace

Status preflight(const ContainerSpec& spec, const std::vector<std::string>& commandOverride)
{
    // The bottom tree: a plain rootfs, or an overlay's bottom layer.
    const std::filesystem::path base = rootfsTreesForChecks(spec).back();
    UniqueFd rootFd(::open(base.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!rootFd)
        return failErrno(errno, "rootfs '" + base.string() + "' is not a directory");
    const std::vector<std::string>& command = commandOverride.empty() ? spec.command : commandOverride;
    if (command.empty())
        return failWith(EINVAL, "no command to run: set lxc.execute.cmd or lxc.init.cmd");
    if (auto init = checkInitInTrees(spec, command.front()); !init)
        return init;
    if (auto limits = checkLimits(spec.limits); !limits)
        return limits;
    for (const MountEntry& entry : spec.mounts) {
        // Only the escape check: a missing target may be created at start.
        auto target = fs::openBeneath(rootFd.get(), entry.target.string(), O_PATH | O_CLOEXEC);
        if (!target && target.error().code == EXDEV)
            return fail(target.error().wrap("lxc.mount.entry at " + entry.where));
    }
    return {};
}

int effectiveHaltSignal(const ContainerSpec& spec, const std::vector<std::string>& commandOverride)
{
    if (spec.haltSignalConfigured || spec.kind == ContainerKind::Application)
        return spec.haltSignal;
    const std::vector<std::string>& command = commandOverride.empty() ? spec.command : commandOverride;
    if (command.empty())
        return spec.haltSignal;
    // /sbin/init is usually a symlink to /lib/systemd/systemd: look at what it resolves to.
    auto init = openInTrees(spec, command.front(), O_PATH | O_CLOEXEC);
    if (!init)
        return spec.haltSignal;
    std::error_code ec;
    const fsys::path target = fsys::read_symlink("/proc/self/fd/" + std::to_string(init->get()), ec);
    return !ec && target.filename() == "systemd" ? SIGRTMIN + 3 : spec.haltSignal;
}

Result<LaunchPlan> buildLaunchPlan(const EngineSettings& settings, const ContainerSpec& spec,
                                   const std::vector<std::string>& commandOverride, const cgroup::Layout&)
{
    LaunchPlan plan;
    plan.rootfs = spec.rootfs;
    plan.idMap = spec.idMap;
    plan.rootfsShifted = spec.rootfsShifted;
    plan.overlay = spec.overlay;
    plan.hostname = spec.hostname;
    plan.autoMounts = autoMountPlanOf(spec.mountAuto);
    for (const MountEntry& entry : spec.mounts)
        plan.mounts.push_back(mountRequestOf(entry));
    plan.dev.ptyMax = spec.ptyMax;
    plan.dev.bindHostNodes = plan.ownUserNamespace();
    plan.cwd = spec.cwd.string();
    plan.initIds = {spec.initUid, spec.initGid, spec.initGroups};
    plan.noNewPrivs = spec.noNewPrivs;
    plan.env = containerEnvironment(spec.environment, {});

    const std::vector<std::string>& command = commandOverride.empty() ? spec.command : commandOverride;
    if (spec.kind == ContainerKind::Application) {
        plan.initBinary = libexecPath(settings, "berth-init");
        plan.argv = {kInitPathInContainer, "--"};
    }
    plan.argv.insert(plan.argv.end(), command.begin(), command.end());

    auto caps = security::planCapabilities(spec.kind, capabilityNames(spec.capDrop),
                                           capabilityNames(spec.capKeep.value_or(std::vector<int>{})),
                                           spec.capKeep.has_value());
    if (!caps)
        return fail(caps.error());
    plan.capabilities = *caps;
    plan.seccompKind = spec.kind;
    return plan;
}

} // namespace berth::runtime
