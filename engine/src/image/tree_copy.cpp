#include "image/tree_copy.h"
#include "fs/tree_walk.h"

#include "berth/unique_fd.h"
#include "image/copy_metadata.h"

#include <cerrno>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace berth::image {

namespace {

using detail::Node;

dev_t devOf(const struct statx& st)
{
    return makedev(st.stx_dev_major, st.stx_dev_minor);
}

std::string shownOf(std::string_view path)
{
    return path.empty() ? "." : std::string(path);
}

// A destination directory the copy is in, checked on the way back up.
struct DstFrame {
    dev_t dev = 0;
    ino_t ino = 0;
};

// The walk goes over the source; the copy keeps its destination directory
// in step: made and entered on enter, given its metadata and left on leave.
class TreeCopy : public fs::TreeVisitor {
public:
    explicit TreeCopy(int dstRoot) : m_dstRoot(dstRoot) {}

    Status enter(const fs::WalkDir& dir) override;
    Result<fs::Descend> entry(const fs::WalkEntry& e) override;
    Status leave(const fs::WalkDir& dir, int parentFd) override;

private:
    Status enterDst(int parentFd, const std::string& name, std::string_view shown);
    Status createEntry(const fs::WalkEntry& e, const std::string& name);
    Status copyRegular(const fs::WalkEntry& e, const std::string& name);
    Result<bool> linkToFirstCopy(const fs::WalkEntry& e, const std::string& name);
    [[nodiscard]] bool onOtherMount(const struct statx& st) const;

    int m_dstRoot;
    dev_t m_rootDev = 0;
    UniqueFd m_dst;
    std::vector<DstFrame> m_dstStack;
    std::map<std::pair<dev_t, ino_t>, std::string> m_firstCopies;
};

bool TreeCopy::onOtherMount(const struct statx& st) const
{
    return devOf(st) != m_rootDev || (st.stx_attributes & STATX_ATTR_MOUNT_ROOT);
}

// Later links of an inode become hard links to its first copy.
Result<bool> TreeCopy::linkToFirstCopy(const fs::WalkEntry& e, const std::string& name)
{
    if (e.st.stx_nlink < 2)
        return false;
    const auto key = std::pair{devOf(e.st), static_cast<ino_t>(e.st.stx_ino)};
    const auto it = m_firstCopies.find(key);
    if (it == m_firstCopies.end()) {
        m_firstCopies.emplace(key, std::string(e.path));
        return false;
    }
    if (::linkat(m_dstRoot, it->second.c_str(), m_dst.get(), name.c_str(), 0) != 0)
        return failErrno(errno, "link " + fs::inQuotes(e.path) + " to " + fs::inQuotes(it->second));
    return true;
}

Status TreeCopy::copyRegular(const fs::WalkEntry& e, const std::string& name)
{
    const std::string shown(e.path);
    UniqueFd in(::openat(e.dirFd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC));
    struct stat now {};
    if (!in || ::fstat(in.get(), &now) != 0)
        return failErrno(errno, "open " + fs::inQuotes(shown));
    if (now.st_ino != e.st.stx_ino || now.st_dev != devOf(e.st))
        return failWith(ESTALE, fs::inQuotes(shown) + " was replaced while it was being copied", shown);
    UniqueFd out(::openat(m_dst.get(), name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (!out)
        return failErrno(errno, "create the copy of " + fs::inQuotes(shown));
    return detail::copyFileData(in.get(), out.get(), shown);
}

Status TreeCopy::createEntry(const fs::WalkEntry& e, const std::string& name)
{
    const mode_t type = e.st.stx_mode & S_IFMT;
    int rc = 0;
    if (type == S_IFREG)
        return copyRegular(e, name);
    if (type == S_IFDIR) {
        rc = ::mkdirat(m_dst.get(), name.c_str(), 0700);
    } else if (type == S_IFLNK) {
        std::string target(static_cast<size_t>(e.st.stx_size) + 1, '\0');
        const ssize_t n = ::readlinkat(e.dirFd, name.c_str(), target.data(), target.size());
        if (n < 0 || static_cast<size_t>(n) >= target.size())
            return failErrno(n < 0 ? errno : ESTALE, "read symlink " + fs::inQuotes(e.path));
        target.resize(static_cast<size_t>(n));
        rc = ::symlinkat(target.c_str(), m_dst.get(), name.c_str());
    } else {
        rc = ::mknodat(m_dst.get(), name.c_str(), type | 0600, makedev(e.st.stx_rdev_major, e.st.stx_rdev_minor));
    }
    if (rc != 0)
        return failErrno(errno, "create the copy of " + fs::inQuotes(e.path));
    return {};
}

Result<fs::Descend> TreeCopy::entry(const fs::WalkEntry& e)
{
    const mode_t type = e.st.stx_mode & S_IFMT;
    if (type == S_IFSOCK || (type != S_IFDIR && onOtherMount(e.st)))
        return fs::Descend::No;
    if (type == S_IFDIR && !onOtherMount(e.st))
        return fs::Descend::Yes;
    const std::string name(e.name);
    if (type != S_IFDIR) {
        auto linked = linkToFirstCopy(e, name);
        if (!linked)
            return std::unexpected(linked.error());
        if (*linked)
            return fs::Descend::No;
    }
    // A mount point becomes an empty directory with what we see of it.
    if (auto ok = createEntry(e, name); !ok)
        return std::unexpected(ok.error());
    if (auto ok = detail::copyMetadata({e.dirFd, name}, {m_dst.get(), name}, e.st, e.path); !ok)
        return std::unexpected(ok.error());
    return fs::Descend::No;
}

Status TreeCopy::enterDst(int parentFd, const std::string& name, std::string_view shown)
{
    if (!name.empty() && ::mkdirat(parentFd, name.c_str(), 0700) != 0)
        return failErrno(errno, "create the copy of " + fs::inQuotes(shown));
    UniqueFd dst(
        ::openat(parentFd, name.empty() ? "." : name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    struct stat st {};
    if (!dst || ::fstat(dst.get(), &st) != 0)
        return failErrno(errno, name.empty() ? std::string("open the destination root")
                                             : "open the copy of " + fs::inQuotes(shown));
    m_dstStack.push_back({st.st_dev, st.st_ino});
    m_dst = std::move(dst);
    return {};
}

Status TreeCopy::enter(const fs::WalkDir& dir)
{
    if (dir.path.empty()) {
        m_rootDev = devOf(dir.st);
        return enterDst(m_dstRoot, {}, ".");
    }
    if (onOtherMount(dir.st))
        return failWith(ESTALE, fs::inQuotes(dir.path) + " was replaced while it was being copied",
                        std::string(dir.path));
    return enterDst(m_dst.get(), std::string(dir.name), dir.path);
}

// A directory's metadata goes on last: creating its entries changed its
// mtime, and its mode may forbid writing into it. Then up to the parent's
// copy through "..", checked so that a directory moved meanwhile cannot
// lead the copy elsewhere.
Status TreeCopy::leave(const fs::WalkDir& dir, int /*parentFd*/)
{
    const std::string shown = shownOf(dir.path);
    if (auto ok = detail::copyMetadata({dir.fd, {}}, {m_dst.get(), {}}, dir.st, shown); !ok)
        return ok;
    m_dstStack.pop_back();
    if (m_dstStack.empty()) {
        m_dst.reset();
        return {};
    }
    UniqueFd parent(::openat(m_dst.get(), "..", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    struct stat st {};
    if (!parent || ::fstat(parent.get(), &st) != 0)
        return failErrno(errno, "open the parent of " + fs::inQuotes("copy of " + shown));
    if (st.st_dev != m_dstStack.back().dev || st.st_ino != m_dstStack.back().ino)
        return failWith(ESTALE, fs::inQuotes("copy of " + shown) + " was moved while it was being copied", shown);
    m_dst = std::move(parent);
    return {};
}

} // namespace

Status copyTree(int sourceRootFd, int destRootFd)
{
    TreeCopy copy(destRootFd);
    return fs::walkTree(sourceRootFd, copy);
}

} // namespace berth::image
