// The walk of shiftTree: through descriptors, one file system, each inode once.
#include "idmap/tree_shift.h"

#include "berth/unique_fd.h"
#include "fs/dir_list.h"

#include <array>
#include <set>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
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
Result<std::uint64_t> mountIdOf(int dirFd, const std::string& name, const fsys::path& where)
{
    struct statx stx {};
    const int flags = AT_SYMLINK_NOFOLLOW | (name.empty() ? AT_EMPTY_PATH : 0);
    if (::statx(dirFd, name.c_str(), flags, STATX_MNT_ID, &stx) != 0)
        return failErrno(errno, "stat " + where.string());
    if (!(stx.stx_mask & STATX_MNT_ID))
        return failWith(EOPNOTSUPP, "the kernel gives no mount ID for " + where.string());
    return stx.stx_mnt_id;
}

class Walk {
public:
    Walk(const IdShift& shift, std::uint64_t mount) : m_shift(shift), m_mount(mount) {}

    // An open regular file or directory: owner, mode bits chown clears, and
    // the xattrs with IDs (read before the chown, which drops capabilities).
    Status shiftOpen(int fd, const struct stat& st, const fsys::path& where)
    {
        std::array<std::optional<std::string>, kXattrs.size()> saved;
        for (std::size_t i = 0; i < kXattrs.size(); ++i) {
            auto value = readXattr(fd, kXattrs[i].name, where);
            if (!value)
                return fail(value.error());
            saved[i] = std::move(*value);
        }
        if (::fchown(fd, m_shift(IdKind::User, st.st_uid), m_shift(IdKind::Group, st.st_gid)) != 0)
            return failErrno(errno, "chown " + where.string());
        if ((st.st_mode & (S_ISUID | S_ISGID)) && ::fchmod(fd, st.st_mode & 07777) != 0)
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

    Status directory(int dirFd, const fsys::path& where)
    {
        auto names = fs::listDirectory(dirFd);
        if (!names)
            return fail(names.error().wrap("list " + where.string()));
        for (const std::string& name : *names)
            if (auto ok = entry(dirFd, name, where / name); !ok)
                return ok;
        return {};
    }

private:
    // Another link of an inode already shifted.
    bool seenBefore(const struct stat& st)
    {
        if (S_ISDIR(st.st_mode) || st.st_nlink < 2)
            return false;
        return !m_links.insert({st.st_dev, st.st_ino}).second;
    }

    Status entry(int dirFd, const std::string& name, const fsys::path& where)
    {
        struct stat st {};
        if (::fstatat(dirFd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0)
            return failErrno(errno, "stat " + where.string());
        auto mount = mountIdOf(dirFd, name, where);
        if (!mount)
            return fail(mount.error());
        if (*mount != m_mount || seenBefore(st))
            return {};
        if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode))
            return shiftNode(dirFd, name, st, where);
        const int flags =
            (S_ISDIR(st.st_mode) ? O_DIRECTORY : O_NONBLOCK | O_NOCTTY) | O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOATIME;
        UniqueFd fd(::openat(dirFd, name.c_str(), flags));
        if (!fd)
            return failErrno(errno, "open " + where.string());
        if (auto ok = shiftOpen(fd.get(), st, where); !ok)
            return ok;
        return S_ISDIR(st.st_mode) ? directory(fd.get(), where) : Status{};
    }

    // Symlinks, devices, fifos and sockets: owner only (and the rare setuid bit).
    Status shiftNode(int dirFd, const std::string& name, const struct stat& st, const fsys::path& where)
    {
        if (::fchownat(dirFd, name.c_str(), m_shift(IdKind::User, st.st_uid), m_shift(IdKind::Group, st.st_gid),
                       AT_SYMLINK_NOFOLLOW) != 0)
            return failErrno(errno, "chown " + where.string());
        if (!S_ISLNK(st.st_mode) && (st.st_mode & (S_ISUID | S_ISGID)) &&
            ::fchmodat(dirFd, name.c_str(), st.st_mode & 07777, 0) != 0)
            return failErrno(errno, "chmod " + where.string());
        return {};
    }

    const IdShift& m_shift;
    std::uint64_t m_mount;
    std::set<std::pair<dev_t, ino_t>> m_links;
};

} // namespace

Status shiftTree(const fsys::path& root, const IdShift& shift)
{
    UniqueFd fd(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    struct stat st {};
    if (!fd || ::fstat(fd.get(), &st) != 0)
        return failErrno(errno, "open " + root.string());
    auto mount = mountIdOf(fd.get(), "", root);
    if (!mount)
        return fail(mount.error());
    Walk walk(shift, *mount);
    if (auto ok = walk.shiftOpen(fd.get(), st, root); !ok)
        return ok;
    return walk.directory(fd.get(), root);
}

} // namespace berth::idmap
