#include "image_store/image_info.h"

#include "image_store/layer_store.h"

#include <map>
#include <set>

namespace berth::image_store {

namespace {

// How many images have each layer.
std::map<std::string, unsigned> layerUse(const std::vector<ImageRecord>& records)
{
    std::map<std::string, unsigned> use;
    for (const ImageRecord& record : records)
        for (const std::string& diffId : std::set(record.diffIds.begin(), record.diffIds.end()))
            ++use[diffId];
    return use;
}

void fillConfig(const ImageRecord& r, ImageInfo& info)
{
    info.id = r.id;
    info.names = r.names;
    info.manifestDigest = r.manifestDigest;
    info.os = r.os;
    info.architecture = r.architecture;
    info.variant = r.variant;
    info.created = r.created;
    info.entrypoint = r.entrypoint;
    info.cmd = r.cmd;
    info.env = r.env;
    info.workingDir = r.workingDir;
    info.user = r.user;
    info.stopSignal = r.stopSignal;
    info.exposedPorts = r.exposedPorts;
    info.labels = r.labels;
}

// Each distinct layer counted once; sizes of layers missing on disk are 0.
void fillSizes(const StoreDirs& dirs, const ImageRecord& r, const std::map<std::string, unsigned>& use,
               std::map<std::string, std::uint64_t>& sizes, ImageInfo& info)
{
    info.layers = static_cast<unsigned>(r.diffIds.size());
    for (const std::string& diffId : std::set(r.diffIds.begin(), r.diffIds.end())) {
        auto [it, added] = sizes.try_emplace(diffId, 0);
        if (added)
            if (auto hex = digestHex(diffId))
                it->second = layerBytes(dirs, *hex).value_or(0);
        info.size += it->second;
        if (use.at(diffId) > 1) {
            info.sharedSize += it->second;
            ++info.sharedLayers;
        }
    }
}

} // namespace

std::vector<ImageInfo> describeRecords(const StoreDirs& dirs, const std::vector<ImageRecord>& records,
                                       const std::vector<StoreUser>& users)
{
    const auto use = layerUse(records);
    std::map<std::string, std::uint64_t> sizes;
    std::vector<ImageInfo> infos;
    for (const ImageRecord& record : records) {
        ImageInfo info;
        fillConfig(record, info);
        fillSizes(dirs, record, use, sizes, info);
        info.usedBy = usersOf(users, record.id);
        infos.push_back(std::move(info));
    }
    return infos;
}

} // namespace berth::image_store
