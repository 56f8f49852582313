// berth.share: shared folders. Read after lxc.idmap, since the IDs a folder
// is shown as must exist in the container's user namespace.
#include "spec/spec_internal.h"
#include "config/values.h"

#include <algorithm>
#include <cerrno>

namespace berth {

namespace {

std::optional<std::string> unmappedInside(const model::SharedFolder& share, const model::IdMap& map)
{
    if (map.empty())
        return std::nullopt; // privileged: inside IDs are host IDs
    if (!map.toHost(model::IdKind::User, share.insideUid))
        return "uid " + std::to_string(share.insideUid) + " is not in the container's lxc.idmap";
    if (!map.toHost(model::IdKind::Group, share.insideGid))
        return "gid " + std::to_string(share.insideGid) + " is not in the container's lxc.idmap";
    return std::nullopt;
}

} // namespace

Status readShares(const Config& config, ContainerSpec& spec)
{
    for (const ConfigEntry& entry : config.entries(model::kShareKey)) {
        auto share = model::parseSharedFolder(entry.value);
        if (!share)
            return failAt(entry, EINVAL, quoteForMessage(entry.value) + ": " + share.error());
        if (auto problem = unmappedInside(*share, spec.idMap))
            return failAt(entry, EINVAL, quoteForMessage(entry.value) + ": " + *problem);
        const bool taken = std::any_of(spec.shares.begin(), spec.shares.end(),
                                       [&](const model::SharedFolder& other) { return other.target == share->target; });
        if (taken)
            return failAt(entry, EINVAL, "another shared folder is already at " + quoteForMessage(share->target));
        spec.shares.push_back(std::move(*share));
    }
    return {};
}

} // namespace berth
