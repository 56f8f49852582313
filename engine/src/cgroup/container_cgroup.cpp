#include "cgroup/container_cgroup.h"

#include "cgroup/backend.h"
#include "cgroup/cgroup_file.h"
#include "cgroup/delegation.h"
#include "cgroup/tree.h"

#include <algorithm>
#include <cerrno>
#include <utility>

#include <ctime>

#include <sys/stat.h>
#include <unistd.h>

namespace berth::cgroup {

namespace fs = std::filesystem;

namespace {

// Directories made during create(), removed again (newest first) unless
// create() succeeds.
class CreatedDirs {
public:
    CreatedDirs() = default;
    CreatedDirs(const CreatedDirs&) = delete;
    CreatedDirs& operator=(const CreatedDirs&) = delete;
    ~CreatedDirs()
    {
        for (auto it = m_dirs.rbegin(); !m_kept && it != m_dirs.rend(); ++it)
            ::rmdir(it->c_str());
    }

    Status make(const fs::path& dir, bool mayExist)
    {
        if (::mkdir(dir.c_str(), 0755) == 0) {
            m_dirs.push_back(dir);
            return {};
        }
        if (errno == EEXIST && mayExist)
            return {};
        return failErrno(errno, "create cgroup " + dir.string());
    }

    void keep() { m_kept = true; }

private:
    std::vector<fs::path> m_dirs;
    bool m_kept = false;
};

// A cgroup left by a crashed run is reused only when nothing runs in it.
Status replaceStale(const fs::path& dir)
{
    std::error_code ec;
    if (!fs::exists(dir, ec))
        return {};
    Result<std::vector<pid_t>> pids = subtreePids(dir);
    if (!pids)
        return std::unexpected(std::move(pids.error()));
    if (!pids->empty())
        return failWith(EEXIST, "cgroup " + dir.string() + " exists and holds processes", dir.string());
    return removeSubtree(dir);
}

Result<Placement> placeIn(const Hierarchy& hierarchy, const Backend& backend, std::string_view parent,
                          std::string_view name, CreatedDirs& created)
{
    std::vector<fs::path> levels{hierarchy.mountPoint};
    for (const std::string& component : split(parent, "/")) {
        levels.push_back(levels.back() / component);
        if (Status made = created.make(levels.back(), true); !made)
            return std::unexpected(std::move(made.error()));
    }
    if (Status prepared = backend.prepareParent(hierarchy, levels); !prepared)
        return std::unexpected(std::move(prepared.error()));
    const fs::path dir = levels.back() / name;
    if (Status replaced = replaceStale(dir); !replaced)
        return std::unexpected(std::move(replaced.error()));
    if (Status made = created.make(dir, false); !made)
        return std::unexpected(std::move(made.error()));
    if (Status prepared = backend.prepareContainer(hierarchy, dir); !prepared)
        return std::unexpected(std::move(prepared.error()));
    return Placement{hierarchy, dir};
}

Status validateNames(std::string_view parent, std::string_view name)
{
    if (Status valid = validateCgroupPath(parent, false); !valid)
        return valid;
    return validateCgroupPath(name, true);
}

} // namespace

Status validateCgroupPath(std::string_view path, bool singleComponent)
{
    const std::vector<std::string> components = split(path, "/");
    const bool badComponent =
        std::any_of(components.begin(), components.end(), [](const std::string& c) { return c == "." || c == ".."; });
    const bool tooMany = singleComponent && path.find('/') != std::string_view::npos;
    if (components.empty() || badComponent || tooMany || path.starts_with('/'))
        return failWith(EINVAL, "invalid cgroup name '" + std::string(path) + "'");
    return {};
}

ContainerCgroup::ContainerCgroup(Mode mode, std::string relative, std::vector<Placement> placements)
    : m_mode(mode), m_relative(std::move(relative)), m_placements(std::move(placements))
{}

Result<ContainerCgroup> ContainerCgroup::create(const Layout& layout, std::string_view parent, std::string_view name)
{
    if (Status valid = validateNames(parent, name); !valid)
        return std::unexpected(std::move(valid.error()));
    const std::string relative = std::string(parent) + "/" + std::string(name);
    const Backend& backend = backendFor(layout.mode);
    CreatedDirs created;
    std::vector<Placement> placements;
    for (const Hierarchy& hierarchy : layout.placementHierarchies()) {
        Result<Placement> placed = placeIn(hierarchy, backend, parent, name, created);
        if (!placed)
            return std::unexpected(placed.error().wrap("create cgroup '" + relative + "'"));
        placements.push_back(std::move(*placed));
    }
    created.keep();
    return ContainerCgroup(layout.mode, relative, std::move(placements));
}

Result<ContainerCgroup> ContainerCgroup::open(const Layout& layout, std::string_view parent, std::string_view name)
{
    if (Status valid = validateNames(parent, name); !valid)
        return std::unexpected(std::move(valid.error()));
    const std::string relative = std::string(parent) + "/" + std::string(name);
    std::vector<Placement> placements;
    for (const Hierarchy& hierarchy : layout.placementHierarchies()) {
        std::error_code ec;
        const fs::path dir = hierarchy.mountPoint / relative;
        if (fs::is_directory(dir, ec))
            placements.push_back(Placement{hierarchy, dir});
    }
    if (placements.empty())
        return failWith(ENOENT, "cgroup '" + relative + "' does not exist", relative);
    return ContainerCgroup(layout.mode, relative, std::move(placements));
}

Status ContainerCgroup::restrictDevices(std::span<const DeviceRule> allowed) const
{
    if (Status restricted = backendFor(m_mode).restrictDevices(m_placements, allowed); !restricted)
        return std::unexpected(restricted.error().wrap("restrict devices of cgroup '" + m_relative + "'"));
    return {};
}

Status ContainerCgroup::delegateTo(uid_t uid, gid_t gid) const
{
    if (Status given = delegate(m_placements, uid, gid); !given)
        return std::unexpected(given.error().wrap("delegate cgroup '" + m_relative + "'"));
    return {};
}

Status ContainerCgroup::attach(pid_t pid) const
{
    for (const fs::path& procs : procsFiles())
        if (Status written = writeFile(procs, std::to_string(pid)); !written)
            return std::unexpected(written.error().wrap("attach to cgroup '" + m_relative + "'"));
    return {};
}

std::vector<fs::path> ContainerCgroup::procsFiles() const
{
    std::vector<fs::path> files;
    for (const Placement& placement : m_placements)
        files.push_back(placement.dir / "cgroup.procs");
    return files;
}

std::vector<fs::path> ContainerCgroup::directories() const
{
    std::vector<fs::path> dirs;
    for (const Placement& placement : m_placements)
        dirs.push_back(placement.dir);
    return dirs;
}

Result<std::vector<pid_t>> ContainerCgroup::pids() const
{
    // Every hierarchy is read: a process inside may have moved to different
    // sub-cgroups in each, but never out of the container's tree.
    std::vector<pid_t> all;
    for (const Placement& placement : m_placements) {
        Result<std::vector<pid_t>> some = subtreePids(placement.dir);
        if (!some)
            return some;
        all.insert(all.end(), some->begin(), some->end());
    }
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    return all;
}

Status ContainerCgroup::killAll() const
{
    std::vector<Placement> present;
    for (const Placement& placement : m_placements) {
        std::error_code ec;
        if (fs::is_directory(placement.dir, ec))
            present.push_back(placement);
    }
    if (present.empty())
        return {};
    if (Status killed = backendFor(m_mode).killAll(present); !killed)
        return std::unexpected(killed.error().wrap("kill processes of cgroup '" + m_relative + "'"));
    return {};
}

Status ContainerCgroup::applyLimits(const std::vector<CgroupWrite>& writes) const
{
    if (Status applied = backendFor(m_mode).applyLimits(m_placements, writes); !applied)
        return std::unexpected(applied.error().wrap("set limits of cgroup '" + m_relative + "'"));
    return {};
}

Result<ContainerStats> ContainerCgroup::stats() const
{
    Result<ContainerStats> stats = backendFor(m_mode).stats(m_placements);
    if (!stats)
        return std::unexpected(stats.error().wrap("read statistics of cgroup '" + m_relative + "'"));
    timespec now{};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    stats->timestampNs = std::int64_t{now.tv_sec} * 1'000'000'000 + now.tv_nsec;
    return stats;
}

Status ContainerCgroup::setFrozen(bool frozen) const
{
    if (Status done = backendFor(m_mode).setFrozen(m_placements, frozen); !done)
        return std::unexpected(done.error().wrap((frozen ? "freeze cgroup '" : "thaw cgroup '") + m_relative + "'"));
    return {};
}

Result<bool> ContainerCgroup::frozen() const
{
    Result<bool> frozen = backendFor(m_mode).frozen(m_placements);
    if (!frozen)
        return std::unexpected(frozen.error().wrap("read freezer state of cgroup '" + m_relative + "'"));
    return frozen;
}

Status ContainerCgroup::remove() const
{
    if (Status killed = killAll(); !killed)
        return killed;
    for (const Placement& placement : m_placements)
        if (Status removed = removeSubtree(placement.dir); !removed)
            return std::unexpected(removed.error().wrap("remove cgroup '" + m_relative + "'"));
    return {};
}

Status removeParentIfEmpty(const Layout& layout, std::string_view parent)
{
    if (Status valid = validateCgroupPath(parent, false); !valid)
        return valid;
    for (const Hierarchy& hierarchy : layout.placementHierarchies()) {
        const fs::path dir = hierarchy.mountPoint / parent;
        // Still in use by another container (ENOTEMPTY/EBUSY) or gone already.
        if (::rmdir(dir.c_str()) != 0 && errno != ENOENT && errno != ENOTEMPTY && errno != EBUSY)
            return failErrno(errno, "remove cgroup parent " + dir.string());
    }
    return {};
}

} // namespace berth::cgroup
