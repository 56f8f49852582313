#include "image_store/image_commit.h"

#include "fs/atomic_file.h"
#include "image/oci_digest.h"
#include "image_store/config_details.h"
#include "image_store/layer_store.h"
#include "image_store/store_lock.h"

#include <algorithm>
#include <cerrno>

namespace berth::image_store {

namespace {

Status keepBlob(const StoreDirs& dirs, std::string_view digest, const std::string& bytes)
{
    auto hex = digestHex(digest);
    if (!hex)
        return fail(hex.error());
    return fs::writeFileAtomicAt(dirs.blobsFd.get(), *hex, bytes, 0600);
}

Result<ImageRecord> recordOf(const StoreDirs& dirs, const NewImage& image)
{
    ImageRecord record;
    record.id = image::sha256OfText(image.config);
    record.manifestDigest = image.manifestDigest;
    if (auto ok = readConfigDetails(image.config, record); !ok)
        return fail(ok.error());
    if (record.diffIds.size() != image.layerDigests.size())
        return failWith(EINVAL, "image " + record.id + " has " + std::to_string(image.layerDigests.size()) +
                                    " layers but its config names " + std::to_string(record.diffIds.size()));
    for (const std::string& diffId : record.diffIds)
        if (!layerExists(dirs, diffId))
            return failWith(EIO, "layer " + diffId + " of image " + record.id + " is not in the store");
    record.layerDigests = image.layerDigests;
    if (!image.name.empty())
        record.names.push_back(image.name);
    return record;
}

// The name leaves every other record; the one with that id gains it.
Status moveName(int imagesFd, std::vector<ImageRecord>& records, ImageRecord& record)
{
    for (ImageRecord& other : records) {
        if (other.id == record.id) {
            for (const std::string& name : other.names)
                if (std::ranges::find(record.names, name) == record.names.end())
                    record.names.push_back(name);
            continue;
        }
        const auto before = other.names.size();
        std::erase_if(other.names,
                      [&](const std::string& n) { return std::ranges::find(record.names, n) != record.names.end(); });
        if (other.names.size() != before)
            if (auto ok = writeRecord(imagesFd, other); !ok)
                return ok;
    }
    std::ranges::sort(record.names);
    return {};
}

} // namespace

Result<ImageRecord> commitImage(const StoreDirs& dirs, const NewImage& image)
{
    auto record = recordOf(dirs, image);
    if (!record)
        return record;
    if (!image.manifest.empty())
        if (auto ok = keepBlob(dirs, image.manifestDigest, image.manifest); !ok)
            return fail(ok.error());
    if (auto ok = keepBlob(dirs, record->id, image.config); !ok)
        return fail(ok.error());
    auto lock = lockRecords(dirs.rootFd.get());
    if (!lock)
        return fail(lock.error());
    auto records = readRecords(dirs.imagesFd.get());
    if (!records)
        return fail(records.error());
    if (auto ok = moveName(dirs.imagesFd.get(), *records, *record); !ok)
        return fail(ok.error());
    if (auto ok = writeRecord(dirs.imagesFd.get(), *record); !ok)
        return fail(ok.error());
    return record;
}

} // namespace berth::image_store
