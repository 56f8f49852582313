// Creating one archive entry below its (already opened) parent directory.
#pragma once

#include "berth/error.h"
#include "image/archive_extract.h"
#include "image/archive_tree.h"

#include <cstdint>
#include <string>

struct archive;
struct archive_entry;

namespace berth::image {

// What one entry is written into: its slot, its name for messages, the
// options, and the data budget shared by the whole archive.
struct EntryContext {
    const TreeSlot& slot;
    const std::string& shown;
    const ExtractOptions& options;
    std::uint64_t& written;
};

// Removes an earlier entry of the same name (tar's "last one wins"); an
// existing directory is kept when `keepDir`, else it must be empty.
[[nodiscard]] Status clearSlot(const TreeSlot& slot, bool keepDir, const std::string& shown);

[[nodiscard]] Status writeRegular(archive* a, archive_entry* entry, const EntryContext& ctx);
[[nodiscard]] Status writeSymlink(archive_entry* entry, const EntryContext& ctx);
[[nodiscard]] Status writeNode(archive_entry* entry, const EntryContext& ctx);
// `target` is the normalized path of the entry linked to, inside rootFd.
[[nodiscard]] Status writeHardlink(int rootFd, const std::string& target, const EntryContext& ctx);
// A directory whose metadata is applied later, by the caller.
[[nodiscard]] Status makeDirectory(const EntryContext& ctx);

} // namespace berth::image
