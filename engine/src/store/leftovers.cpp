#include "store/leftovers.h"

#include "berth/names.h"
#include "fs/dir_list.h"
#include "fs/file_io.h"
#include "fs/lock_file.h"
#include "fs/remove_tree.h"
#include "store/container_lock.h"

#include <cerrno>
#include <optional>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace berth {
namespace {

constexpr std::string_view kStagingPrefix = ".staging-";
constexpr std::string_view kCreatePrefix = ".create-";
constexpr std::string_view kLockSuffix = ".lock";
constexpr std::string_view kDestroyingPrefix = ".destroying-";

// The container name in "<prefix><name>-<random>".
std::optional<std::string> nameBeforeSuffix(std::string_view entry, std::string_view prefix)
{
    if (!entry.starts_with(prefix))
        return std::nullopt;
    entry.remove_prefix(prefix.size());
    const auto dash = entry.rfind('-');
    if (dash == std::string_view::npos || !isValidContainerName(entry.substr(0, dash)))
        return std::nullopt;
    return std::string(entry.substr(0, dash));
}

// The container name in ".staging-<name>-<random>" (container_store.cpp).
std::optional<std::string> stagingName(std::string_view entry)
{
    return nameBeforeSuffix(entry, kStagingPrefix);
}

// The container name in ".create-<name>.lock".
std::optional<std::string> createLockName(std::string_view entry)
{
    if (!entry.starts_with(kCreatePrefix) || !entry.ends_with(kLockSuffix))
        return std::nullopt;
    entry.remove_prefix(kCreatePrefix.size());
    entry.remove_suffix(kLockSuffix.size());
    if (!isValidContainerName(entry))
        return std::nullopt;
    return std::string(entry);
}

// The create lock of `name`, taken without waiting; nothing when a create
// of that name runs (or the lock cannot be had).
std::optional<UniqueFd> idleCreateLock(int dirFd, const std::string& name)
{
    auto fd = fs::lockFileAt(dirFd, std::string(kCreatePrefix) + name + std::string(kLockSuffix), false);
    if (!fd)
        return std::nullopt;
    return std::move(*fd);
}

bool isDirAt(int dirFd, const std::string& name)
{
    struct stat st {};
    return ::fstatat(dirFd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode);
}

// What a destroy of `name` removes after its directory: the run directory
// and the log, unless a container of that name exists again or someone
// holds its lock.
void finishDestroy(const Paths& paths, int dirFd, const std::string& name, std::vector<std::string>& removed)
{
    if (isDirAt(dirFd, name))
        return;
    auto lock = ContainerLock::acquire(paths, name);
    if (!lock)
        return;
    if (fs::removeTree(paths.containerRunDir(name)))
        removed.push_back(paths.containerRunDir(name).string());
    if (auto log = removeLogFiles(paths, name); log && *log)
        removed.push_back(paths.logFile(name).string());
}

void sweepDestroying(const Paths& paths, int dirFd, const std::string& entry, std::vector<std::string>& removed)
{
    const auto name = nameBeforeSuffix(entry, kDestroyingPrefix);
    if (!name || !isDirAt(dirFd, entry))
        return;
    const auto dir = paths.containersDir();
    if (!fs::removeTree(dir / entry))
        return;
    removed.push_back((dir / entry).string());
    finishDestroy(paths, dirFd, *name, removed);
}

void sweepContainersDir(const Paths& paths, std::vector<std::string>& removed)
{
    const auto dir = paths.containersDir();
    UniqueFd dirFd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!dirFd)
        return;
    auto entries = fs::listDirectory(dirFd.get());
    if (!entries)
        return;
    for (const std::string& entry : *entries) {
        if (entry.starts_with(kDestroyingPrefix)) {
            sweepDestroying(paths, dirFd.get(), entry, removed);
            continue;
        }
        const auto staging = stagingName(entry);
        const auto locked = staging ? staging : createLockName(entry);
        if (!locked)
            continue;
        auto lock = idleCreateLock(dirFd.get(), *locked);
        if (!lock)
            continue;
        if (staging && fs::removeTree(dir / entry))
            removed.push_back((dir / entry).string());
        // The create lock goes too, held until unlinked (as CreateLock does).
        const std::string lockName = std::string(kCreatePrefix) + *locked + std::string(kLockSuffix);
        if (::unlinkat(dirFd.get(), lockName.c_str(), 0) == 0 && !staging)
            removed.push_back((dir / lockName).string());
    }
}

// A run directory holding nothing but its lock file.
bool holdsOnlyLock(const Paths& paths, const std::string& name)
{
    UniqueFd fd(::open(paths.containerRunDir(name).c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!fd)
        return false;
    auto entries = fs::listDirectory(fd.get());
    const auto lockName = paths.lockFile(name).filename().string();
    return entries && (entries->empty() || (entries->size() == 1 && entries->front() == lockName));
}

void sweepRunDir(const Paths& paths, std::vector<std::string>& removed)
{
    UniqueFd containers(::open(paths.containersDir().c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    UniqueFd run(::open(paths.runDir().c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!run)
        return;
    auto entries = fs::listDirectory(run.get());
    if (!entries)
        return;
    for (const std::string& name : *entries) {
        if (!isValidContainerName(name) || !isDirAt(run.get(), name))
            continue;
        if (containers && isDirAt(containers.get(), name))
            continue; // a container's own: kept with it
        if (!holdsOnlyLock(paths, name))
            continue;
        auto lock = ContainerLock::acquire(paths, name);
        if (!lock)
            continue;
        if (fs::removeTree(paths.containerRunDir(name)))
            removed.push_back(paths.containerRunDir(name).string());
    }
}

} // namespace

std::vector<std::string> sweepLeftovers(const Paths& paths)
{
    std::vector<std::string> removed;
    sweepContainersDir(paths, removed);
    sweepRunDir(paths, removed);
    return removed;
}

std::string destroyingEntry(std::string_view name)
{
    return std::string(kDestroyingPrefix) + std::string(name) + "-" + fs::randomSuffix();
}

Result<bool> removeLogFiles(const Paths& paths, std::string_view name)
{
    const std::filesystem::path log = paths.logFile(name);
    bool found = false;
    for (const std::filesystem::path& file : {log, rotatedLogFile(log), nextLogFile(log)}) {
        if (::unlink(file.c_str()) == 0)
            found = found || file == log;
        else if (errno != ENOENT)
            return failErrno(errno, "remove " + file.string());
    }
    return found;
}

} // namespace berth
