#include "image/archive_metadata.h"

#include <archive.h>
#include <archive_entry.h>

#include <cerrno>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/xattr.h>

namespace berth::image {

namespace {

std::string quoted(std::string_view s)
{
    return "'" + std::string(s) + "'";
}

void entryTimes(archive_entry* entry, timespec times[2])
{
    times[0] = {0, UTIME_OMIT};
    if (archive_entry_atime_is_set(entry))
        times[0] = {archive_entry_atime(entry), archive_entry_atime_nsec(entry)};
    times[1] = {0, UTIME_OMIT};
    if (archive_entry_mtime_is_set(entry))
        times[1] = {archive_entry_mtime(entry), archive_entry_mtime_nsec(entry)};
}

// overlayfs reads its own xattrs on a lower layer (opaque, redirect,
// metacopy, origin): an archive must not set them, or a tree extracted once
// and used as a lower (image store layers, snapshot sources) would mean
// what the archive's author chose. The image store sets opaque itself.
bool isOverlayXattr(std::string_view name)
{
    return name.starts_with("trusted.overlay.") || name.starts_with("user.overlay.");
}

Status applyXattrs(int fd, archive_entry* entry, const std::string& shown)
{
    archive_entry_xattr_reset(entry);
    const char* name = nullptr;
    const void* value = nullptr;
    size_t size = 0;
    while (archive_entry_xattr_next(entry, &name, &value, &size) == ARCHIVE_OK) {
        if (isOverlayXattr(name))
            continue;
        // A filesystem without xattrs (or without this namespace) is not a
        // reason to refuse a whole root filesystem.
        if (::fsetxattr(fd, name, value, size, 0) != 0 && errno != EOPNOTSUPP)
            return failErrno(errno, "set xattr '" + std::string(name) + "' on " + quoted(shown));
    }
    return {};
}

} // namespace

Status applyFdMetadata(int fd, archive_entry* entry, bool owners, const std::string& shown)
{
    if (owners &&
        ::fchown(fd, static_cast<uid_t>(archive_entry_uid(entry)), static_cast<gid_t>(archive_entry_gid(entry))) != 0)
        return failErrno(errno, "chown " + quoted(shown));
    if (::fchmod(fd, archive_entry_perm(entry) & 07777) != 0)
        return failErrno(errno, "chmod " + quoted(shown));
    if (auto ok = applyXattrs(fd, entry, shown); !ok)
        return ok;
    timespec times[2];
    entryTimes(entry, times);
    if (::futimens(fd, times) != 0)
        return failErrno(errno, "set times of " + quoted(shown));
    return {};
}

Status applyAtMetadata(int dirFd, const std::string& name, archive_entry* entry, bool owners, const std::string& shown)
{
    if (owners && ::fchownat(dirFd, name.c_str(), static_cast<uid_t>(archive_entry_uid(entry)),
                             static_cast<gid_t>(archive_entry_gid(entry)), AT_SYMLINK_NOFOLLOW) != 0)
        return failErrno(errno, "chown " + quoted(shown));
    // The entry was just created by us as a node, not a symlink, so this
    // following chmod cannot be redirected.
    if (archive_entry_filetype(entry) != AE_IFLNK &&
        ::fchmodat(dirFd, name.c_str(), archive_entry_perm(entry) & 07777, 0) != 0)
        return failErrno(errno, "chmod " + quoted(shown));
    timespec times[2];
    entryTimes(entry, times);
    if (::utimensat(dirFd, name.c_str(), times, AT_SYMLINK_NOFOLLOW) != 0)
        return failErrno(errno, "set times of " + quoted(shown));
    return {};
}

} // namespace berth::image
