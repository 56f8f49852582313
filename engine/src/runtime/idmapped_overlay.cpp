#include "runtime/idmapped_overlay.h"

#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

namespace berth::runtime {

namespace {

Status setString(int fsFd, const char* key, const std::string& value)
{
    if (::fsconfig(fsFd, FSCONFIG_SET_STRING, key, value.c_str(), 0) != 0)
        return failErrno(errno, std::string("overlay option ") + key + "=" + value);
    return {};
}

// The lower layer by its fd: "lowerdir+" takes one since Linux 6.13. Older
// kernels look the detached tree up through its /proc/self/fd link.
Status setLower(int fsFd, int lowerFd)
{
    if (::fsconfig(fsFd, FSCONFIG_SET_FD, "lowerdir+", nullptr, lowerFd) == 0)
        return {};
    return setString(fsFd, "lowerdir", "/proc/self/fd/" + std::to_string(lowerFd));
}

} // namespace

Status ownUpperByContainerRoot(const image::OverlayLayout& layout, const model::IdMap& map)
{
    const auto uid = map.toHost(model::IdKind::User, 0);
    const auto gid = map.toHost(model::IdKind::Group, 0);
    if (!uid || !gid)
        return failWith(EINVAL, "the ID map does not map root");
    struct stat st {};
    if (::lstat(layout.upper.c_str(), &st) != 0)
        return failErrno(errno, "stat " + layout.upper.string());
    if (st.st_uid == *uid && st.st_gid == *gid)
        return {};
    if (::lchown(layout.upper.c_str(), *uid, *gid) != 0)
        return failErrno(errno, "give the snapshot's upper layer to the container's root");
    return {};
}

Result<UniqueFd> overlayOfIdmappedLower(const image::OverlayLayout& layout, int lowerFd)
{
    UniqueFd fsFd(::fsopen("overlay", FSOPEN_CLOEXEC));
    if (!fsFd)
        return failErrno(errno, "open an overlay file system");
    if (auto lower = setLower(fsFd.get(), lowerFd); !lower)
        return fail(lower.error());
    if (auto upper = setString(fsFd.get(), "upperdir", layout.upper.string()); !upper)
        return fail(upper.error());
    if (auto work = setString(fsFd.get(), "workdir", layout.work.string()); !work)
        return fail(work.error());
    if (::fsconfig(fsFd.get(), FSCONFIG_CMD_CREATE, nullptr, nullptr, 0) != 0)
        return failErrno(errno, "create the snapshot's overlay on idmapped " + layout.lower.string());
    UniqueFd mount(::fsmount(fsFd.get(), FSMOUNT_CLOEXEC, MOUNT_ATTR_NODEV));
    if (!mount)
        return failErrno(errno, "mount the snapshot's overlay");
    return mount;
}

} // namespace berth::runtime
