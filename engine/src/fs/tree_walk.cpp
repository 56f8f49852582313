#include "fs/tree_walk.h"
#include "fs/dir_list.h"

#include <algorithm>
#include <cerrno>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace berth::fs {

namespace {

constexpr unsigned kStatMask = STATX_BASIC_STATS | STATX_MNT_ID;

struct Subdir {
    std::string name;
    struct statx st {};
};

struct Frame {
    std::string name; // in its parent; empty for the root
    std::string path; // from the root; empty for the root
    struct statx st {};
    std::vector<Subdir> subdirs; // still to enter
};

bool sameInode(const struct statx& a, const struct statx& b)
{
    return a.stx_ino == b.stx_ino && a.stx_dev_major == b.stx_dev_major && a.stx_dev_minor == b.stx_dev_minor;
}

std::string joined(std::string_view path, std::string_view name)
{
    return path.empty() ? std::string(name) : std::string(path) + "/" + std::string(name);
}

class Walk {
public:
    Walk(TreeVisitor& visitor, std::string_view shownRoot) : m_visitor(visitor), m_shownRoot(shownRoot) {}
    Status run(int rootFd);

private:
    Status enterDir(UniqueFd fd, std::string name, std::string path, const struct statx& st);
    Status listEntries();
    Status enterNext(Subdir next);
    Status leaveDir();
    [[nodiscard]] std::string shown(std::string_view path) const;
    [[nodiscard]] std::string unquoted(std::string_view path) const;

    TreeVisitor& m_visitor;
    std::string m_shownRoot;
    UniqueFd m_cur;
    std::vector<Frame> m_stack;
};

// A path from the root as errors show it: under the name the caller gave.
std::string Walk::shown(std::string_view path) const
{
    if (m_shownRoot.empty())
        return inQuotes(path.empty() ? "." : path);
    return inQuotes(path.empty() ? m_shownRoot : m_shownRoot + "/" + std::string(path));
}

std::string Walk::unquoted(std::string_view path) const
{
    const std::string quoted = shown(path);
    return quoted.substr(1, quoted.size() - 2);
}

Status Walk::enterDir(UniqueFd fd, std::string name, std::string path, const struct statx& st)
{
    m_cur = std::move(fd);
    m_stack.push_back({std::move(name), std::move(path), st, {}});
    const Frame& top = m_stack.back();
    if (auto ok = m_visitor.enter({m_cur.get(), top.name, top.st, top.path}); !ok)
        return ok;
    return listEntries();
}

Status Walk::listEntries()
{
    Frame& top = m_stack.back();
    auto names = listDirectory(m_cur.get());
    if (!names)
        return fail(names.error().wrap(shown(top.path)));
    std::ranges::sort(*names);
    for (const std::string& name : *names) {
        const std::string path = joined(top.path, name);
        struct statx st {};
        if (::statx(m_cur.get(), name.c_str(), AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT, kStatMask, &st) != 0) {
            if (errno == ENOENT)
                continue; // removed since it was listed
            return failErrno(errno, "stat " + shown(path));
        }
        auto descend = m_visitor.entry({m_cur.get(), name, st, path});
        if (!descend)
            return std::unexpected(descend.error());
        if (*descend == Descend::Yes && S_ISDIR(st.stx_mode))
            top.subdirs.push_back({name, st});
    }
    // Taken from the back: the first listed is entered first.
    std::ranges::reverse(top.subdirs);
    return {};
}

Status Walk::enterNext(Subdir next)
{
    const std::string path = joined(m_stack.back().path, next.name);
    auto fd = m_visitor.openSubdir(m_cur.get(), next.name, unquoted(path));
    if (!fd)
        return std::unexpected(fd.error());
    if (!*fd)
        return {}; // gone, as the visitor allows
    struct statx st {};
    if (::statx(fd->get(), "", AT_EMPTY_PATH, kStatMask, &st) != 0)
        return failErrno(errno, "stat " + shown(path));
    if (!sameInode(st, next.st))
        return failWith(ESTALE, shown(path) + " was replaced while the tree was walked", path);
    return enterDir(std::move(*fd), std::move(next.name), path, st);
}

// Back to the parent through "..", checked against the inode we came from,
// so a directory moved meanwhile cannot lead the walk elsewhere.
Status Walk::leaveDir()
{
    const Frame& top = m_stack.back();
    if (m_stack.size() == 1) {
        auto ok = m_visitor.leave({m_cur.get(), top.name, top.st, top.path}, -1);
        m_stack.pop_back();
        m_cur.reset();
        return ok;
    }
    UniqueFd parent(::openat(m_cur.get(), "..", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    struct statx st {};
    if (!parent || ::statx(parent.get(), "", AT_EMPTY_PATH, kStatMask, &st) != 0)
        return failErrno(errno, "open the parent of " + shown(top.path));
    if (!sameInode(st, m_stack[m_stack.size() - 2].st))
        return failWith(ESTALE, shown(top.path) + " was moved while the tree was walked", top.path);
    if (auto ok = m_visitor.leave({m_cur.get(), top.name, top.st, top.path}, parent.get()); !ok)
        return ok;
    m_stack.pop_back();
    m_cur = std::move(parent);
    return {};
}

Status Walk::run(int rootFd)
{
    UniqueFd root(::openat(rootFd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    struct statx st {};
    if (!root || ::statx(root.get(), "", AT_EMPTY_PATH, kStatMask, &st) != 0)
        return failErrno(errno, "open the root of the tree");
    if (auto ok = enterDir(std::move(root), {}, {}, st); !ok)
        return ok;
    while (!m_stack.empty()) {
        Frame& top = m_stack.back();
        Status step;
        if (!top.subdirs.empty()) {
            Subdir next = std::move(top.subdirs.back());
            top.subdirs.pop_back();
            step = enterNext(std::move(next));
        } else {
            step = leaveDir();
        }
        if (!step)
            return step;
    }
    return {};
}

} // namespace

Result<UniqueFd> TreeVisitor::openSubdir(int parentFd, const std::string& name, std::string_view shown)
{
    UniqueFd fd(::openat(parentFd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!fd)
        return failErrno(errno, "open " + inQuotes(shown));
    return fd;
}

Status walkTree(int rootFd, TreeVisitor& visitor, std::string_view shownRoot)
{
    return Walk(visitor, shownRoot).run(rootFd);
}

std::string inQuotes(std::string_view text)
{
    return "'" + std::string(text) + "'";
}

} // namespace berth::fs
