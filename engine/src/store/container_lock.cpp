#include "store/container_lock.h"

#include "berth/names.h"
#include "fs/lock_file.h"

#include <cerrno>
#include <chrono>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>

namespace berth {

namespace {

// mkdir that tolerates an existing directory but not an existing non-directory.
Status ensureDir(const std::filesystem::path& dir, mode_t mode)
{
    if (::mkdir(dir.c_str(), mode) == 0)
        return ::chmod(dir.c_str(), mode) == 0 ? Status{} : failErrno(errno, "chmod '" + dir.string() + "'");
    struct stat st {};
    if (errno == EEXIST && ::lstat(dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
        return {};
    return failErrno(errno == EEXIST ? ENOTDIR : errno, "create directory '" + dir.string() + "'");
}

// A child the helper forks (a monitor's start, an exec, a template's
// process) holds a copy of every lock the helper's other threads hold until
// it closes its descriptors, and so a lock just released stays taken for
// that moment: an operation that finds it taken asks again for a while
// before it calls the container busy. A real operation holds it far longer.
constexpr auto kForkedCopyGrace = std::chrono::milliseconds(250);
constexpr auto kRetryEvery = std::chrono::milliseconds(5);

Result<UniqueFd> lockUnlessBusy(int dirFd, const std::string& file)
{
    const auto deadline = std::chrono::steady_clock::now() + kForkedCopyGrace;
    for (;;) {
        auto fd = fs::lockFileAt(dirFd, file, false);
        if (fd || fd.error().code != EWOULDBLOCK || std::chrono::steady_clock::now() >= deadline)
            return fd;
        std::this_thread::sleep_for(kRetryEvery);
    }
}

} // namespace

Result<ContainerLock> ContainerLock::acquire(const Paths& paths, std::string_view name, bool wait)
{
    if (auto ok = validateContainerName(name); !ok)
        return std::unexpected(ok.error());
    const std::filesystem::path runDir = paths.containerRunDir(name);
    std::error_code ec;
    std::filesystem::create_directories(paths.runDir().parent_path(), ec);
    for (const auto& dir : {paths.runDir(), runDir})
        if (auto ok = ensureDir(dir, 0700); !ok)
            return std::unexpected(ok.error());
    UniqueFd dirFd(::open(runDir.c_str(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!dirFd)
        return failErrno(errno, "open '" + runDir.string() + "'");
    const std::string file = paths.lockFile(name).filename().string();
    auto fd = wait ? fs::lockFileAt(dirFd.get(), file, true) : lockUnlessBusy(dirFd.get(), file);
    if (!fd && fd.error().code == EWOULDBLOCK)
        return failWith(EBUSY, "container '" + std::string(name) + "' is busy: another operation holds its lock",
                        paths.lockFile(name).string());
    if (!fd)
        return std::unexpected(fd.error().wrap("lock container '" + std::string(name) + "'"));
    return ContainerLock(std::string(name), std::move(*fd));
}

} // namespace berth
