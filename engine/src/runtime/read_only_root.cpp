#include "runtime/read_only_root.h"

#include "image/overlay_layout.h"
#include "runtime/plan_builder.h"
#include "store/container_store.h"

#include <algorithm>

namespace berth::runtime {

namespace fsys = std::filesystem;

namespace {

bool isSnapshotOf(const EngineSettings& settings, const std::string& other, const fsys::path& rootfs)
{
    auto config = loadContainerConfig(settings, other);
    if (!config)
        return false;
    const std::string path = config->get("lxc.rootfs.path").value_or("");
    if (!path.starts_with("overlay:") && !path.starts_with("overlayfs:"))
        return false;
    auto layout = image::parseOverlayRootfs(path, settings.paths.containerDir(other));
    if (!layout)
        return false;
    const fsys::path wanted = rootfs.lexically_normal();
    return std::any_of(layout->lowers.begin(), layout->lowers.end(),
                       [&](const fsys::path& lower) { return lower.lexically_normal() == wanted; });
}

} // namespace

bool rootfsOptionsReadOnly(std::string_view options)
{
    while (!options.empty()) {
        const std::size_t comma = std::min(options.find(','), options.size());
        if (options.substr(0, comma) == "ro")
            return true;
        options.remove_prefix(std::min(comma + 1, options.size()));
    }
    return false;
}

Result<std::vector<std::string>> snapshotsOf(const EngineSettings& settings, const fsys::path& rootfs)
{
    auto names = ContainerStore(settings.paths).list();
    if (!names)
        return fail(names.error().wrap("look for snapshots of " + rootfs.string()));
    std::vector<std::string> snapshots;
    for (const std::string& other : *names)
        if (isSnapshotOf(settings, other, rootfs))
            snapshots.push_back(other);
    return snapshots;
}

Result<bool> rootMustBeReadOnly(const EngineSettings& settings, const std::string& name, const fsys::path& rootfs)
{
    auto config = loadContainerConfig(settings, name);
    if (!config)
        return fail(config.error());
    if (rootfsOptionsReadOnly(config->get("lxc.rootfs.options").value_or("")))
        return true;
    auto snapshots = snapshotsOf(settings, rootfs);
    if (!snapshots)
        return fail(snapshots.error());
    return !snapshots->empty();
}

} // namespace berth::runtime
