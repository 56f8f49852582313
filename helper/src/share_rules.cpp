#include "share_rules.h"

#include "berth/model/shared_folder.h"
#include "config/values.h"
#include "validation.h"

#include <algorithm>
#include <array>
#include <cerrno>

#include <fcntl.h>
#include <linux/magic.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace berth::helper {
namespace {

// Filesystems of the kernel itself: a user owns directories there (its
// /proc/PID) that show far more than files.
bool onKernelFs(int fd)
{
    static constexpr std::array<unsigned long, 12> kMagic{
        PROC_SUPER_MAGIC, SYSFS_MAGIC,  CGROUP_SUPER_MAGIC, CGROUP2_SUPER_MAGIC, DEBUGFS_MAGIC, SECURITYFS_MAGIC,
        TRACEFS_MAGIC,    BPF_FS_MAGIC, PSTOREFS_MAGIC,     EFIVARFS_MAGIC,      NSFS_MAGIC,    DEVPTS_SUPER_MAGIC};
    struct statfs st {};
    if (::fstatfs(fd, &st) != 0)
        return true;
    return std::ranges::find(kMagic, static_cast<unsigned long>(st.f_type)) != kMagic.end();
}

Result<std::string> pathOf(int fd)
{
    const std::string link = "/proc/self/fd/" + std::to_string(fd);
    std::string path(4096, '\0');
    const ssize_t got = ::readlink(link.c_str(), path.data(), path.size());
    if (got < 0 || static_cast<std::size_t>(got) >= path.size())
        return failErrno(got < 0 ? errno : ENAMETOOLONG, "the folder's path");
    path.resize(static_cast<std::size_t>(got));
    return path;
}

// The same directory when opened by its path, following no symlink.
bool pathNamesFolder(const std::string& path, const struct stat& folder)
{
    open_how how{};
    how.flags = O_PATH | O_DIRECTORY | O_CLOEXEC;
    how.resolve = RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
    const long fd = ::syscall(SYS_openat2, AT_FDCWD, path.c_str(), &how, sizeof how);
    if (fd < 0)
        return false;
    struct stat st {};
    const bool same =
        ::fstat(static_cast<int>(fd), &st) == 0 && st.st_dev == folder.st_dev && st.st_ino == folder.st_ino;
    ::close(static_cast<int>(fd));
    return same;
}

} // namespace

Result<FolderFacts> folderFacts(int fd)
{
    if (auto valid = validateFd(fd, FdUse::Read, false, true); !valid)
        return fail(valid.error());
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        return failErrno(errno, "fstat of the folder");
    if (onKernelFs(fd))
        return failWith(EPERM, "the folder is on a kernel filesystem (proc, sysfs, ...): it cannot be shared");
    auto path = pathOf(fd);
    if (!path)
        return fail(path.error());
    if (auto normal = model::checkShareHostPath(*path); !normal)
        return failWith(EINVAL, normal.error());
    if (!pathNamesFolder(*path, st))
        return failWith(EINVAL, "the folder's path " + quoteForMessage(*path) +
                                    " does not lead to it without symlinks (deleted, moved, or a symlink on the way)");
    return FolderFacts{*path, st.st_uid, st.st_gid};
}

bool callerOwnsFolder(const FolderFacts& folder, uid_t uid, const std::vector<gid_t>& groups)
{
    return folder.uid == uid && std::ranges::find(groups, folder.gid) != groups.end();
}

std::optional<HostReason> folderExposure(const FolderFacts& folder, bool callerOwns)
{
    if (callerOwns)
        return std::nullopt;
    return HostReason{"",
                      "ShareFolder of " + quoteForMessage(folder.path) + " (owned by " + std::to_string(folder.uid) +
                          ":" + std::to_string(folder.gid) + ")",
                      "a folder the caller does not own"};
}

std::optional<HostReason> containerShareExposure(const std::string& name, bool ownUserNamespace)
{
    if (ownUserNamespace)
        return std::nullopt;
    return HostReason{"", "ShareFolder into container " + quoteForMessage(name) + ", which has no lxc.idmap",
                      "its root is the host's root and may take over any file in the folder"};
}

HostReasons shareLineExposures(const Config& config, const std::optional<Config>& current)
{
    const std::vector<std::string> kept = current ? current->getAll(model::kShareKey) : std::vector<std::string>{};
    HostReasons out;
    for (const ConfigEntry& entry : config.entries(model::kShareKey)) {
        if (std::ranges::find(kept, entry.value) != kept.end())
            continue;
        out.push_back({entry.where(), "berth.share = " + quoteForMessage(entry.value),
                       "a host folder whose owner was not checked (ShareFolder checks it)"});
    }
    return out;
}

Status validateInsideUser(std::string_view user)
{
    const auto validPart = [](std::string_view part) {
        return !part.empty() && part.size() <= 32 && part.front() != '-' && std::ranges::all_of(part, [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
                   c == '.';
        });
    };
    const auto colon = user.find(':');
    const bool ok =
        validPart(user.substr(0, colon)) && (colon == std::string_view::npos || validPart(user.substr(colon + 1)));
    if (!ok)
        return failWith(EINVAL, "inside user " + quoteForMessage(user) +
                                    " is not 'root', a user name or a number (optionally USER:GROUP)");
    return {};
}

Status validateShareTarget(std::string_view target)
{
    if (target.size() > 4096)
        return failWith(EINVAL, "the target is too long");
    if (!target.starts_with('/'))
        return failWith(EINVAL, "the target " + quoteForMessage(target) + " is not an absolute path");
    if (auto normal = model::normalizeShareTarget(target); !normal)
        return failWith(EINVAL, normal.error());
    return {};
}

} // namespace berth::helper
