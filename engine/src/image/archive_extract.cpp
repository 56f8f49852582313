#include "image/archive_extract.h"

#include "image/archive_entry_writer.h"
#include "image/archive_handle.h"
#include "image/archive_metadata.h"
#include "image/archive_path.h"
#include "image/archive_tree.h"
#include "image/container_archive.h"

#include <archive.h>
#include <archive_entry.h>

#include <cerrno>
#include <optional>
#include <string>
#include <vector>

#include <fcntl.h>

namespace berth::image {

namespace {

std::string quoted(std::string_view s)
{
    return "'" + std::string(s) + "'";
}

Result<ReadArchivePtr> openReader(int archiveFd)
{
    auto a = newTarReader();
    if (!a)
        return std::unexpected(a.error());
    if (archive_read_open_fd(a->get(), archiveFd, 64 * 1024) != ARCHIVE_OK)
        return std::unexpected(archiveError(a->get(), "open archive"));
    return a;
}

struct DirFixup {
    std::string path;
    EntryPtr entry;
};

class Extractor {
public:
    Extractor(archive* a, int rootFd, const ExtractOptions& options) : m_a(a), m_root(rootFd), m_options(options) {}
    Status run();

private:
    enum class Layout { Unknown, Plain, Container };

    Status extractEntry(archive_entry* entry);
    Status takeConfig(archive_entry* entry);
    Result<std::string> treePath(std::string path) const;
    bool leftOut(archive_entry* entry, std::string_view path) const;
    Status writeEntry(archive_entry* entry, const std::string& path, const TreeSlot& slot);
    Status fixDirectories();

    archive* m_a;
    int m_root;
    const ExtractOptions& m_options;
    std::uint64_t m_written = 0;
    std::vector<DirFixup> m_dirs;
    Layout m_layout = Layout::Unknown;
};

Status Extractor::run()
{
    for (;;) {
        archive_entry* entry = nullptr;
        const int r = archive_read_next_header(m_a, &entry);
        if (r == ARCHIVE_EOF)
            return fixDirectories();
        if (r < ARCHIVE_WARN)
            return std::unexpected(archiveError(m_a, "read archive"));
        if (auto ok = extractEntry(entry); !ok)
            return ok;
    }
}

Status Extractor::takeConfig(archive_entry* entry)
{
    auto text = readConfigMember(m_a, entry);
    if (!text)
        return std::unexpected(text.error());
    return m_options.containerConfig(std::move(*text));
}

// A container archive's rootfs/ is the tree; nothing else is written.
Result<std::string> Extractor::treePath(std::string path) const
{
    if (m_layout != Layout::Container)
        return path;
    if (path == kRootfsMember)
        return std::string();
    if (path.starts_with(kRootfsMember) && path.size() > kRootfsMember.size() && path[kRootfsMember.size()] == '/')
        return path.substr(kRootfsMember.size() + 1);
    return failWith(EINVAL, "archive entry " + quoted(path) + " of a container archive lies outside rootfs/", path);
}

bool Extractor::leftOut(archive_entry* entry, std::string_view path) const
{
    const auto type = archive_entry_filetype(entry);
    return m_options.leaveOutDevNodes && !archive_entry_hardlink(entry) && (type == AE_IFCHR || type == AE_IFBLK) &&
           path.starts_with("dev/");
}

Status Extractor::extractEntry(archive_entry* entry)
{
    const char* name = archive_entry_pathname(entry);
    auto normalized = normalizeEntryPath(name ? name : "");
    if (!normalized)
        return std::unexpected(normalized.error());
    if (m_layout == Layout::Unknown) {
        const bool container = m_options.containerConfig && isConfigMember(entry, *normalized);
        m_layout = container ? Layout::Container : Layout::Plain;
        if (m_layout == Layout::Container)
            return takeConfig(entry);
    }
    auto path = treePath(std::move(*normalized));
    if (!path)
        return std::unexpected(path.error());
    if (leftOut(entry, *path))
        return {};
    const bool isDir = archive_entry_filetype(entry) == AE_IFDIR && !archive_entry_hardlink(entry);
    if (path->empty()) {
        if (!isDir)
            return failWith(EINVAL, "archive entry " + quoted(name) + " names the root but is not a directory", name);
        m_dirs.push_back({"", EntryPtr(archive_entry_clone(entry))});
        return {};
    }
    if (m_options.beforeEntry) {
        auto consumed = m_options.beforeEntry(*path);
        if (!consumed)
            return std::unexpected(consumed.error().wrap("archive entry " + quoted(*path)));
        if (*consumed)
            return {};
    }
    auto slot = openTreeSlot(m_root, *path, true);
    if (!slot)
        return std::unexpected(slot.error().wrap("archive entry " + quoted(*path)));
    if (auto ok = clearSlot(*slot, isDir, *path); !ok)
        return ok;
    return writeEntry(entry, *path, *slot);
}

Status Extractor::writeEntry(archive_entry* entry, const std::string& path, const TreeSlot& slot)
{
    const EntryContext ctx{slot, path, m_options, m_written};
    if (const char* target = archive_entry_hardlink(entry)) {
        auto normalized = normalizeEntryPath(target);
        auto inTree = normalized ? treePath(std::move(*normalized)) : Result<std::string>(fail(normalized.error()));
        if (!inTree)
            return std::unexpected(inTree.error().wrap("hard link " + quoted(path)));
        return writeHardlink(m_root, *inTree, ctx);
    }
    switch (archive_entry_filetype(entry)) {
    case AE_IFREG:
        return writeRegular(m_a, entry, ctx);
    case AE_IFLNK:
        return writeSymlink(entry, ctx);
    case AE_IFCHR:
    case AE_IFBLK:
    case AE_IFIFO:
        return writeNode(entry, ctx);
    case AE_IFDIR:
        m_dirs.push_back({path, EntryPtr(archive_entry_clone(entry))});
        return makeDirectory(ctx);
    default:
        return failWith(EINVAL, "archive entry " + quoted(path) + " has an unsupported type", path);
    }
}

// Deepest last-seen first, so a read-only parent is fixed after its children.
Status Extractor::fixDirectories()
{
    for (auto it = m_dirs.rbegin(); it != m_dirs.rend(); ++it) {
        auto dir = openTreeDir(m_root, it->path, false);
        if (!dir)
            return std::unexpected(dir.error());
        UniqueFd fd(::openat(dir->get(), ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        if (!fd)
            return failErrno(errno, "open directory " + quoted(it->path.empty() ? "." : it->path));
        if (auto ok = applyFdMetadata(fd.get(), it->entry.get(), m_options.preserveOwners, it->path); !ok)
            return ok;
    }
    return {};
}

// libarchive's read callback over an ArchiveBlockReader; the reader's own
// error is kept so that its code and message survive libarchive.
struct StreamSource {
    const ArchiveBlockReader& read;
    std::optional<Error> error;
};

la_ssize_t readBlock(archive* a, void* data, const void** buffer)
{
    auto* source = static_cast<StreamSource*>(data);
    auto block = source->read();
    if (!block) {
        source->error = block.error();
        archive_set_error(a, block.error().code, "%s", block.error().message.c_str());
        return -1;
    }
    *buffer = block->data();
    return static_cast<la_ssize_t>(block->size());
}

} // namespace

Status extractArchiveStream(const ArchiveBlockReader& read, int rootFd, const ExtractOptions& options)
{
    auto reader = newTarReader();
    if (!reader)
        return std::unexpected(reader.error());
    StreamSource source{read, {}};
    if (archive_read_open(reader->get(), &source, nullptr, readBlock, nullptr) != ARCHIVE_OK)
        return source.error ? fail(*source.error) : fail(archiveError(reader->get(), "open archive"));
    auto done = Extractor(reader->get(), rootFd, options).run();
    if (!done && source.error)
        return fail(*source.error);
    return done;
}

Status extractArchive(int archiveFd, int rootFd, const ExtractOptions& options)
{
    auto reader = openReader(archiveFd);
    if (!reader)
        return std::unexpected(reader.error());
    return Extractor(reader->get(), rootFd, options).run();
}

} // namespace berth::image
