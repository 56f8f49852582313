#include "fs/remove_tree.h"
#include "fs/tree_walk.h"

#include "berth/unique_fd.h"

#include <cerrno>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace berth::fs {

namespace {

// One pass over the tree: the first only checks for mounts, so that a
// refusal leaves everything in place; the second removes.
class TreePass : public TreeVisitor {
public:
    TreePass(std::string shown, bool remove) : m_shown(std::move(shown)), m_remove(remove) {}

    Status enter(const WalkDir& dir) override;
    Result<Descend> entry(const WalkEntry& e) override;
    Status leave(const WalkDir& dir, int parentFd) override;
    Result<UniqueFd> openSubdir(int parentFd, const std::string& name, std::string_view shown) override;

private:
    [[nodiscard]] std::string shownPath(std::string_view path) const;
    [[nodiscard]] Error mountPoint(std::string_view path) const;

    std::string m_shown;
    bool m_remove;
    dev_t m_topDev = 0;
};

std::string TreePass::shownPath(std::string_view path) const
{
    return path.empty() ? m_shown : m_shown + "/" + std::string(path);
}

Error TreePass::mountPoint(std::string_view path) const
{
    const std::string shown = shownPath(path);
    return Error::make(EBUSY, "cannot remove " + inQuotes(m_shown) + ": " + inQuotes(shown) + " is a mount point",
                       shown);
}

Result<UniqueFd> TreePass::openSubdir(int parentFd, const std::string& name, std::string_view shown)
{
    const int flags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
    UniqueFd fd(::openat(parentFd, name.c_str(), flags));
    if (fd || errno != EACCES)
        return fd ? Result<UniqueFd>(std::move(fd)) : failErrno(errno, "open " + inQuotes(shown));
    // Not searchable by us: make it so through an O_PATH fd, which cannot
    // be a symlink swapped in since we looked.
    UniqueFd opath(::openat(parentFd, name.c_str(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    const std::string procPath = "/proc/self/fd/" + std::to_string(opath.get());
    if (!opath || ::chmod(procPath.c_str(), S_IRWXU) != 0)
        return failErrno(errno, "make " + inQuotes(shown) + " accessible");
    fd.reset(::openat(parentFd, name.c_str(), flags));
    if (!fd)
        return failErrno(errno, "open " + inQuotes(shown));
    return fd;
}

Result<Descend> TreePass::entry(const WalkEntry& e)
{
    if (e.st.stx_attributes & STATX_ATTR_MOUNT_ROOT)
        return std::unexpected(mountPoint(e.path));
    if (S_ISDIR(e.st.stx_mode))
        return Descend::Yes;
    const std::string name(e.name);
    if (m_remove && ::unlinkat(e.dirFd, name.c_str(), 0) != 0 && errno != ENOENT)
        return failErrno(errno, "remove " + inQuotes(shownPath(e.path)));
    return Descend::No;
}

Status TreePass::enter(const WalkDir& dir)
{
    const dev_t dev = makedev(dir.st.stx_dev_major, dir.st.stx_dev_minor);
    if (dir.path.empty())
        m_topDev = dev;
    // A different device catches mounts where statx cannot tell.
    if ((dir.st.stx_attributes & STATX_ATTR_MOUNT_ROOT) || dev != m_topDev)
        return std::unexpected(mountPoint(dir.path));
    if (m_remove && (dir.st.stx_mode & S_IRWXU) != S_IRWXU &&
        ::fchmod(dir.fd, (dir.st.stx_mode & 07777) | S_IRWXU) != 0)
        return failErrno(errno, "make " + inQuotes(shownPath(dir.path)) + " writable");
    return {};
}

// The root is removed by removeTree, which holds its parent.
Status TreePass::leave(const WalkDir& dir, int parentFd)
{
    const std::string name(dir.name);
    if (m_remove && parentFd >= 0 && ::unlinkat(parentFd, name.c_str(), AT_REMOVEDIR) != 0)
        return failErrno(errno, "remove " + inQuotes(shownPath(dir.path)));
    return {};
}

// Both passes through the walk; the root opened as its subdirectories are.
Status runPass(TreePass pass, int parentFd, const std::string& name, const std::string& shown)
{
    auto root = pass.openSubdir(parentFd, name, shown);
    if (!root)
        return std::unexpected(root.error());
    return walkTree(root->get(), pass, shown);
}

} // namespace

Status removeTree(const std::filesystem::path& dir)
{
    // rm(1)'s rule: "x/.." and "x/." are refused, not resolved.
    if (dir.filename() == "." || dir.filename() == "..")
        return failWith(EINVAL, "refusing to remove " + inQuotes(dir.string()), dir.string());
    std::filesystem::path path = dir.lexically_normal();
    if (!path.has_filename() && path.has_parent_path() && path != path.root_path())
        path = path.parent_path();
    const std::string name = path.filename().string();
    if (name.empty() || name == "." || name == "..")
        return failWith(EINVAL, "refusing to remove " + inQuotes(dir.string()), dir.string());
    const std::filesystem::path parentPath = path.has_parent_path() ? path.parent_path() : ".";
    UniqueFd parent(::open(parentPath.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!parent)
        return failErrno(errno, "remove " + inQuotes(path.string()));
    struct stat st {};
    if (::fstatat(parent.get(), name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0)
        return failErrno(errno, "remove " + inQuotes(path.string()));
    if (!S_ISDIR(st.st_mode)) {
        if (::unlinkat(parent.get(), name.c_str(), 0) != 0)
            return failErrno(errno, "remove " + inQuotes(path.string()));
        return {};
    }
    if (auto ok = runPass(TreePass(path.string(), false), parent.get(), name, path.string()); !ok)
        return ok;
    if (auto ok = runPass(TreePass(path.string(), true), parent.get(), name, path.string()); !ok)
        return ok;
    if (::unlinkat(parent.get(), name.c_str(), AT_REMOVEDIR) != 0)
        return failErrno(errno, "remove " + inQuotes(path.string()));
    return {};
}

} // namespace berth::fs
