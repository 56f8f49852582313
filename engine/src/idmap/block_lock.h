// The lock that makes choosing a block and putting the config that records
// it in place one step: held from the look at every config until the new
// config is in place, so two creations never take the same block. A
// process that dies holding it loses the lock with its file descriptor, and
// the block it chose is recorded nowhere: nothing leaks.
#pragma once

#include "berth/error.h"
#include "berth/paths.h"
#include "berth/unique_fd.h"

namespace berth::idmap {

class BlockLock {
public:
    // Waits for containers/.idmap.lock (made 0600 when missing).
    [[nodiscard]] static Result<BlockLock> acquire(const Paths& paths);

private:
    explicit BlockLock(UniqueFd fd) : m_fd(std::move(fd)) {}
    UniqueFd m_fd;
};

} // namespace berth::idmap
