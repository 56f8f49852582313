// flock(2) on a lock file that may be unlinked by whoever holds it.
#pragma once

#include "berth/error.h"
#include "berth/unique_fd.h"

#include <string_view>

namespace berth::fs {

// Opens (creating, 0600) `name` in `dirFd` and takes an exclusive flock.
// Without `wait`, a lock held elsewhere is EWOULDBLOCK. The lock is checked
// to be on the file that is still at `name`: a holder may unlink it on
// release, and a lock on the unlinked file would exclude nobody.
[[nodiscard]] Result<UniqueFd> lockFileAt(int dirFd, std::string_view name, bool wait);

} // namespace berth::fs
