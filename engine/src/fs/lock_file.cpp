#include "fs/lock_file.h"

#include <cerrno>
#include <string>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>

namespace berth::fs {

namespace {

// True when `fd` is still the file linked at `name`.
bool stillLinked(int dirFd, const std::string& name, int fd)
{
    struct stat held {
    }, linked{};
    if (::fstat(fd, &held) != 0 || ::fstatat(dirFd, name.c_str(), &linked, AT_SYMLINK_NOFOLLOW) != 0)
        return false;
    return held.st_dev == linked.st_dev && held.st_ino == linked.st_ino;
}

} // namespace

Result<UniqueFd> lockFileAt(int dirFd, std::string_view name, bool wait)
{
    const std::string file(name);
    // Each retry means another holder unlinked the file between our open
    // and our flock; a few rounds are plenty unless something is broken.
    for (int attempt = 0; attempt < 64; ++attempt) {
        UniqueFd fd(::openat(dirFd, file.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600));
        if (!fd)
            return failErrno(errno, "open lock file '" + file + "'");
        int rc;
        do
            rc = ::flock(fd.get(), LOCK_EX | (wait ? 0 : LOCK_NB));
        while (rc != 0 && errno == EINTR);
        if (rc != 0)
            return failErrno(errno, "lock '" + file + "'");
        if (stillLinked(dirFd, file, fd.get()))
            return fd;
    }
    return failWith(EAGAIN, "lock '" + file + "': the lock file keeps being replaced");
}

} // namespace berth::fs
