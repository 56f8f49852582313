#include "image_store/store_sweep.h"

#include "fs/dir_list.h"
#include "fs/file_io.h"
#include "fs/remove_tree.h"
#include "image_store/layer_store.h"
#include "image_store/store_lock.h"
#include "image_store/tree_usage.h"

#include <algorithm>
#include <optional>
#include <set>

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

namespace berth::image_store {

namespace {

bool isHexName(std::string_view name)
{
    return name.size() == 64 &&
           std::ranges::all_of(name, [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

std::uint64_t fileBytes(int dirFd, const std::string& name)
{
    struct stat st {};
    return ::fstatat(dirFd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0
               ? static_cast<std::uint64_t>(st.st_blocks) * 512
               : 0;
}

// Removes a file or a whole tree below `dirFd`; the bytes it freed, 0 when
// it could not.
std::uint64_t removeEntry(int dirFd, const std::filesystem::path& dirPath, const std::string& name)
{
    struct stat st {};
    if (::fstatat(dirFd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0)
        return 0;
    if (!S_ISDIR(st.st_mode)) {
        const std::uint64_t bytes = fileBytes(dirFd, name);
        return ::unlinkat(dirFd, name.c_str(), 0) == 0 ? bytes : 0;
    }
    UniqueFd tree(::openat(dirFd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    const std::uint64_t bytes = tree ? treeDiskUsage(tree.get()).value_or(0) : 0;
    tree.reset();
    return fs::removeTree(dirPath / name) ? bytes : 0;
}

// A layer is renamed to a .tmp- name before it is removed.
std::optional<std::uint64_t> removeLayer(const StoreDirs& dirs, const std::string& hex)
{
    const std::uint64_t bytes = layerBytes(dirs, hex).value_or(0);
    const std::string aside = ".tmp-" + hex + "-" + fs::randomSuffix();
    if (::renameat2(dirs.layersFd.get(), hex.c_str(), dirs.layersFd.get(), aside.c_str(), RENAME_NOREPLACE) != 0)
        return std::nullopt;
    (void)removeEntry(dirs.layersFd.get(), dirs.root / "layers", aside);
    ::unlinkat(dirs.layersFd.get(), (hex + ".size").c_str(), 0);
    return bytes;
}

std::set<std::string> layersInUse(const std::vector<ImageRecord>& kept, const std::vector<StoreUser>& users)
{
    std::set<std::string> used;
    for (const ImageRecord& record : kept)
        for (const std::string& diffId : record.diffIds)
            if (auto hex = digestHex(diffId))
                used.insert(*hex);
    for (const StoreUser& user : users)
        used.insert(user.layers.begin(), user.layers.end());
    return used;
}

void sweepLayers(const StoreDirs& dirs, const std::set<std::string>& used, PruneResult& result)
{
    auto names = fs::listDirectory(dirs.layersFd.get());
    if (!names)
        return;
    const std::set<std::string> present(names->begin(), names->end());
    for (const std::string& name : present) {
        if (isHexName(name) && !used.contains(name)) {
            if (auto bytes = removeLayer(dirs, name)) {
                result.removedLayers.push_back("sha256:" + name);
                result.bytesFreed += *bytes;
            }
        } else if (name.starts_with(".tmp-"))
            result.bytesFreed += removeEntry(dirs.layersFd.get(), dirs.root / "layers", name);
        else if (name.ends_with(".size") && !present.contains(name.substr(0, name.size() - 5)))
            ::unlinkat(dirs.layersFd.get(), name.c_str(), 0);
    }
}

void sweepBlobs(const StoreDirs& dirs, const std::vector<ImageRecord>& kept, PruneResult& result)
{
    std::set<std::string> used;
    for (const ImageRecord& record : kept)
        for (const std::string* digest : {&record.id, &record.manifestDigest})
            if (auto hex = digestHex(*digest))
                used.insert(*hex);
    auto names = fs::listDirectory(dirs.blobsFd.get());
    for (const std::string& name : names.value_or(std::vector<std::string>()))
        if (!used.contains(name))
            result.bytesFreed += removeEntry(dirs.blobsFd.get(), dirs.root / "blobs/sha256", name);
}

void sweepDownloads(const StoreDirs& dirs, PruneResult& result)
{
    auto names = fs::listDirectory(dirs.downloadsFd.get());
    for (const std::string& name : names.value_or(std::vector<std::string>()))
        result.bytesFreed += removeEntry(dirs.downloadsFd.get(), dirs.root / "downloads", name);
}

} // namespace

void removeUnreferencedBlobs(const StoreDirs& dirs, const std::vector<ImageRecord>& records, const ImageRecord& removed)
{
    for (const std::string* digest : {&removed.id, &removed.manifestDigest}) {
        const bool shared = std::ranges::any_of(records, [&](const ImageRecord& r) {
            return r.id != removed.id && (r.id == *digest || r.manifestDigest == *digest);
        });
        if (auto hex = digestHex(*digest); hex && !shared)
            ::unlinkat(dirs.blobsFd.get(), hex->c_str(), 0);
    }
}

void sweepUnreferenced(const StoreDirs& dirs, const std::vector<ImageRecord>& kept, const std::vector<StoreUser>& users,
                       PruneResult& result)
{
    sweepLayers(dirs, layersInUse(kept, users), result);
    sweepBlobs(dirs, kept, result);
    sweepDownloads(dirs, result);
}

std::vector<std::string> sweepTempTrees(const StoreDirs& dirs)
{
    auto lock = tryLockStoreExclusive(dirs.rootFd.get());
    if (!lock)
        return {};
    std::vector<std::string> removed;
    auto names = fs::listDirectory(dirs.layersFd.get());
    for (const std::string& name : names.value_or(std::vector<std::string>()))
        if (name.starts_with(".tmp-") && fs::removeTree(dirs.root / "layers" / name))
            removed.push_back((dirs.root / "layers" / name).string());
    return removed;
}

std::vector<std::string> sweepStore(const Paths& paths)
{
    auto dirs = openStore(paths, false);
    if (!dirs)
        return {};
    return sweepTempTrees(*dirs);
}

} // namespace berth::image_store
