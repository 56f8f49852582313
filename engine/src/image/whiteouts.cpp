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
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

namespace berth::image {

namespace {

constexpr std::string_view kPrefix = ".wh.";
constexpr std::string_view kMetaPrefix = ".wh..wh.";
constexpr std::string_view kOpaque = ".wh..wh..opq";
constexpr const char* kOpaqueXattr = "trusted.overlay.opaque";

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

// The directory part of an entry's path ("" for the root).
std::string_view parentPart(std::string_view path)
{
    while (path.size() > 1 && path.ends_with('/'))
        path.remove_suffix(1);
    const size_t slash = path.rfind('/');
    return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
}

Result<UniqueFd> openOrMakeDir(int rootFd, std::string_view dir, std::string_view shown)
{
    if (!dir.empty())
        if (auto made = fs::mkdirInRoot(rootFd, dir, 0755); !made)
            return fail(made.error().wrap("whiteout " + inQuotes(shown)));
    auto fd = fs::openInRoot(rootFd, dir.empty() ? "." : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (!fd)
        return fail(fd.error().wrap("whiteout " + inQuotes(shown)));
    return fd;
}

Status markOpaque(int rootFd, std::string_view entryPath)
{
    auto dir = openOrMakeDir(rootFd, parentPart(entryPath), entryPath);
    if (!dir)
        return fail(dir.error());
    if (::fsetxattr(dir->get(), kOpaqueXattr, "y", 1, 0) != 0)
        return failErrno(errno, "opaque whiteout " + inQuotes(entryPath));
    return {};
}

// A character device 0:0 named as the hidden entry: overlayfs' whiteout.
Status makeWhiteoutNode(int rootFd, std::string_view entryPath, std::string_view hidden)
{
    auto dir = openOrMakeDir(rootFd, parentPart(entryPath), entryPath);
    if (!dir)
        return fail(dir.error());
    const std::string name(hidden);
    if (auto ok = removeEntry(dir->get(), name, entryPath); !ok)
        return ok;
    if (::mknodat(dir->get(), name.c_str(), S_IFCHR | 0, makedev(0, 0)) != 0)
        return failErrno(errno, "whiteout " + inQuotes(entryPath));
    return {};
}

} // namespace

Status storeLayerEntryWhiteout(int rootFd, std::string_view entryPath, bool* consumed)
{
    *consumed = false;
    const std::string_view base = lastComponent(entryPath);
    if (!base.starts_with(kPrefix))
        return {};
    Status ok;
    if (base == kOpaque)
        ok = markOpaque(rootFd, entryPath);
    else if (!base.starts_with(kMetaPrefix)) {
        const std::string_view hidden = base.substr(kPrefix.size());
        if (hidden.empty() || hidden == "." || hidden == "..")
            return failWith(EINVAL, "invalid whiteout " + inQuotes(entryPath), std::string(entryPath));
        ok = makeWhiteoutNode(rootFd, entryPath, hidden);
    }
    if (ok)
        *consumed = true;
    return ok;
}

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
