#include "image/tree_copy.h"
#include "fs/dir_list.h"

#include "berth/unique_fd.h"
#include "image/copy_metadata.h"

#include <cerrno>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace berth::image {

namespace {

using detail::Node;

std::string inQuotes(std::string_view s)
{
    return "'" + std::string(s) + "'";
}

dev_t devOf(const struct statx& st)
{
    return makedev(st.stx_dev_major, st.stx_dev_minor);
}

struct Subdir {
    std::string name;
    struct statx st {};
};

struct Frame {
    std::string name;    // in its parent; empty for the root
    struct statx src {}; // taken before its entries were read
    dev_t dstDev = 0;
    ino_t dstIno = 0;
    std::vector<Subdir> subdirs; // still to copy
};

class TreeCopy {
public:
    TreeCopy(int srcRoot, int dstRoot) : m_srcRoot(srcRoot), m_dstRoot(dstRoot) {}
    Status run();

private:
    Status begin();
    Status enter(const std::string& name, const struct statx& expected);
    Status leave();
    Status copyEntries();
    Status copyEntry(const std::string& name, const struct statx& st);
    Status createEntry(const std::string& name, const struct statx& st);
    Status copyRegular(const std::string& name, const struct statx& st);
    Result<bool> linkToFirstCopy(const std::string& name, const struct statx& st);
    Result<std::vector<std::string>> listNames();
    [[nodiscard]] std::string relPath(std::string_view name) const;
    [[nodiscard]] bool onOtherMount(const struct statx& st) const;

    int m_srcRoot;
    int m_dstRoot;
    dev_t m_rootDev = 0;
    UniqueFd m_src;
    UniqueFd m_dst;
    std::vector<Frame> m_stack;
    std::map<std::pair<dev_t, ino_t>, std::string> m_firstCopies;
};

std::string TreeCopy::relPath(std::string_view name) const
{
    std::string path;
    for (size_t i = 1; i < m_stack.size(); ++i)
        path += m_stack[i].name + "/";
    path += name;
    return path.empty() ? "." : path;
}

bool TreeCopy::onOtherMount(const struct statx& st) const
{
    return devOf(st) != m_rootDev || (st.stx_attributes & STATX_ATTR_MOUNT_ROOT);
}

Result<std::vector<std::string>> TreeCopy::listNames()
{
    auto names = fs::listDirectory(m_src.get());
    if (!names)
        return fail(names.error().wrap(inQuotes(relPath({}))));
    return names;
}

Status TreeCopy::copyEntries()
{
    auto names = listNames();
    if (!names)
        return std::unexpected(names.error());
    for (const std::string& name : *names) {
        struct statx st {};
        if (::statx(m_src.get(), name.c_str(), AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT, STATX_BASIC_STATS, &st) != 0) {
            if (errno == ENOENT)
                continue; // removed since we listed it
            return failErrno(errno, "stat " + inQuotes(relPath(name)));
        }
        if (auto ok = copyEntry(name, st); !ok)
            return ok;
    }
    return {};
}

// Later links of an inode become hard links to its first copy.
Result<bool> TreeCopy::linkToFirstCopy(const std::string& name, const struct statx& st)
{
    if (st.stx_nlink < 2)
        return false;
    const auto key = std::pair{devOf(st), static_cast<ino_t>(st.stx_ino)};
    const auto it = m_firstCopies.find(key);
    if (it == m_firstCopies.end()) {
        m_firstCopies.emplace(key, relPath(name));
        return false;
    }
    if (::linkat(m_dstRoot, it->second.c_str(), m_dst.get(), name.c_str(), 0) != 0)
        return failErrno(errno, "link " + inQuotes(relPath(name)) + " to " + inQuotes(it->second));
    return true;
}

Status TreeCopy::copyRegular(const std::string& name, const struct statx& st)
{
    const std::string shown = relPath(name);
    UniqueFd in(::openat(m_src.get(), name.c_str(), O_RDONLY | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC));
    struct stat now {};
    if (!in || ::fstat(in.get(), &now) != 0)
        return failErrno(errno, "open " + inQuotes(shown));
    if (now.st_ino != st.stx_ino || now.st_dev != devOf(st))
        return failWith(ESTALE, inQuotes(shown) + " was replaced while it was being copied", shown);
    UniqueFd out(::openat(m_dst.get(), name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (!out)
        return failErrno(errno, "create the copy of " + inQuotes(shown));
    return detail::copyFileData(in.get(), out.get(), shown);
}

Status TreeCopy::createEntry(const std::string& name, const struct statx& st)
{
    const mode_t type = st.stx_mode & S_IFMT;
    int rc = 0;
    if (type == S_IFREG)
        return copyRegular(name, st);
    if (type == S_IFDIR) {
        rc = ::mkdirat(m_dst.get(), name.c_str(), 0700);
    } else if (type == S_IFLNK) {
        std::string target(static_cast<size_t>(st.stx_size) + 1, '\0');
        const ssize_t n = ::readlinkat(m_src.get(), name.c_str(), target.data(), target.size());
        if (n < 0 || static_cast<size_t>(n) >= target.size())
            return failErrno(n < 0 ? errno : ESTALE, "read symlink " + inQuotes(relPath(name)));
        target.resize(static_cast<size_t>(n));
        rc = ::symlinkat(target.c_str(), m_dst.get(), name.c_str());
    } else {
        rc = ::mknodat(m_dst.get(), name.c_str(), type | 0600, makedev(st.stx_rdev_major, st.stx_rdev_minor));
    }
    if (rc != 0)
        return failErrno(errno, "create the copy of " + inQuotes(relPath(name)));
    return {};
}

Status TreeCopy::copyEntry(const std::string& name, const struct statx& st)
{
    const mode_t type = st.stx_mode & S_IFMT;
    if (type == S_IFSOCK || (type != S_IFDIR && onOtherMount(st)))
        return {};
    if (type == S_IFDIR && !onOtherMount(st)) {
        m_stack.back().subdirs.push_back({name, st});
        return {};
    }
    if (type != S_IFDIR) {
        auto linked = linkToFirstCopy(name, st);
        if (!linked || *linked)
            return linked ? Status{} : std::unexpected(linked.error());
    }
    // A mount point becomes an empty directory with what we see of it.
    if (auto ok = createEntry(name, st); !ok)
        return ok;
    return detail::copyMetadata({m_src.get(), name}, {m_dst.get(), name}, st, relPath(name));
}

Status TreeCopy::enter(const std::string& name, const struct statx& expected)
{
    const std::string shown = relPath(name);
    UniqueFd src(::openat(m_src.get(), name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    struct statx st {};
    if (!src || ::statx(src.get(), "", AT_EMPTY_PATH, STATX_BASIC_STATS, &st) != 0)
        return failErrno(errno, "open " + inQuotes(shown));
    if (st.stx_ino != expected.stx_ino || devOf(st) != devOf(expected) || onOtherMount(st))
        return failWith(ESTALE, inQuotes(shown) + " was replaced while it was being copied", shown);
    if (::mkdirat(m_dst.get(), name.c_str(), 0700) != 0)
        return failErrno(errno, "create the copy of " + inQuotes(shown));
    UniqueFd dst(::openat(m_dst.get(), name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    struct stat dstSt {};
    if (!dst || ::fstat(dst.get(), &dstSt) != 0)
        return failErrno(errno, "open the copy of " + inQuotes(shown));
    m_stack.push_back({name, st, dstSt.st_dev, dstSt.st_ino, {}});
    m_src = std::move(src);
    m_dst = std::move(dst);
    return copyEntries();
}

// A directory's metadata goes on last: creating its entries changed its
// mtime, and its mode may forbid writing into it.
Status TreeCopy::leave()
{
    const Frame& top = m_stack.back();
    const std::string shown = relPath({});
    if (auto ok = detail::copyMetadata({m_src.get(), {}}, {m_dst.get(), {}}, top.src, shown); !ok)
        return ok;
    if (m_stack.size() == 1) {
        m_stack.pop_back();
        return {};
    }
    const Frame& up = m_stack[m_stack.size() - 2];
    auto src =
        fs::openCheckedParent(m_src.get(), devOf(up.src), static_cast<ino_t>(up.src.stx_ino), shown, "copied", shown);
    if (!src)
        return std::unexpected(src.error());
    auto dst =
        fs::openCheckedParent(m_dst.get(), up.dstDev, up.dstIno, "copy of " + shown, "copied", "copy of " + shown);
    if (!dst)
        return std::unexpected(dst.error());
    m_src = std::move(*src);
    m_dst = std::move(*dst);
    m_stack.pop_back();
    return {};
}

Status TreeCopy::begin()
{
    m_src.reset(::openat(m_srcRoot, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    struct statx st {};
    if (!m_src || ::statx(m_src.get(), "", AT_EMPTY_PATH, STATX_BASIC_STATS, &st) != 0)
        return failErrno(errno, "open the source root");
    m_rootDev = devOf(st);
    m_dst.reset(::openat(m_dstRoot, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    struct stat dstSt {};
    if (!m_dst || ::fstat(m_dst.get(), &dstSt) != 0)
        return failErrno(errno, "open the destination root");
    m_stack.push_back({{}, st, dstSt.st_dev, dstSt.st_ino, {}});
    return copyEntries();
}

Status TreeCopy::run()
{
    if (auto ok = begin(); !ok)
        return ok;
    while (!m_stack.empty()) {
        Frame& top = m_stack.back();
        Status step;
        if (!top.subdirs.empty()) {
            const Subdir next = std::move(top.subdirs.back());
            top.subdirs.pop_back();
            step = enter(next.name, next.st);
        } else {
            step = leave();
        }
        if (!step)
            return step;
    }
    return {};
}

} // namespace

Status copyTree(int sourceRootFd, int destRootFd)
{
    return TreeCopy(sourceRootFd, destRootFd).run();
}

} // namespace berth::image
