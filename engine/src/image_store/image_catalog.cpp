#include "image_store/image_catalog.h"

#include "image_store/image_info.h"
#include "image_store/image_lookup.h"
#include "image_store/image_record.h"
#include "image_store/image_users.h"
#include "image_store/store_dirs.h"
#include "image_store/store_lock.h"
#include "image_store/store_sweep.h"

#include <algorithm>
#include <cerrno>
#include <optional>

#include <unistd.h>

namespace berth::image_store {

namespace {

std::string inQuotes(std::string_view s)
{
    return "'" + std::string(s) + "'";
}

std::string joinQuoted(const std::vector<std::string>& names)
{
    std::string text;
    for (const std::string& name : names)
        text += (text.empty() ? "" : ", ") + inQuotes(name);
    return text;
}

// The store, its records and the containers using it, read under `lock`.
struct Snapshot {
    StoreDirs dirs;
    std::vector<ImageRecord> records;
    std::vector<StoreUser> users;
};

Result<std::optional<Snapshot>> readStore(const Paths& paths)
{
    auto dirs = openStore(paths, false);
    if (!dirs && dirs.error().code == ENOENT)
        return std::optional<Snapshot>();
    if (!dirs)
        return fail(dirs.error());
    auto records = readRecords(dirs->imagesFd.get());
    if (!records)
        return fail(records.error());
    auto users = storeUsers(paths);
    if (!users)
        return fail(users.error());
    return std::optional(Snapshot{std::move(*dirs), std::move(*records), std::move(*users)});
}

Status removeWhole(const StoreDirs& dirs, const std::vector<ImageRecord>& records, const ImageRecord& record)
{
    if (auto ok = removeRecord(dirs.imagesFd.get(), record.id); !ok)
        return ok;
    removeUnreferencedBlobs(dirs, records, record);
    return {};
}

} // namespace

Result<std::vector<ImageInfo>> listImages(const Paths& paths)
{
    auto store = readStore(paths);
    if (!store)
        return fail(store.error());
    if (!*store)
        return std::vector<ImageInfo>();
    return describeRecords((*store)->dirs, (*store)->records, (*store)->users);
}

Result<ImageInfo> describeImage(const Paths& paths, const std::vector<std::string>& searchRegistries,
                                const std::string& reference)
{
    auto store = readStore(paths);
    if (!store)
        return fail(store.error());
    if (!*store)
        return failWith(ENOENT, "no image " + inQuotes(reference) + " in the store", reference);
    auto found = findRecord((*store)->records, searchRegistries, reference);
    if (!found)
        return fail(found.error());
    auto infos = describeRecords((*store)->dirs, (*store)->records, (*store)->users);
    return infos[found->index];
}

Status removeImage(const Paths& paths, const std::vector<std::string>& searchRegistries, const std::string& reference)
{
    auto dirs = openStore(paths, false);
    if (!dirs && dirs.error().code == ENOENT)
        return failWith(ENOENT, "no image " + inQuotes(reference) + " in the store", reference);
    if (!dirs)
        return fail(dirs.error());
    auto lock = lockStore(dirs->rootFd.get(), LockMode::Exclusive);
    if (!lock)
        return fail(lock.error().wrap("remove image " + inQuotes(reference)));
    auto store = readStore(paths);
    if (!store || !*store)
        return fail(store ? Error::make(ENOENT, "the image store went away") : store.error());
    auto& [_, records, users] = **store;
    auto found = findRecord(records, searchRegistries, reference);
    if (!found)
        return fail(found.error());
    ImageRecord record = records[found->index];
    if (!found->name.empty() && record.names.size() > 1) {
        std::erase(record.names, found->name);
        return writeRecord(dirs->imagesFd.get(), record);
    }
    if (auto usedBy = usersOf(users, record.id); !usedBy.empty())
        return failWith(EBUSY,
                        "image " + inQuotes(reference) + " is used by container" + (usedBy.size() > 1 ? "s " : " ") +
                            joinQuoted(usedBy),
                        reference);
    return removeWhole(*dirs, records, record);
}

Result<PruneResult> pruneStore(const Paths& paths, bool all)
{
    auto dirs = openStore(paths, false);
    if (!dirs && dirs.error().code == ENOENT)
        return PruneResult{};
    if (!dirs)
        return fail(dirs.error());
    auto lock = lockStore(dirs->rootFd.get(), LockMode::Exclusive);
    if (!lock)
        return fail(lock.error().wrap("prune images"));
    auto store = readStore(paths);
    if (!store || !*store)
        return fail(store ? Error::make(ENOENT, "the image store went away") : store.error());
    auto& [_, records, users] = **store;
    PruneResult result;
    std::vector<ImageRecord> kept;
    for (const ImageRecord& record : records) {
        const bool unused = usersOf(users, record.id).empty();
        if (unused && (all || record.names.empty())) {
            if (auto ok = removeRecord(dirs->imagesFd.get(), record.id); !ok)
                return fail(ok.error());
            result.removedImages.push_back(record.id);
        } else
            kept.push_back(record);
    }
    sweepUnreferenced(*dirs, kept, users, result);
    return result;
}

} // namespace berth::image_store
