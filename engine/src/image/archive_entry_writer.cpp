#include "image/archive_entry_writer.h"

#include "image/archive_handle.h"
#include "image/archive_metadata.h"

#include <archive.h>
#include <archive_entry.h>

#include <cerrno>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace berth::image {

namespace {

std::string quoted(std::string_view s)
{
    return "'" + std::string(s) + "'";
}

Status writeAll(int fd, const char* data, size_t size, la_int64_t offset, const std::string& shown)
{
    while (size > 0) {
        const ssize_t n = ::pwrite(fd, data, size, offset);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return failErrno(n < 0 ? errno : EIO, "write " + quoted(shown));
        data += n;
        size -= static_cast<size_t>(n);
        offset += n;
    }
    return {};
}

Status chargeBudget(const EntryContext& ctx, std::uint64_t bytes)
{
    if (bytes > ctx.options.maxBytes - ctx.written)
        return failWith(EFBIG,
                        "archive holds more than " + std::to_string(ctx.options.maxBytes) +
                            " bytes of data; stopped at " + quoted(ctx.shown),
                        ctx.shown);
    ctx.written += bytes;
    return {};
}

// Blocks come with offsets so that holes of sparse files stay holes.
Status copyData(archive* a, int fd, const EntryContext& ctx)
{
    for (;;) {
        const void* buf = nullptr;
        size_t size = 0;
        la_int64_t offset = 0;
        const int r = archive_read_data_block(a, &buf, &size, &offset);
        if (r == ARCHIVE_EOF)
            return {};
        if (r < ARCHIVE_WARN)
            return std::unexpected(archiveError(a, "read data of " + quoted(ctx.shown)));
        if (auto ok = chargeBudget(ctx, size); !ok)
            return ok;
        if (auto ok = writeAll(fd, static_cast<const char*>(buf), size, offset, ctx.shown); !ok)
            return ok;
    }
}

} // namespace

Status clearSlot(const TreeSlot& slot, bool keepDir, const std::string& shown)
{
    struct stat st {};
    if (::fstatat(slot.dir.get(), slot.name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0)
        return errno == ENOENT ? Status{} : failErrno(errno, "stat " + quoted(shown));
    if (S_ISDIR(st.st_mode) && keepDir)
        return {};
    if (::unlinkat(slot.dir.get(), slot.name.c_str(), S_ISDIR(st.st_mode) ? AT_REMOVEDIR : 0) != 0)
        return failErrno(errno, "replace earlier entry " + quoted(shown));
    return {};
}

Status writeRegular(archive* a, archive_entry* entry, const EntryContext& ctx)
{
    if (archive_entry_size_is_set(entry) && archive_entry_size(entry) < 0)
        return failWith(EINVAL, "archive entry " + quoted(ctx.shown) + " has a negative size", ctx.shown);
    UniqueFd fd(::openat(ctx.slot.dir.get(), ctx.slot.name.c_str(),
                         O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (!fd)
        return failErrno(errno, "create " + quoted(ctx.shown));
    if (auto ok = copyData(a, fd.get(), ctx); !ok)
        return ok;
    // Trailing holes of a sparse file have no data block to write.
    if (archive_entry_size_is_set(entry) && ::ftruncate(fd.get(), archive_entry_size(entry)) != 0)
        return failErrno(errno, "set size of " + quoted(ctx.shown));
    return applyFdMetadata(fd.get(), entry, ctx.options.preserveOwners, ctx.shown);
}

Status writeSymlink(archive_entry* entry, const EntryContext& ctx)
{
    const char* target = archive_entry_symlink(entry);
    if (!target || !*target)
        return failWith(EINVAL, "symlink entry " + quoted(ctx.shown) + " has no target", ctx.shown);
    if (::symlinkat(target, ctx.slot.dir.get(), ctx.slot.name.c_str()) != 0)
        return failErrno(errno, "create symlink " + quoted(ctx.shown));
    return applyAtMetadata(ctx.slot.dir.get(), ctx.slot.name, entry, ctx.options.preserveOwners, ctx.shown);
}

Status writeNode(archive_entry* entry, const EntryContext& ctx)
{
    if (!ctx.options.allowDevices)
        return failWith(EPERM, "archive entry " + quoted(ctx.shown) + " is a device node or FIFO, not allowed here",
                        ctx.shown);
    const mode_t type = archive_entry_filetype(entry);
    if (::mknodat(ctx.slot.dir.get(), ctx.slot.name.c_str(), type | 0600, archive_entry_rdev(entry)) != 0)
        return failErrno(errno, "create node " + quoted(ctx.shown));
    return applyAtMetadata(ctx.slot.dir.get(), ctx.slot.name, entry, ctx.options.preserveOwners, ctx.shown);
}

Status writeHardlink(int rootFd, const std::string& target, const EntryContext& ctx)
{
    if (target.empty())
        return failWith(EINVAL, "hard link " + quoted(ctx.shown) + " points at the root", ctx.shown);
    auto from = openTreeSlot(rootFd, target, false);
    if (!from)
        return std::unexpected(from.error().wrap("hard link " + quoted(ctx.shown)));
    // No AT_SYMLINK_FOLLOW: a link to a symlink links the symlink itself.
    if (::linkat(from->dir.get(), from->name.c_str(), ctx.slot.dir.get(), ctx.slot.name.c_str(), 0) != 0)
        return failErrno(errno, "hard link " + quoted(ctx.shown) + " to " + quoted(target));
    return {};
}

Status makeDirectory(const EntryContext& ctx)
{
    // Owner-only until its own metadata is applied at the end.
    if (::mkdirat(ctx.slot.dir.get(), ctx.slot.name.c_str(), 0700) != 0 && errno != EEXIST)
        return failErrno(errno, "create directory " + quoted(ctx.shown));
    return {};
}

} // namespace berth::image
