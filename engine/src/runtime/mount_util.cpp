#include "runtime/mount_util.h"

#include "fs/safe_path.h"

#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>

namespace berth::runtime {

namespace {

constexpr unsigned long kRemountableFlags = MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC;

Result<UniqueFd> openTarget(int rootFd, std::string_view path)
{
    auto fd = fs::openInRoot(rootFd, path, O_PATH | O_CLOEXEC);
    if (!fd)
        return fail(fd.error().wrap("open mount target '" + std::string(path) + "'"));
    return fd;
}

} // namespace

std::string fdPath(int fd)
{
    return "/proc/self/fd/" + std::to_string(fd);
}

Status mountInRoot(int rootFd, std::string_view path, const char* source, const char* fstype, unsigned long flags,
                   const char* data)
{
    auto target = openTarget(rootFd, path);
    if (!target)
        return fail(target.error());
    if (::mount(source, fdPath(target->get()).c_str(), fstype, flags, data) != 0)
        return failErrno(errno, "mount " + std::string(fstype ? fstype : "") + " on '" + std::string(path) + "'");
    return {};
}

Status remountInRoot(int rootFd, std::string_view path, unsigned long flags)
{
    // A fresh lookup so the fd names the mount just made, not the one below it.
    auto target = openTarget(rootFd, path);
    if (!target)
        return fail(target.error());
    const unsigned long extra = flags & kRemountableFlags;
    if (::mount(nullptr, fdPath(target->get()).c_str(), nullptr, MS_REMOUNT | MS_BIND | extra, nullptr) != 0)
        return failErrno(errno, "remount '" + std::string(path) + "'");
    return {};
}

Status bindInRoot(int rootFd, std::string_view path, const std::string& source, bool recursive, unsigned long flags)
{
    auto target = openTarget(rootFd, path);
    if (!target)
        return fail(target.error());
    const unsigned long bind = MS_BIND | (recursive ? MS_REC : 0);
    if (::mount(source.c_str(), fdPath(target->get()).c_str(), nullptr, bind, nullptr) != 0)
        return failErrno(errno, "bind mount '" + source + "' on '" + std::string(path) + "'");
    if ((flags & kRemountableFlags) == 0)
        return {};
    return remountInRoot(rootFd, path, flags);
}

Status ensureDirInRoot(int rootFd, std::string_view path, unsigned mode)
{
    return fs::mkdirInRoot(rootFd, path, mode);
}

Status ensureFileInRoot(int rootFd, std::string_view path, unsigned mode)
{
    if (fs::openInRoot(rootFd, path, O_PATH | O_CLOEXEC))
        return {};
    auto created = fs::openInRoot(rootFd, path, O_WRONLY | O_CREAT | O_CLOEXEC, mode);
    if (!created)
        return fail(created.error().wrap("create '" + std::string(path) + "'"));
    return {};
}

} // namespace berth::runtime
