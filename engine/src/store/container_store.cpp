#include "store/container_store.h"

#include "berth/names.h"
#include "fs/atomic_file.h"
#include "fs/dir_list.h"
#include "fs/file_io.h"
#include "fs/lock_file.h"
#include "fs/remove_tree.h"
#include "store/leftovers.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace berth {

namespace {

// A config file is small text; anything larger is not one.
constexpr std::size_t kMaxConfigSize = std::size_t{1} << 20;

std::string inQuotes(std::string_view s)
{
    return "'" + std::string(s) + "'";
}
std::string containerWord(std::string_view name)
{
    return "container " + inQuotes(name);
}

// Removes the staging directory unless it was renamed into place.
class StagingGuard {
public:
    explicit StagingGuard(std::filesystem::path dir) : m_dir(std::move(dir)) {}
    StagingGuard(const StagingGuard&) = delete;
    StagingGuard& operator=(const StagingGuard&) = delete;
    ~StagingGuard()
    {
        if (!m_committed)
            (void)fs::removeTree(m_dir);
    }
    void commit() { m_committed = true; }

private:
    std::filesystem::path m_dir;
    bool m_committed = false;
};

// Holds containers/.create-<name>.lock and unlinks it when done; the lock
// helper re-checks the link, so unlinking while others wait is safe.
class CreateLock {
public:
    CreateLock(int dirFd, std::string name, UniqueFd fd) : m_dirFd(dirFd), m_name(std::move(name)), m_fd(std::move(fd))
    {}
    CreateLock(const CreateLock&) = delete;
    CreateLock& operator=(const CreateLock&) = delete;
    ~CreateLock() { ::unlinkat(m_dirFd, m_name.c_str(), 0); }

private:
    int m_dirFd;
    std::string m_name;
    UniqueFd m_fd;
};

bool isDirAt(int dirFd, const char* name)
{
    struct stat st {};
    return ::fstatat(dirFd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode);
}

// The staged files were written without syncs (fs::writeStagedFile): the
// config, and the directory that names it, go to the disk once here, before
// the rename that makes the container exist.
Status syncStagedConfig(int dirFd, const std::string& staging)
{
    UniqueFd dir(::openat(dirFd, staging.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!dir)
        return failErrno(errno, "open the staged container");
    UniqueFd config(::openat(dir.get(), "config", O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (!config || ::fsync(config.get()) != 0 || ::fsync(dir.get()) != 0)
        return failErrno(errno, "sync the staged container's config");
    return {};
}

Status checkPopulated(int dirFd, const std::string& staging, std::string_view name)
{
    struct stat st {};
    const std::string config = staging + "/config";
    if (::fstatat(dirFd, config.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
        return failWith(EINVAL, "create " + containerWord(name) + ": no config file was written");
    if (!isDirAt(dirFd, (staging + "/rootfs").c_str()))
        return failWith(EINVAL, "create " + containerWord(name) + ": no rootfs directory was made");
    return {};
}

Status ignoreMissing(Status status, bool* found)
{
    if (status) {
        *found = true;
        return {};
    }
    return status.error().code == ENOENT ? Status{} : status;
}

} // namespace

ContainerStore::ContainerStore(Paths paths) : m_paths(std::move(paths)) {}

Result<UniqueFd> ContainerStore::openContainersDir(bool create) const
{
    const std::filesystem::path dir = m_paths.containersDir();
    if (create) {
        std::error_code ec;
        std::filesystem::create_directories(dir.parent_path(), ec);
        // 0700: the rootfs of other users' containers are not theirs to read.
        if (::mkdir(dir.c_str(), 0700) == 0 && ::chmod(dir.c_str(), 0700) != 0)
            return failErrno(errno, "chmod " + inQuotes(dir.string()));
    }
    UniqueFd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fd)
        return failErrno(errno, "open " + inQuotes(dir.string()));
    return fd;
}

Result<UniqueFd> ContainerStore::openContainerDir(std::string_view name) const
{
    if (auto ok = validateContainerName(name); !ok)
        return std::unexpected(ok.error());
    UniqueFd fd(::open(m_paths.containerDir(name).c_str(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!fd && errno == ENOENT)
        return fail(Error::missingContainer(name, m_paths.containerDir(name).string()));
    if (!fd)
        return failErrno(errno, "open " + containerWord(name));
    return fd;
}

Result<std::vector<std::string>> ContainerStore::list() const
{
    auto dirFd = openContainersDir(false);
    if (!dirFd && dirFd.error().code == ENOENT)
        return std::vector<std::string>{};
    if (!dirFd)
        return std::unexpected(dirFd.error());
    auto entries = fs::listDirectory(dirFd->get());
    if (!entries)
        return fail(entries.error().wrap("list " + inQuotes(m_paths.containersDir().string())));
    std::vector<std::string> names;
    // Staging, lock and removal entries all start with a dot, which no valid name does.
    for (std::string& entry : *entries)
        if (isValidContainerName(entry) && isDirAt(dirFd->get(), entry.c_str()))
            names.push_back(std::move(entry));
    std::ranges::sort(names);
    return names;
}

bool ContainerStore::exists(std::string_view name) const
{
    return isValidContainerName(name) && openContainerDir(name).has_value();
}

Status ContainerStore::fillStaging(int dirFd, std::string_view name, const std::string& staging,
                                   const Populate& populate) const
{
    if (auto ok = populate(m_paths.containersDir() / staging); !ok)
        return ok;
    if (auto ok = checkPopulated(dirFd, staging, name); !ok)
        return ok;
    if (auto ok = syncStagedConfig(dirFd, staging); !ok)
        return ok;
    if (::renameat2(dirFd, staging.c_str(), dirFd, std::string(name).c_str(), RENAME_NOREPLACE) != 0) {
        if (errno == EEXIST)
            return failWith(EEXIST, containerWord(name) + " already exists", m_paths.containerDir(name).string());
        return failErrno(errno, "move " + containerWord(name) + " into place");
    }
    return {};
}

Status ContainerStore::create(std::string_view name, const Populate& populate)
{
    if (auto ok = validateContainerName(name); !ok)
        return ok;
    auto dirFd = openContainersDir(true);
    if (!dirFd)
        return std::unexpected(dirFd.error().wrap("create " + containerWord(name)));
    const std::string lockName = ".create-" + std::string(name) + ".lock";
    auto lockFd = fs::lockFileAt(dirFd->get(), lockName, false);
    if (!lockFd && lockFd.error().code == EWOULDBLOCK)
        return failWith(EBUSY, containerWord(name) + " is busy: another operation is creating it");
    if (!lockFd)
        return std::unexpected(lockFd.error().wrap("create " + containerWord(name)));
    CreateLock lock(dirFd->get(), lockName, std::move(*lockFd));
    if (isDirAt(dirFd->get(), std::string(name).c_str()))
        return failWith(EEXIST, containerWord(name) + " already exists", m_paths.containerDir(name).string());
    const std::string staging = ".staging-" + std::string(name) + "-" + fs::randomSuffix();
    if (::mkdirat(dirFd->get(), staging.c_str(), 0700) != 0)
        return failErrno(errno, "create " + containerWord(name) + ": make its staging directory");
    StagingGuard guard(m_paths.containersDir() / staging);
    if (auto ok = fillStaging(dirFd->get(), name, staging, populate); !ok)
        return ok;
    guard.commit();
    if (::fsync(dirFd->get()) != 0)
        return failErrno(errno, "create " + containerWord(name) + ": fsync");
    return {};
}

Result<std::filesystem::path> ContainerStore::moveAside(std::string_view name) const
{
    auto dirFd = openContainersDir(false);
    if (!dirFd)
        return std::unexpected(dirFd.error());
    const std::string aside = destroyingEntry(name);
    // No fsync: a killed destroy is finished from the name aside; after a
    // crash of the machine a journaling file system replays its operations
    // in order, so the container is either aside or whole again, never half
    // removed under its name.
    if (::renameat2(dirFd->get(), std::string(name).c_str(), dirFd->get(), aside.c_str(), RENAME_NOREPLACE) != 0)
        return failErrno(errno, "move " + containerWord(name) + " aside");
    return m_paths.containersDir() / aside;
}

Status ContainerStore::remove(std::string_view name)
{
    if (auto ok = validateContainerName(name); !ok)
        return ok;
    bool found = false;
    // Moved aside first: from here the name is free and no list shows it,
    // and a removal killed half-way is finished by the next helper.
    auto aside = moveAside(name);
    if (!aside && aside.error().code != ENOENT)
        return std::unexpected(aside.error().wrap("remove " + containerWord(name)));
    if (auto ok = ignoreMissing(fs::removeTree(m_paths.containerRunDir(name)), &found); !ok)
        return std::unexpected(ok.error().wrap("remove " + containerWord(name)));
    auto log = removeLogFiles(m_paths, name);
    if (!log)
        return std::unexpected(log.error().wrap("remove the log of " + containerWord(name)));
    found = found || *log;
    if (aside) {
        found = true;
        if (auto ok = fs::removeTree(*aside); !ok)
            return std::unexpected(ok.error().wrap("remove " + containerWord(name)));
    }
    if (!found)
        return fail(Error::missingContainer(name, m_paths.containerDir(name).string()));
    return {};
}

Result<std::string> ContainerStore::readConfig(std::string_view name) const
{
    auto dir = openContainerDir(name);
    if (!dir)
        return std::unexpected(dir.error());
    UniqueFd fd(::openat(dir->get(), "config", O_RDONLY | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC));
    if (!fd)
        return failErrno(errno, "read the config of " + containerWord(name));
    auto text = fs::readAll(fd.get(), kMaxConfigSize);
    if (!text)
        return std::unexpected(text.error().wrap("read the config of " + containerWord(name)));
    return text;
}

Status ContainerStore::writeConfig(std::string_view name, std::string_view text)
{
    auto prepared = prepareConfig(name, text);
    if (!prepared)
        return std::unexpected(prepared.error());
    if (auto ok = std::move(*prepared).commit(); !ok)
        return std::unexpected(ok.error().wrap(containerWord(name)));
    return {};
}

Result<fs::PreparedFile> ContainerStore::prepareConfig(std::string_view name, std::string_view text)
{
    auto dir = openContainerDir(name);
    if (!dir)
        return std::unexpected(dir.error());
    auto prepared = fs::PreparedFile::prepare(dir->get(), "config", text, 0640);
    if (!prepared)
        return std::unexpected(prepared.error().wrap(containerWord(name)));
    return prepared;
}

} // namespace berth
