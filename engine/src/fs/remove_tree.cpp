#include "fs/remove_tree.h"
#include "fs/dir_list.h"

#include "berth/unique_fd.h"

#include <cerrno>
#include <string>
#include <vector>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace berth::fs {

namespace {

std::string inQuotes(std::string_view s)
{
    return "'" + std::string(s) + "'";
}

struct Frame {
    std::string name; // in its parent
    dev_t dev = 0;
    ino_t ino = 0;
    std::vector<std::string> subdirs; // still to visit
};

// One pass over the tree: the first only checks for mounts, so that a
// refusal leaves everything in place; the second removes.
class TreePass {
public:
    TreePass(std::string shown, int topParent, bool remove)
        : m_shown(std::move(shown)), m_topParent(topParent), m_remove(remove)
    {}

    Status run(const std::string& name);

private:
    Status enter(int parentFd, const std::string& name);
    Status leave();
    Status visitEntry(int dirFd, const char* name, Frame& frame);
    Result<UniqueFd> openDir(int parentFd, const std::string& name);
    Result<std::vector<std::string>> listNames(int dirFd);
    [[nodiscard]] std::string shownPath(std::string_view name) const;
    [[nodiscard]] Error mountPoint(std::string_view name) const;

    std::string m_shown;
    int m_topParent;
    bool m_remove;
    dev_t m_topDev = 0;
    UniqueFd m_cur;
    std::vector<Frame> m_stack;
};

std::string TreePass::shownPath(std::string_view name) const
{
    std::string path = m_shown;
    for (size_t i = 1; i < m_stack.size(); ++i)
        path += "/" + m_stack[i].name;
    if (!name.empty())
        path += "/" + std::string(name);
    return path;
}

Error TreePass::mountPoint(std::string_view name) const
{
    const std::string path = shownPath(name);
    return Error::make(EBUSY, "cannot remove " + inQuotes(m_shown) + ": " + inQuotes(path) + " is a mount point", path);
}

Result<UniqueFd> TreePass::openDir(int parentFd, const std::string& name)
{
    const int flags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
    UniqueFd fd(::openat(parentFd, name.c_str(), flags));
    if (fd || errno != EACCES)
        return fd ? Result<UniqueFd>(std::move(fd)) : failErrno(errno, "open " + inQuotes(shownPath(name)));
    // Not searchable by us: make it so through an O_PATH fd, which cannot
    // be a symlink swapped in since we looked.
    UniqueFd path(::openat(parentFd, name.c_str(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    const std::string procPath = "/proc/self/fd/" + std::to_string(path.get());
    if (!path || ::chmod(procPath.c_str(), S_IRWXU) != 0)
        return failErrno(errno, "make " + inQuotes(shownPath(name)) + " accessible");
    fd.reset(::openat(parentFd, name.c_str(), flags));
    if (!fd)
        return failErrno(errno, "open " + inQuotes(shownPath(name)));
    return fd;
}

Result<std::vector<std::string>> TreePass::listNames(int dirFd)
{
    auto names = listDirectory(dirFd);
    if (!names)
        return fail(names.error().wrap(inQuotes(shownPath({}))));
    return names;
}

Status TreePass::visitEntry(int dirFd, const char* name, Frame& frame)
{
    struct statx stx {};
    if (::statx(dirFd, name, AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT, STATX_TYPE, &stx) != 0)
        return errno == ENOENT ? Status{} : failErrno(errno, "stat " + inQuotes(shownPath(name)));
    if (stx.stx_attributes & STATX_ATTR_MOUNT_ROOT)
        return std::unexpected(mountPoint(name));
    if (S_ISDIR(stx.stx_mode)) {
        frame.subdirs.emplace_back(name);
        return {};
    }
    if (m_remove && ::unlinkat(dirFd, name, 0) != 0 && errno != ENOENT)
        return failErrno(errno, "remove " + inQuotes(shownPath(name)));
    return {};
}

Status TreePass::enter(int parentFd, const std::string& name)
{
    auto fd = openDir(parentFd, name);
    if (!fd)
        return std::unexpected(fd.error());
    struct statx stx {};
    if (::statx(fd->get(), "", AT_EMPTY_PATH, STATX_TYPE | STATX_MODE | STATX_INO, &stx) != 0)
        return failErrno(errno, "stat " + inQuotes(shownPath(name)));
    const dev_t dev = makedev(stx.stx_dev_major, stx.stx_dev_minor);
    if (m_stack.empty())
        m_topDev = dev;
    // A different device catches mounts where statx cannot tell.
    if ((stx.stx_attributes & STATX_ATTR_MOUNT_ROOT) || dev != m_topDev)
        return std::unexpected(mountPoint(m_stack.empty() ? std::string_view{} : name));
    if (m_remove && (stx.stx_mode & S_IRWXU) != S_IRWXU && ::fchmod(fd->get(), (stx.stx_mode & 07777) | S_IRWXU) != 0)
        return failErrno(errno, "make " + inQuotes(shownPath(name)) + " writable");
    m_stack.push_back({name, dev, static_cast<ino_t>(stx.stx_ino), {}});
    m_cur = std::move(*fd);
    auto names = listNames(m_cur.get());
    if (!names)
        return std::unexpected(names.error());
    for (const std::string& n : *names)
        if (auto ok = visitEntry(m_cur.get(), n.c_str(), m_stack.back()); !ok)
            return ok;
    return {};
}

// Back to the parent through "..", checked against the inode we came from,
// so a directory moved meanwhile cannot lead us elsewhere.
Status TreePass::leave()
{
    const std::string name = m_stack.back().name;
    if (m_stack.size() == 1) {
        m_stack.pop_back();
        m_cur.reset();
        if (m_remove && ::unlinkat(m_topParent, name.c_str(), AT_REMOVEDIR) != 0)
            return failErrno(errno, "remove " + inQuotes(m_shown));
        return {};
    }
    const Frame& up = m_stack[m_stack.size() - 2];
    auto parent = openCheckedParent(m_cur.get(), up.dev, up.ino, shownPath({}), "removed", m_shown);
    if (!parent)
        return fail(parent.error());
    if (m_remove && ::unlinkat(parent->get(), name.c_str(), AT_REMOVEDIR) != 0)
        return failErrno(errno, "remove " + inQuotes(shownPath({})));
    m_stack.pop_back();
    m_cur = std::move(*parent);
    return {};
}

Status TreePass::run(const std::string& name)
{
    if (auto ok = enter(m_topParent, name); !ok)
        return ok;
    while (!m_stack.empty()) {
        Frame& top = m_stack.back();
        Status step;
        if (!top.subdirs.empty()) {
            const std::string next = std::move(top.subdirs.back());
            top.subdirs.pop_back();
            step = enter(m_cur.get(), next);
        } else {
            step = leave();
        }
        if (!step)
            return step;
    }
    return {};
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
    if (auto ok = TreePass(path.string(), parent.get(), false).run(name); !ok)
        return ok;
    return TreePass(path.string(), parent.get(), true).run(name);
}

} // namespace berth::fs
