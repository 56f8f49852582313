// The walk of shiftTree: through descriptors, one file system, each inode once.
#include "idmap/tree_shift.h"

#include "berth/unique_fd.h"
#include "fs/tree_walk.h"

#include <array>
#include <set>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

namespace berth::idmap {

namespace fsys = std::filesystem;

namespace {

using model::IdKind;

struct XattrShift {
    const char* name;
    std::optional<std::string> (*shift)(std::string_view, const IdShift&);
};

constexpr std::array kXattrs = {
    XattrShift{"system.posix_acl_access", shiftedAcl},
    XattrShift{"system.posix_acl_default", shiftedAcl},
    XattrShift{"security.capability", shiftedCapability},
};

Result<std::optional<std::string>> readXattr(int fd, const char* name, const fsys::path& where)
{
    std::string value(256, '\0');
    ssize_t size = ::fgetxattr(fd, name, value.data(), value.size());
    if (size < 0 && errno == ERANGE) {
        size = ::fgetxattr(fd, name, nullptr, 0);
        if (size >= 0) {
            value.resize(static_cast<std::size_t>(size));
            size = ::fgetxattr(fd, name, value.data(), value.size());
        }
    }
    if (size < 0 && (errno == ENODATA || errno == ENOTSUP))
        return std::optional<std::string>{};
    if (size < 0)
        return failErrno(errno, std::string("read ") + name + " of " + where.string());
    value.resize(static_cast<std::size_t>(size));
    return std::optional<std::string>(std::move(value));
}

// The mount an entry is on: what keeps the walk on one mount. Not st_dev,
// which on an overlay over two file systems is the layer's for files and
// the overlay's for directories.
Result<std::uint64_t> mountIdOf(const struct statx& st, const fsys::path& where)
{
    if (!(st.stx_mask & STATX_MNT_ID))
        return failWith(EOPNOTSUPP, "the kernel gives no mount ID for " + where.string());
    return st.stx_mnt_id;
}

class Walk : public fs::TreeVisitor {
public:
    Walk(const IdShift& shift, fsys::path root) : m_shift(shift), m_root(std::move(root)) {}

    // The root and every directory on its mount, as the walk enters it.
    Status enter(const fs::WalkDir& dir) override
    {
        const fsys::path where = whereOf(dir.path);
        if (dir.path.empty()) {
            auto mount = mountIdOf(dir.st, where);
            if (!mount)
                return fail(mount.error());
            m_mount = *mount;
        }
        return shiftOpen(dir.fd, dir.st, where);
    }

    Result<fs::Descend> entry(const fs::WalkEntry& e) override
    {
        const fsys::path where = whereOf(e.path);
        auto mount = mountIdOf(e.st, where);
        if (!mount)
            return fail(mount.error());
        if (*mount != m_mount || seenBefore(e.st))
            return fs::Descend::No;
        if (S_ISDIR(e.st.stx_mode))
            return fs::Descend::Yes;
        const std::string name(e.name);
        if (!S_ISREG(e.st.stx_mode))
            return shiftNode(e.dirFd, name, e.st, where);
        UniqueFd fd(
            ::openat(e.dirFd, name.c_str(), O_NONBLOCK | O_NOCTTY | O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOATIME));
        if (!fd)
            return failErrno(errno, "open " + where.string());
        if (auto ok = shiftOpen(fd.get(), e.st, where); !ok)
            return std::unexpected(ok.error());
        return fs::Descend::No;
    }

private:
    [[nodiscard]] fsys::path whereOf(std::string_view path) const { return path.empty() ? m_root : m_root / path; }

    // An open regular file or directory: owner, mode bits chown clears, and
    // the xattrs with IDs (read before the chown, which drops capabilities).
    Status shiftOpen(int fd, const struct statx& st, const fsys::path& where)
    {
        std::array<std::optional<std::string>, kXattrs.size()> saved;
        for (std::size_t i = 0; i < kXattrs.size(); ++i) {
            auto value = readXattr(fd, kXattrs[i].name, where);
            if (!value)
                return fail(value.error());
            saved[i] = std::move(*value);
        }
        if (::fchown(fd, m_shift(IdKind::User, st.stx_uid), m_shift(IdKind::Group, st.stx_gid)) != 0)
            return failErrno(errno, "chown " + where.string());
        if ((st.stx_mode & (S_ISUID | S_ISGID)) && ::fchmod(fd, st.stx_mode & 07777) != 0)
            return failErrno(errno, "chmod " + where.string());
        for (std::size_t i = 0; i < kXattrs.size(); ++i) {
            if (!saved[i])
                continue;
            const auto shifted = kXattrs[i].shift(*saved[i], m_shift);
            if (shifted && ::fsetxattr(fd, kXattrs[i].name, shifted->data(), shifted->size(), 0) != 0)
                return failErrno(errno, std::string("write ") + kXattrs[i].name + " of " + where.string());
        }
        return {};
    }

    // Another link of an inode already shifted.
    bool seenBefore(const struct statx& st)
    {
        if (S_ISDIR(st.stx_mode) || st.stx_nlink < 2)
            return false;
        return !m_links.insert({makedev(st.stx_dev_major, st.stx_dev_minor), st.stx_ino}).second;
    }

    // Symlinks, devices, fifos and sockets: owner only (and the rare setuid bit).
    Result<fs::Descend> shiftNode(int dirFd, const std::string& name, const struct statx& st, const fsys::path& where)
    {
        if (::fchownat(dirFd, name.c_str(), m_shift(IdKind::User, st.stx_uid), m_shift(IdKind::Group, st.stx_gid),
                       AT_SYMLINK_NOFOLLOW) != 0)
            return failErrno(errno, "chown " + where.string());
        if (!S_ISLNK(st.stx_mode) && (st.stx_mode & (S_ISUID | S_ISGID)) &&
            ::fchmodat(dirFd, name.c_str(), st.stx_mode & 07777, 0) != 0)
            return failErrno(errno, "chmod " + where.string());
        return fs::Descend::No;
    }

    const IdShift& m_shift;
    fsys::path m_root;
    std::uint64_t m_mount = 0;
    std::set<std::pair<dev_t, std::uint64_t>> m_links;
};

} // namespace

Status shiftTree(const fsys::path& root, const IdShift& shift)
{
    UniqueFd fd(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!fd)
        return failErrno(errno, "open " + root.string());
    Walk walk(shift, root);
    return fs::walkTree(fd.get(), walk, root.string());
}

} // namespace berth::idmap
