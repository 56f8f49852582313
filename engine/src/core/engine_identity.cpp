// Engine: a container's user namespace after creation: convert a privileged
// one, and the map checks of a replaced config.
#include "berth/engine.h"

#include "berth/config.h"
#include "cgroup/limit_writes.h"
#include "spec/container_spec.h"
#include "spec/spec_internal.h"
#include "config/values.h"
#include "core/engine_checks.h"
#include "core/engine_images.h"
#include "idmap/container_identity.h"
#include "idmap/container_maps.h"
#include "idmap/idmapped_probe.h"
#include "idmap/subordinate_range.h"
#include "runtime/plan_builder.h"
#include "runtime/spawn_monitor.h"
#include "store/container_store.h"

namespace berth {

namespace {

Result<Config> parseForContainer(const EngineSettings& settings, const std::string& name, const std::string& text)
{
    ConfigParseOptions options;
    options.baseDir = settings.paths.containerDir(name);
    options.includeRoots = settings.includeRoots;
    auto config = Config::parse(text, options);
    if (!config)
        return fail(config.error());
    if (auto spec = ContainerSpec::fromConfig(*config); !spec)
        return fail(spec.error());
    if (auto files = cgroup::checkLimitFilesOnHost(*config); !files)
        return fail(files.error());
    return config;
}

struct Identity {
    model::IdMap map;
    std::string privileged;
    std::string shifted;
    bool operator==(const Identity&) const = default;
};

Identity identityOf(const Config& config)
{
    return {idmap::configIdMap(config), config.get("berth.privileged").value_or("0"),
            config.get("berth.rootfs.shifted").value_or("0")};
}

// The new map is Berth's to give: in its range, clear of every other container.
Status checkMapIsBerths(const EngineSettings& settings, const std::string& name, const Config& config)
{
    const model::IdMap map = idmap::configIdMap(config);
    if (map.empty())
        return {};
    auto range = idmap::readBerthRange(settings.idRangeDir);
    if (!range)
        return fail(range.error());
    auto others = idmap::containerMaps(settings.paths, name);
    if (!others)
        return fail(others.error());
    const auto problem = idmap::mapOwnershipProblem(map, *range, *others);
    if (!problem)
        return {};
    const ConfigEntry entry = config.entries("lxc.idmap").at(problem->entry);
    return failAt(entry, EPERM, quoteForMessage(entry.value) + ": " + problem->text);
}

// A rootfs shifted on disk belongs to its map: neither moves by a config edit.
Status checkIdentityChange(const EngineSettings& settings, const std::string& name, const Identity& before,
                           const Identity& after)
{
    if (runtime::monitorAlive(settings.paths, name))
        return failWith(EBUSY, "container '" + name +
                                   "' is running: stop it before changing its lxc.idmap or "
                                   "berth.privileged");
    if (before.shifted != after.shifted)
        return failWith(EINVAL, "berth.rootfs.shifted says how the rootfs is owned on disk: only Berth changes it");
    if (before.shifted != "0" && before.map != after.map)
        return failWith(EINVAL, "the rootfs of '" + name +
                                    "' is owned by the host IDs of its lxc.idmap on disk "
                                    "(berth.rootfs.shifted): its map cannot change");
    return {};
}

// A new map by an edit needs the rootfs seen through it as it lies on disk:
// an idmapped mount of a plain directory rootfs. Elsewhere (no idmapped
// mounts, a snapshot's upper layer owned by the old IDs) the owners would
// have to move: convert does that for a privileged container.
Status checkNewMapNeedsNoShift(const EngineSettings& settings, const std::string& name, const Config& config,
                               const Identity& before, const Identity& after)
{
    if (after.map.empty() || after.map == before.map)
        return {};
    const std::string convert = ": change it with convert ('berthctl convert " + name + " --unprivileged')";
    if (config.get("lxc.rootfs.path").value_or("").starts_with("overlay:"))
        return failWith(EOPNOTSUPP, "the upper layer of snapshot '" + name + "' is owned by its old IDs on disk" +
                                        convert + ", or make a full copy");
    auto idmapped = idmap::idmappedMountsWork(settings.paths.containerDir(name));
    if (!idmapped)
        return fail(idmapped.error());
    if (!*idmapped)
        return failWith(EOPNOTSUPP, "the file system of '" + name +
                                        "' has no idmapped mounts, so its rootfs "
                                        "must be shifted into a new map" +
                                        convert);
    return {};
}

// The compare of setConfig's compare-and-set, under the container's lock.
Status checkConfigIs(const Paths& paths, const std::string& name, const std::string& basedOn)
{
    auto current = ContainerStore(paths).readConfig(name);
    if (!current)
        return fail(current.error());
    if (*current == basedOn)
        return {};
    Error changed = Error::make(ESTALE, "the config of '" + name +
                                            "' was changed since it was read (limits, autostart, interfaces or "
                                            "another editor): read it again; nothing was written");
    changed.changedSinceRead = true;
    return fail(std::move(changed));
}

} // namespace

Status Engine::setConfig(const std::string& name, const std::string& text, const std::optional<std::string>& basedOn)
{
    auto lock = lockExistingContainer(m_settings.paths, name);
    if (!lock)
        return fail(lock.error());
    if (basedOn)
        if (auto same = checkConfigIs(m_settings.paths, name, *basedOn); !same)
            return same;
    auto config = parseForContainer(m_settings, name, text);
    if (!config)
        return fail(config.error());
    auto current = runtime::loadContainerConfig(m_settings, name);
    if (!current)
        return fail(current.error());
    const Identity before = identityOf(*current);
    const Identity after = identityOf(*config);
    std::optional<idmap::BlockLock> blockLock;
    if (before != after) {
        if (auto ok = checkIdentityChange(m_settings, name, before, after); !ok)
            return ok;
        auto locked = idmap::BlockLock::acquire(m_settings.paths);
        if (!locked)
            return fail(locked.error());
        blockLock.emplace(std::move(*locked));
        if (auto ok = checkMapIsBerths(m_settings, name, *config); !ok)
            return ok;
        if (auto ok = checkNewMapNeedsNoShift(m_settings, name, *config, before, after); !ok)
            return ok;
    }
    return ContainerStore(m_settings.paths).writeConfig(name, text);
}

Status Engine::convertToUnprivileged(const std::string& name)
{
    auto lock = lockExistingContainer(m_settings.paths, name);
    if (!lock)
        return fail(lock.error());
    if (runtime::monitorAlive(m_settings.paths, name))
        return failWith(EBUSY, "container '" + name + "' is running: stop it before converting it");
    auto config = runtime::loadContainerConfig(m_settings, name);
    if (!config)
        return fail(config.error());
    auto spec = ContainerSpec::fromConfig(*config);
    if (!spec)
        return fail(spec.error());
    if (!spec->privileged())
        return failWith(EINVAL, "container '" + name + "' is already unprivileged (it has an lxc.idmap)");
    auto blockLock = idmap::BlockLock::acquire(m_settings.paths);
    if (!blockLock)
        return fail(blockLock.error());
    auto map = idmap::newBlockFor(m_settings, name);
    if (!map)
        return fail(map.error());
    auto idmapped = idmap::idmappedMountsWork(m_settings.paths.containerDir(name));
    if (!idmapped)
        return fail(idmapped.error());
    // A shift would change the owners that snapshots of it see in their lower layer.
    if (!*idmapped)
        if (auto none = checkNoSnapshotsOf(m_settings, name); !none)
            return none;
    if (auto ok = idmap::applyIdentity(*config, m_settings.paths.containerDir(name), {}, *map, *idmapped); !ok)
        return fail(ok.error().wrap("convert '" + name + "'"));
    return ContainerStore(m_settings.paths).writeConfig(name, config->serialize());
}

} // namespace berth
