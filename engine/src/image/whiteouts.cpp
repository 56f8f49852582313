#include "image/whiteouts.h"
#include "fs/dir_list.h"

#include "berth/unique_fd.h"
#include "fs/remove_tree.h"
#include "fs/safe_path.h"

#include <cerrno>
#include <string>
#include <vector>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace berth::image {

namespace {

constexpr std::string_view kPrefix = ".wh.";
constexpr std::string_view kMetaPrefix = ".wh..wh.";
constexpr std::string_view kOpaque = ".wh..wh..opq";

std::string inQuotes(std::string_view s)
{
    return "'" + std::string(s) + "'";
}

std::string_view lastComponent(std::string_view path)
{
    while (path.size() > 1 && path.ends_with('/'))
        path.remove_suffix(1);
    const size_t slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// removeTree works on paths; /proc/self/fd/N/name pins the parent we
// resolved inside the root, and its last component is never followed.
Status removeEntry(int parentFd, const std::string& name, std::string_view shown)
{
    const std::string path = "/proc/self/fd/" + std::to_string(parentFd) + "/" + name;
    auto ok = fs::removeTree(path);
    if (!ok && ok.error().code == ENOENT)
        return {};
    if (!ok)
        return failWith(ok.error().code, "apply whiteout " + inQuotes(shown) + ": " + ok.error().message,
                        std::string(shown));
    return {};
}

Result<std::vector<std::string>> listNames(int dirFd, std::string_view shown)
{
    auto names = fs::listDirectory(dirFd);
    if (!names)
        return fail(names.error().wrap("opaque whiteout in " + inQuotes(shown)));
    return names;
}

Status emptyDirectory(int dirFd, std::string_view shown)
{
    auto names = listNames(dirFd, shown);
    if (!names)
        return std::unexpected(names.error());
    for (const std::string& name : *names)
        if (auto ok = removeEntry(dirFd, name, shown); !ok)
            return ok;
    return {};
}

} // namespace

bool isWhiteout(std::string_view path)
{
    return lastComponent(path).starts_with(kPrefix);
}

Status applyLayerEntryWhiteout(int rootFd, std::string_view entryPath, bool* consumed)
{
    *consumed = false;
    const std::string_view base = lastComponent(entryPath);
    if (!base.starts_with(kPrefix))
        return {};
    const bool opaque = base == kOpaque;
    const std::string_view hidden = base.substr(kPrefix.size());
    if (!opaque && !base.starts_with(kMetaPrefix) && (hidden.empty() || hidden == "." || hidden == ".."))
        return failWith(EINVAL, "invalid whiteout " + inQuotes(entryPath), std::string(entryPath));
    auto parent = fs::openParentInRoot(rootFd, entryPath);
    if (!parent && parent.error().code == ENOENT) {
        *consumed = true; // the directory it stands in does not exist
        return {};
    }
    if (!parent)
        return failWith(parent.error().code, "apply whiteout " + inQuotes(entryPath) + ": " + parent.error().message,
                        std::string(entryPath));
    Status ok;
    if (opaque)
        ok = emptyDirectory(parent->dir.get(), entryPath);
    else if (!base.starts_with(kMetaPrefix))
        ok = removeEntry(parent->dir.get(), std::string(hidden), entryPath);
    if (ok)
        *consumed = true;
    return ok;
}

} // namespace berth::image
