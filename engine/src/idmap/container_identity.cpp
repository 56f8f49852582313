#include "idmap/container_identity.h"

#include "config/values.h"
#include "fs/atomic_file.h"
#include "fs/file_io.h"
#include "idmap/container_maps.h"
#include "idmap/idmapped_probe.h"
#include "idmap/subordinate_range.h"
#include "idmap/tree_shift.h"

#include <fcntl.h>
#include <unistd.h>

namespace berth::idmap {

namespace fsys = std::filesystem;

namespace {

bool isSnapshot(const Config& config)
{
    return config.get("lxc.rootfs.path").value_or("").starts_with("overlay:");
}

Status writeKeys(Config& config, const model::IdMap& map, bool shifted)
{
    config.unset("lxc.idmap");
    config.unset("berth.privileged");
    config.unset("berth.rootfs.shifted");
    if (map.empty())
        return config.set("berth.privileged", "1");
    for (const model::IdMapEntry& entry : map.entries)
        if (auto ok = config.append("lxc.idmap", model::formatIdMapEntry(entry)); !ok)
            return ok;
    return shifted ? config.set("berth.rootfs.shifted", "1") : Status{};
}

// An empty upper layer's root belongs to the container's root, as the
// lower's root does through its idmapped mount.
Status shiftUpper(const fsys::path& delta, const model::IdMap& disk, const model::IdMap& map)
{
    if (::access(delta.c_str(), F_OK) != 0)
        return {};
    return shiftTree(delta, IdShift{disk, map});
}

Result<Config> readStagingConfig(const EngineSettings& settings, const fsys::path& staging)
{
    ConfigParseOptions options;
    options.baseDir = staging;
    options.includeRoots = settings.includeRoots;
    return Config::load(staging / "config", options);
}

// The imported LXC container's map, when Berth may give it (its rootfs came shifted).
bool keepsImportedMap(const CreateRequest& request, const model::IdMap& current, const IdRange& range,
                      const std::vector<UsedMap>& used)
{
    return request.templateName == "lxc-import" && !current.empty() && !mapOwnershipProblem(current, range, used);
}

Result<model::IdMap> lowestFreeMap(const IdRange& range, const std::vector<UsedMap>& used)
{
    const auto base = lowestFreeBlock(range, used);
    if (!base)
        return failWith(ENOSPC, "every block of 65536 IDs in Berth's range (" + std::to_string(range.blocks()) +
                                    " blocks) is taken: destroy a container, or give " + std::string(kRangeUser) +
                                    " a larger range in /etc/subuid and /etc/subgid");
    return model::blockIdMap(*base);
}

// An unprivileged new container's map: an imported one Berth may give, or a new block.
Result<model::IdMap> mapForNew(const EngineSettings& settings, const CreateRequest& request,
                               const model::IdMap& current)
{
    auto range = readBerthRange(settings.idRangeDir);
    if (!range)
        return fail(range.error());
    auto used = containerMaps(settings.paths);
    if (!used)
        return fail(used.error());
    if (keepsImportedMap(request, current, *range, *used))
        return current;
    return lowestFreeMap(*range, *used);
}

} // namespace

model::IdMap configIdMap(const Config& config)
{
    model::IdMap map;
    for (const std::string& value : config.getAll("lxc.idmap"))
        if (auto entry = model::parseIdMapEntry(value))
            map.entries.push_back(*entry);
    return map;
}

model::IdMap diskIdMap(const Config& config)
{
    const auto shifted = parseBoolValue(config.get("berth.rootfs.shifted").value_or("0"));
    return shifted && *shifted ? configIdMap(config) : model::IdMap{};
}

Status applyIdentity(Config& config, const fsys::path& dir, const model::IdMap& disk, const model::IdMap& map,
                     bool idmapped)
{
    const model::IdMap target = idmapped ? model::IdMap{} : map;
    if (isSnapshot(config)) {
        if (disk != target)
            return failWith(EOPNOTSUPP, "a snapshot shares its source's rootfs, whose owners on disk do not fit "
                                        "this container's IDs (no idmapped mounts there, or a shifted source): "
                                        "make a full copy");
        if (auto ok = shiftUpper(dir / "delta", disk, map); !ok)
            return ok;
    } else if (disk != target) {
        if (auto ok = shiftTree(dir / "rootfs", IdShift{disk, target}); !ok)
            return fail(ok.error().wrap("shift the rootfs's owners"));
    }
    return writeKeys(config, map, !target.empty());
}

Result<model::IdMap> newBlockFor(const EngineSettings& settings, std::string_view container)
{
    auto range = readBerthRange(settings.idRangeDir);
    if (!range)
        return fail(range.error());
    auto used = containerMaps(settings.paths, container);
    if (!used)
        return fail(used.error());
    return lowestFreeMap(*range, *used);
}

Result<BlockLock> settleNewIdentity(const EngineSettings& settings, const CreateRequest& request,
                                    const fsys::path& staging)
{
    auto lock = BlockLock::acquire(settings.paths);
    if (!lock)
        return fail(lock.error());
    auto config = readStagingConfig(settings, staging);
    if (!config)
        return fail(config.error());
    auto map = request.privileged ? Result<model::IdMap>{} : mapForNew(settings, request, configIdMap(*config));
    if (!map)
        return fail(map.error());
    const model::IdMap disk = diskIdMap(*config);
    // A kept imported map keeps its shifted rootfs; a new block is idmapped
    // where the file system can; a privileged rootfs is 0-based anyway.
    auto idmapped = map->empty()   ? Result<bool>(true)
                    : *map == disk ? Result<bool>(false)
                                   : idmappedMountsWork(staging);
    if (!idmapped)
        return fail(idmapped.error());
    if (auto ok = applyIdentity(*config, staging, disk, *map, *idmapped); !ok)
        return fail(ok.error());
    if (auto ok = fs::writeStagedFile(staging / "config", config->serialize(), 0640); !ok)
        return fail(ok.error());
    return lock;
}

} // namespace berth::idmap
