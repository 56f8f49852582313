#include "image/overlay_layout.h"

#include "berth/unique_fd.h"
#include "fs/dir_list.h"
#include "fs/remove_tree.h"

#include <algorithm>
#include <cerrno>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace berth::image {

namespace {

std::string inQuotes(std::string_view s)
{
    return "'" + std::string(s) + "'";
}

Status checkPath(std::string_view what, const std::filesystem::path& path)
{
    const std::string& s = path.native();
    if (s.empty() || !path.is_absolute())
        return failWith(EINVAL, "overlay " + std::string(what) + " " + inQuotes(s) + " is not an absolute path", s);
    if (s.find_first_of(":,\\\n") != std::string::npos)
        return failWith(EINVAL,
                        "overlay " + std::string(what) + " " + inQuotes(s) +
                            " contains ':', ',', '\\' or a newline, which mount options cannot carry",
                        s);
    return {};
}

Result<struct stat> statDir(const std::filesystem::path& path)
{
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0)
        return failErrno(errno, "stat " + inQuotes(path.native()));
    if (!S_ISDIR(st.st_mode))
        return failWith(ENOTDIR, inQuotes(path.native()) + " is not a directory", path.native());
    return st;
}

// mkdir without umask; an existing directory is fine.
Result<struct stat> ensureDir(const std::filesystem::path& path)
{
    if (::mkdir(path.c_str(), 0755) == 0) {
        if (::chmod(path.c_str(), 0755) != 0)
            return failErrno(errno, "chmod " + inQuotes(path.native()));
    } else if (errno != EEXIST) {
        return failErrno(errno, "create " + inQuotes(path.native()));
    }
    return statDir(path);
}

Status emptyDir(const std::filesystem::path& dir)
{
    UniqueFd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!fd)
        return failErrno(errno, "open " + inQuotes(dir.native()));
    auto listed = fs::listDirectory(fd.get());
    if (!listed)
        return fail(listed.error().wrap("list " + inQuotes(dir.native())));
    const std::vector<std::string>& names = *listed;
    for (const std::string& name : names)
        if (auto ok = fs::removeTree(dir / name); !ok)
            return std::unexpected(ok.error().wrap("empty overlay work directory"));
    return {};
}

// "/a//b/" -> "/a/b", so that "next to upper" is the parent of its last name.
std::filesystem::path normalized(std::string_view path)
{
    std::filesystem::path p = std::filesystem::path(path).lexically_normal();
    if (!p.has_filename() && p.has_parent_path() && p != p.root_path())
        p = p.parent_path();
    return p;
}

} // namespace

Result<std::string> overlayMountOptions(const OverlayLayout& layout)
{
    if (layout.lowers.empty())
        return failWith(EINVAL, "an overlay needs at least one lower directory");
    std::string lowerdir;
    for (const std::filesystem::path& lower : layout.lowers) {
        if (auto ok = checkPath("lower directory", lower); !ok)
            return std::unexpected(ok.error());
        lowerdir += (lowerdir.empty() ? "" : ":") + lower.native();
    }
    for (const auto& [what, path] :
         {std::pair{"upper directory", &layout.upper}, std::pair{"work directory", &layout.work}})
        if (auto ok = checkPath(what, *path); !ok)
            return std::unexpected(ok.error());
    return "lowerdir=" + lowerdir + ",upperdir=" + layout.upper.native() + ",workdir=" + layout.work.native();
}

Status prepareOverlayDirs(const OverlayLayout& layout)
{
    if (auto options = overlayMountOptions(layout); !options)
        return std::unexpected(options.error());
    if (auto ok = checkPath("merged directory", layout.merged); !ok)
        return ok;
    for (const std::filesystem::path& lowerDir : layout.lowers)
        if (auto lower = statDir(lowerDir); !lower)
            return std::unexpected(lower.error().wrap("overlay lower directory"));
    auto upper = ensureDir(layout.upper);
    if (!upper)
        return std::unexpected(upper.error());
    auto work = ensureDir(layout.work);
    if (!work)
        return std::unexpected(work.error());
    if (upper->st_dev != work->st_dev)
        return failWith(EXDEV,
                        "overlay upper " + inQuotes(layout.upper.native()) + " and work " +
                            inQuotes(layout.work.native()) + " are on different filesystems",
                        layout.work.native());
    if (auto ok = emptyDir(layout.work); !ok)
        return ok;
    if (auto merged = ensureDir(layout.merged); !merged)
        return std::unexpected(merged.error());
    return {};
}

Result<OverlayLayout> parseOverlayRootfs(std::string_view value, const std::filesystem::path& containerDir)
{
    std::string_view rest;
    if (value.starts_with("overlay:"))
        rest = value.substr(8);
    else if (value.starts_with("overlayfs:"))
        rest = value.substr(10);
    else
        return failWith(EINVAL, "rootfs " + inQuotes(value) + " is not an overlay (overlay:LOWER:UPPER)",
                        std::string(value));
    const size_t lastColon = rest.rfind(':');
    if (lastColon == std::string_view::npos)
        return failWith(EINVAL, "overlay rootfs " + inQuotes(value) + " must be overlay:LOWER:UPPER",
                        std::string(value));
    OverlayLayout layout;
    for (std::string_view lowers = rest.substr(0, lastColon);;) {
        const size_t colon = std::min(lowers.find(':'), lowers.size());
        layout.lowers.push_back(normalized(lowers.substr(0, colon)));
        if (colon == lowers.size())
            break;
        lowers.remove_prefix(colon + 1);
    }
    layout.upper = normalized(rest.substr(lastColon + 1));
    layout.work = layout.upper.parent_path() / "olwork";
    layout.merged = containerDir / "rootfs";
    if (auto options = overlayMountOptions(layout); !options)
        return std::unexpected(options.error().wrap("overlay rootfs " + inQuotes(value)));
    if (layout.upper == layout.upper.root_path() ||
        std::find(layout.lowers.begin(), layout.lowers.end(), layout.upper) != layout.lowers.end())
        return failWith(EINVAL, "overlay rootfs " + inQuotes(value) + " needs distinct lower and upper directories",
                        std::string(value));
    return layout;
}

std::string formatOverlayRootfs(const std::vector<std::filesystem::path>& lowers, const std::filesystem::path& upper)
{
    std::string value = "overlay:";
    for (const std::filesystem::path& lower : lowers)
        value += lower.native() + ":";
    return value + upper.native();
}

std::vector<std::filesystem::path> overlayTrees(const OverlayLayout& layout)
{
    std::vector<std::filesystem::path> trees{layout.upper};
    trees.insert(trees.end(), layout.lowers.begin(), layout.lowers.end());
    return trees;
}

} // namespace berth::image
