// lxc.idmap, berth.privileged and berth.rootfs.shifted: whether the
// container runs in a user namespace of its own, and with which IDs.
#include "spec/spec_internal.h"
#include "config/values.h"

#include <cerrno>

namespace berth {

namespace {

Status readIdMap(const Config& config, ContainerSpec& spec)
{
    for (const ConfigEntry& entry : config.entries("lxc.idmap")) {
        auto parsed = model::parseIdMapEntry(entry.value);
        if (!parsed)
            return failAt(entry, EINVAL, quoteForMessage(entry.value) + ": " + parsed.error());
        spec.idMap.entries.push_back(*parsed);
    }
    if (spec.idMap.empty())
        return {};
    if (auto problem = model::idMapProblem(spec.idMap)) {
        const ConfigEntry first = config.entries("lxc.idmap").front();
        return failAt(first, EINVAL, *problem);
    }
    return {};
}

} // namespace

Status readUserNamespace(const Config& config, ContainerSpec& spec)
{
    if (auto map = readIdMap(config, spec); !map)
        return map;
    bool privileged = false;
    if (auto value = config.get("berth.privileged")) {
        auto parsed = parseBoolValue(*value);
        if (!parsed)
            return fail(entryError(*config.entry("berth.privileged"), parsed.error()));
        privileged = *parsed;
    }
    if (privileged && !spec.idMap.empty())
        return failAt(*config.entry("berth.privileged"), EINVAL,
                      "a privileged container has no lxc.idmap: remove one of them");
    if (auto value = config.get("berth.rootfs.shifted")) {
        auto parsed = parseBoolValue(*value);
        if (!parsed)
            return fail(entryError(*config.entry("berth.rootfs.shifted"), parsed.error()));
        spec.rootfsShifted = *parsed;
    }
    if (spec.rootfsShifted && spec.idMap.empty())
        return failAt(*config.entry("berth.rootfs.shifted"), EINVAL, "a shifted rootfs needs an lxc.idmap");
    return {};
}

} // namespace berth
