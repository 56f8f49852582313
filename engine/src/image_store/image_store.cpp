#include "image_store/image_store.h"

#include "image_store/image_lookup.h"
#include "image_store/image_record.h"
#include "image_store/store_dirs.h"
#include "image_store/store_lock.h"

#include <algorithm>
#include <cerrno>

#include <fcntl.h>
#include <sys/stat.h>

namespace berth::image_store {

namespace {

image::ImageConfig processOf(const ImageRecord& record)
{
    image::ImageConfig config;
    config.entrypoint = record.entrypoint;
    config.cmd = record.cmd;
    config.env = record.env;
    config.workingDir = record.workingDir;
    config.user = record.user;
    config.exposedPorts = record.exposedPorts;
    config.diffIds = record.diffIds;
    config.stopSignal = record.stopSignal;
    config.labels = record.labels;
    config.created = record.created;
    config.os = record.os;
    config.architecture = record.architecture;
    config.variant = record.variant;
    return config;
}

// Every layer must be there: a store damaged by hand is refused here
// rather than giving a container a root filesystem with holes. A diff ID
// the image has twice (empty layers often are) is kept at its topmost
// place only: overlayfs refuses a lower given twice, and the lower copy
// adds nothing the upper identical one does not.
Result<std::vector<std::filesystem::path>> layerDirsOf(const StoreDirs& dirs, const ImageRecord& record)
{
    std::vector<std::filesystem::path> layerDirs;
    for (std::size_t i = 0; i < record.diffIds.size(); ++i) {
        const std::string& diffId = record.diffIds[i];
        if (std::find(record.diffIds.begin() + static_cast<std::ptrdiff_t>(i) + 1, record.diffIds.end(), diffId) !=
            record.diffIds.end())
            continue;
        auto hex = digestHex(diffId);
        if (!hex)
            return fail(hex.error());
        struct stat st {};
        if (::fstatat(dirs.layersFd.get(), hex->c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISDIR(st.st_mode))
            return failWith(EIO, "layer " + diffId + " of image '" + record.id +
                                     "' is missing from the store; remove the image and pull it again");
        layerDirs.push_back(dirs.layerDir(*hex));
    }
    return layerDirs;
}

} // namespace

Result<std::pair<StoredImage, UseLock>> findForUse(const Paths& paths, const std::vector<std::string>& searchRegistries,
                                                   const std::string& reference)
{
    auto dirs = openStore(paths, false);
    if (!dirs && dirs.error().code == ENOENT)
        return failWith(ENOENT, "no image '" + reference + "' in the store", reference);
    if (!dirs)
        return fail(dirs.error());
    auto lock = lockStore(dirs->rootFd.get(), LockMode::Shared);
    if (!lock)
        return fail(lock.error());
    auto records = readRecords(dirs->imagesFd.get());
    if (!records)
        return fail(records.error());
    auto found = findRecord(*records, searchRegistries, reference);
    if (!found)
        return fail(found.error());
    const ImageRecord& record = (*records)[found->index];
    auto layerDirs = layerDirsOf(*dirs, record);
    if (!layerDirs)
        return fail(layerDirs.error());
    StoredImage image{record.id,         record.manifestDigest, found->name,
                      processOf(record), record.stopSignal,     std::move(*layerDirs)};
    return std::pair(std::move(image), UseLock(std::move(*lock)));
}

} // namespace berth::image_store
