#include "image_store/store_lock.h"

#include <cerrno>
#include <chrono>
#include <thread>

#include <fcntl.h>
#include <sys/file.h>

namespace berth::image_store {

namespace {

using namespace std::chrono_literals;

constexpr auto kExclusiveWait = 10s;
constexpr auto kPoll = 50ms;

Result<UniqueFd> openLockFile(int rootFd, const char* name)
{
    UniqueFd fd(::openat(rootFd, name, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (!fd)
        return failErrno(errno, std::string("open the image store's ") + name);
    return fd;
}

int flockRetrying(int fd, int operation)
{
    int rc;
    do
        rc = ::flock(fd, operation);
    while (rc != 0 && errno == EINTR);
    return rc;
}

// Polls, so that a `rm` or `prune` behind a long pull says why it cannot
// go on instead of hanging its caller.
Status lockExclusive(int fd)
{
    const auto deadline = std::chrono::steady_clock::now() + kExclusiveWait;
    while (flockRetrying(fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK)
            return failErrno(errno, "lock the image store");
        if (std::chrono::steady_clock::now() >= deadline)
            return failWith(EBUSY, "the image store is in use by a pull or a container creation; try again when "
                                   "it has finished");
        std::this_thread::sleep_for(kPoll);
    }
    return {};
}

} // namespace

Result<UniqueFd> lockStore(int rootFd, LockMode mode)
{
    auto fd = openLockFile(rootFd, "lock");
    if (!fd)
        return fd;
    if (mode == LockMode::Exclusive) {
        if (auto ok = lockExclusive(fd->get()); !ok)
            return fail(ok.error());
        return fd;
    }
    if (flockRetrying(fd->get(), LOCK_SH) != 0)
        return failErrno(errno, "lock the image store");
    return fd;
}

Result<UniqueFd> tryLockStoreExclusive(int rootFd)
{
    auto fd = openLockFile(rootFd, "lock");
    if (!fd)
        return fd;
    if (flockRetrying(fd->get(), LOCK_EX | LOCK_NB) != 0)
        return failErrno(errno, "lock the image store");
    return fd;
}

Result<UniqueFd> lockRecords(int rootFd)
{
    auto fd = openLockFile(rootFd, "records.lock");
    if (!fd)
        return fd;
    if (flockRetrying(fd->get(), LOCK_EX) != 0)
        return failErrno(errno, "lock the image store's records");
    return fd;
}

} // namespace berth::image_store
