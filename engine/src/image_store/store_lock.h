// The image store's locks (flock on files in imagesDir/):
// - `lock`, shared by every pull (for its whole run) and by every creation
//   from an image (image_store.h's UseLock, until the container is in
//   place); exclusive for `image rm` and `prune`, which then see no layer
//   half-recorded and no container half-made;
// - `records.lock`, exclusive while a pull writes its record and moves a
//   name from an older image (pulls run side by side under `lock`).
#pragma once

#include "berth/error.h"
#include "berth/unique_fd.h"

namespace berth::image_store {

enum class LockMode { Shared, Exclusive };

// Waits for the store's `lock`. Exclusive waits at most about ten seconds
// for the pulls and creations that hold it shared, then EBUSY saying so.
[[nodiscard]] Result<UniqueFd> lockStore(int rootFd, LockMode mode);

// The store's `lock` exclusively if nobody holds it now; EWOULDBLOCK otherwise.
[[nodiscard]] Result<UniqueFd> tryLockStoreExclusive(int rootFd);

// Waits for `records.lock`.
[[nodiscard]] Result<UniqueFd> lockRecords(int rootFd);

} // namespace berth::image_store
