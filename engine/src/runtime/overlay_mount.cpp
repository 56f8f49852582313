#include "runtime/overlay_mount.h"

#include <fcntl.h>
#include <sys/mount.h>
#include <unistd.h>

namespace berth::runtime {

namespace {

Status setString(int fsFd, const char* key, const std::string& value)
{
    if (::fsconfig(fsFd, FSCONFIG_SET_STRING, key, value.c_str(), 0) != 0)
        return failErrno(errno, std::string("overlay option ") + key + "=" + value);
    return {};
}

// A lower tree by its fd: "lowerdir+" takes one since Linux 6.13; before,
// the detached tree is looked up through its /proc/self/fd link.
std::string fdPath(int fd)
{
    return "/proc/self/fd/" + std::to_string(fd);
}

Status appendLower(int fsFd, const image::OverlayLayout& layout, std::span<const int> lowerFds, std::size_t i)
{
    if (lowerFds.empty())
        return setString(fsFd, "lowerdir+", layout.lowers[i].native());
    if (::fsconfig(fsFd, FSCONFIG_SET_FD, "lowerdir+", nullptr, lowerFds[i]) == 0)
        return {};
    return setString(fsFd, "lowerdir+", fdPath(lowerFds[i]));
}

// Every lower with "lowerdir+"; EINVAL on the first one means a kernel
// before 6.8 that knows only "lowerdir".
Result<bool> appendLowers(int fsFd, const image::OverlayLayout& layout, std::span<const int> lowerFds)
{
    for (std::size_t i = 0; i < layout.lowers.size(); ++i)
        if (auto ok = appendLower(fsFd, layout, lowerFds, i); !ok) {
            if (i == 0 && ok.error().code == EINVAL)
                return false;
            return fail(ok.error());
        }
    return true;
}

// The lowers as one "lowerdir" string, topmost first.
std::string lowerdirString(const image::OverlayLayout& layout, std::span<const int> lowerFds)
{
    std::string value;
    for (std::size_t i = 0; i < layout.lowers.size(); ++i)
        value += (i == 0 ? "" : ":") + (lowerFds.empty() ? layout.lowers[i].native() : fdPath(lowerFds[i]));
    return value;
}

Result<UniqueFd> openOverlay()
{
    UniqueFd fsFd(::fsopen("overlay", FSOPEN_CLOEXEC));
    if (!fsFd)
        return failErrno(errno, "open an overlay file system");
    return fsFd;
}

// A fresh context for the fallback: the refused "lowerdir+" is not left in one.
Result<UniqueFd> configuredOverlay(const image::OverlayLayout& layout, std::span<const int> lowerFds)
{
    auto fsFd = openOverlay();
    if (!fsFd)
        return fsFd;
    auto appended = appendLowers(fsFd->get(), layout, lowerFds);
    if (!appended)
        return fail(appended.error());
    if (!*appended) {
        fsFd = openOverlay();
        if (!fsFd)
            return fsFd;
        if (auto lower = setString(fsFd->get(), "lowerdir", lowerdirString(layout, lowerFds)); !lower)
            return fail(lower.error());
    }
    if (layout.upper.empty())
        return fsFd; // read-only: lowers only
    if (auto upper = setString(fsFd->get(), "upperdir", layout.upper.native()); !upper)
        return fail(upper.error());
    if (auto work = setString(fsFd->get(), "workdir", layout.work.native()); !work)
        return fail(work.error());
    return fsFd;
}

} // namespace

Result<UniqueFd> overlayMount(const image::OverlayLayout& layout, std::span<const int> lowerFds,
                              std::uint64_t attributes)
{
    if (layout.lowers.empty() || (!lowerFds.empty() && lowerFds.size() != layout.lowers.size()))
        return failWith(EINVAL, "an overlay needs one tree for each of its lower directories");
    auto fsFd = configuredOverlay(layout, lowerFds);
    if (!fsFd)
        return fail(fsFd.error());
    if (::fsconfig(fsFd->get(), FSCONFIG_CMD_CREATE, nullptr, nullptr, 0) != 0)
        return failErrno(errno, "create the overlay of " + std::to_string(layout.lowers.size()) +
                                    " lower directories (top: " + layout.lowers.front().string() + ")");
    UniqueFd mount(::fsmount(fsFd->get(), FSMOUNT_CLOEXEC, static_cast<unsigned>(attributes)));
    if (!mount)
        return failErrno(errno, "mount the overlay");
    return mount;
}

Result<UniqueFd> readOnlyMergedView(const image::OverlayLayout& layout)
{
    image::OverlayLayout view;
    view.lowers = image::overlayTrees(layout);
    return overlayMount(view, {}, MOUNT_ATTR_RDONLY | MOUNT_ATTR_NODEV);
}

} // namespace berth::runtime
