// Owners for libarchive objects and its errors in the engine's terms.
#pragma once

#include "berth/error.h"

#include <memory>
#include <string_view>

struct archive;
struct archive_entry;

namespace berth::image {

struct ReadArchiveFree {
    void operator()(archive* a) const noexcept;
};
struct WriteArchiveFree {
    void operator()(archive* a) const noexcept;
};
struct EntryFree {
    void operator()(archive_entry* e) const noexcept;
};
using ReadArchivePtr = std::unique_ptr<archive, ReadArchiveFree>;
using WriteArchivePtr = std::unique_ptr<archive, WriteArchiveFree>;
using EntryPtr = std::unique_ptr<archive_entry, EntryFree>;

// A reader of the tar family, not yet opened, with only the compressions
// that have built-in decoders: filters such as lrzip, lzop or grzip fall
// back to running an external program, which a root helper must not do on
// a caller's data.
[[nodiscard]] Result<ReadArchivePtr> newTarReader();

// A reader with the same decompressors whose one entry is the decompressed
// stream as it is (libarchive's raw format): what an image layer's diff ID
// is the sha256 of.
[[nodiscard]] Result<ReadArchivePtr> newRawReader();

// "what: libarchive's message". Format errors (corrupt, truncated, not a
// tar) become EINVAL; errors of the underlying read or write keep their
// errno; anything else is EIO.
[[nodiscard]] Error archiveError(archive* a, std::string_view what);

} // namespace berth::image
