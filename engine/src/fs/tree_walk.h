// The one walk over a directory tree: through descriptors, never following a
// symlink, never leaving the tree, with a visitor for what each site does.
#pragma once

#include "berth/error.h"
#include "berth/unique_fd.h"

#include <string>
#include <string_view>

#include <sys/stat.h>

namespace berth::fs {

// Whether the walk goes into a directory entry.
enum class Descend { No, Yes };

// An entry below the root: its directory's fd, its name there, its own
// statx (never through a symlink: STATX_BASIC_STATS | STATX_MNT_ID) and its
// path from the root ("a/b"), for messages only.
struct WalkEntry {
    int dirFd;
    std::string_view name;
    const struct statx& st;
    std::string_view path;
};

// A directory the walk is in: its fd (O_RDONLY), its name in its parent
// (empty for the root), its statx and its path from the root ("" for the root).
struct WalkDir {
    int fd;
    std::string_view name;
    const struct statx& st;
    std::string_view path;
};

class TreeVisitor {
public:
    virtual ~TreeVisitor() = default;
    // Pre-order: a directory just opened, before its entries are listed.
    virtual Status enter(const WalkDir& /*dir*/) { return {}; }
    // Each entry of a directory in name order (so the same tree is walked
    // the same way), before any subdirectory of it is entered; a directory
    // is entered only on Descend::Yes.
    virtual Result<Descend> entry(const WalkEntry& e) = 0;
    // Post-order: a directory after everything below it. `parentFd` is its
    // parent's fd, -1 for the root.
    virtual Status leave(const WalkDir& /*dir*/, int /*parentFd*/) { return {}; }
    // Opens a subdirectory to enter (O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
    // a site may first make it searchable. The walk checks the result is the
    // entry it listed. `shown` is its path as errors show it. No fd and no
    // error skips it (a site that allows directories to go meanwhile).
    virtual Result<UniqueFd> openSubdir(int parentFd, const std::string& name, std::string_view shown);
};

// Walks the directory `rootFd` (may be O_PATH): enter(root), then its
// entries, then each subdirectory the visitor asked for in name order, each
// entered and left before the next. It is iterative and holds
// one directory fd at a time, so depth is bounded by neither the stack nor
// the fd limit. It goes up through "..", checked against the directory it
// came from: a directory moved meanwhile is ESTALE, as is a subdirectory
// replaced between listing and opening. Errors name the path from the root,
// under `shownRoot` when given.
[[nodiscard]] Status walkTree(int rootFd, TreeVisitor& visitor, std::string_view shownRoot = {});

// "'<text>'", how walk errors quote paths.
[[nodiscard]] std::string inQuotes(std::string_view text);

} // namespace berth::fs
