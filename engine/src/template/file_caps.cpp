#include "template/file_caps.h"

#include "berth/unique_fd.h"
#include "fs/dir_list.h"

#include <cstring>

#include <endian.h>

#include <fcntl.h>
#include <linux/capability.h>
#include <sys/stat.h>
#include <sys/xattr.h>

namespace berth::templates {

namespace fsys = std::filesystem;

namespace {

constexpr const char* kCapability = "security.capability";

// Rewrites one file's set; true when it keeps one.
Result<bool> normalizeFile(int fd, const std::string& where)
{
    vfs_ns_cap_data data{};
    const ssize_t size = ::fgetxattr(fd, kCapability, &data, sizeof(data));
    if (size < 0 && (errno == ENODATA || errno == ENOTSUP))
        return false;
    const bool revision2 = size == static_cast<ssize_t>(XATTR_CAPS_SZ_2) &&
                           (le32toh(data.magic_etc) & VFS_CAP_REVISION_MASK) == VFS_CAP_REVISION_2;
    if (revision2) {
        if (::fsetxattr(fd, kCapability, &data, XATTR_CAPS_SZ_2, 0) != 0)
            return failErrno(errno, "write the capabilities of " + where);
        return true;
    }
    if (size < 0 && errno != EOVERFLOW)
        return failErrno(errno, "read the capabilities of " + where);
    if (::fremovexattr(fd, kCapability) != 0)
        return failErrno(errno, "remove the foreign capabilities of " + where);
    return false;
}

Result<int> normalizeDirectory(int dirFd, const fsys::path& where, dev_t device)
{
    auto names = fs::listDirectory(dirFd);
    if (!names)
        return fail(names.error().wrap("list " + where.string()));
    int kept = 0;
    for (const std::string& name : *names) {
        struct stat st {};
        if (::fstatat(dirFd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0)
            return failErrno(errno, "stat " + (where / name).string());
        if (st.st_dev != device || !(S_ISDIR(st.st_mode) || S_ISREG(st.st_mode)))
            continue;
        const int flags =
            (S_ISDIR(st.st_mode) ? O_DIRECTORY : O_NONBLOCK | O_NOCTTY) | O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOATIME;
        UniqueFd fd(::openat(dirFd, name.c_str(), flags));
        if (!fd)
            return failErrno(errno, "open " + (where / name).string());
        if (S_ISDIR(st.st_mode)) {
            auto below = normalizeDirectory(fd.get(), where / name, device);
            if (!below)
                return below;
            kept += *below;
            continue;
        }
        auto keeps = normalizeFile(fd.get(), (where / name).string());
        if (!keeps)
            return fail(keeps.error());
        kept += *keeps ? 1 : 0;
    }
    return kept;
}

} // namespace

Result<int> normalizeFileCapabilities(const fsys::path& root)
{
    UniqueFd fd(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    struct stat st {};
    if (!fd || ::fstat(fd.get(), &st) != 0)
        return failErrno(errno, "open " + root.string());
    return normalizeDirectory(fd.get(), root, st.st_dev);
}

} // namespace berth::templates
