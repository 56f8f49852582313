#include "image/archive_export.h"

#include "berth/unique_fd.h"
#include "fs/tree_walk.h"
#include "image/archive_handle.h"
#include "image/archive_source.h"
#include "image/container_archive.h"

#include <archive.h>
#include <archive_entry.h>

#include <cerrno>
#include <map>
#include <string>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>

namespace berth::image {

namespace {

std::string quoted(std::string_view s)
{
    return "'" + std::string(s) + "'";
}

Result<WriteArchivePtr> openWriter(int outFd, ExportOptions::Compression compression)
{
    WriteArchivePtr a(archive_write_new());
    if (!a)
        return failWith(ENOMEM, "allocate an archive writer");
    int r = archive_write_set_format_pax(a.get());
    using C = ExportOptions::Compression;
    if (r == ARCHIVE_OK && compression == C::Gzip)
        r = archive_write_add_filter_gzip(a.get());
    else if (r == ARCHIVE_OK && compression == C::Zstd)
        r = archive_write_add_filter_zstd(a.get());
    else if (r == ARCHIVE_OK && compression == C::Xz)
        r = archive_write_add_filter_xz(a.get());
    if (r == ARCHIVE_OK)
        r = archive_write_open_fd(a.get(), outFd);
    if (r != ARCHIVE_OK)
        return std::unexpected(archiveError(a.get(), "set up the archive writer"));
    return a;
}

void rewriteIds(archive_entry* entry, const std::function<void(EntryIds&)>& rewrite)
{
    if (!rewrite)
        return;
    EntryIds ids{
        static_cast<std::uint32_t>(archive_entry_uid(entry)), static_cast<std::uint32_t>(archive_entry_gid(entry)), {}};
    archive_entry_xattr_reset(entry);
    const char* name = nullptr;
    const void* value = nullptr;
    size_t size = 0;
    while (archive_entry_xattr_next(entry, &name, &value, &size) == ARCHIVE_OK)
        ids.xattrs.emplace_back(name, std::string(static_cast<const char*>(value), size));
    rewrite(ids);
    archive_entry_set_uid(entry, ids.uid);
    archive_entry_set_gid(entry, ids.gid);
    archive_entry_xattr_clear(entry);
    for (const auto& [xname, xvalue] : ids.xattrs)
        archive_entry_xattr_add_entry(entry, xname.c_str(), xvalue.data(), xvalue.size());
}

// Writes each entry as the walk lists it, so a directory comes before its
// contents; the walk enters the directories on rootFd's filesystem.
class Exporter : public fs::TreeVisitor {
public:
    Exporter(archive* a, dev_t rootDev, std::string top, const ExportOptions& options)
        : m_a(a), m_rootDev(rootDev), m_top(std::move(top)), m_options(options)
    {}
    Result<fs::Descend> entry(const fs::WalkEntry& e) override;
    Status finish();

private:
    Status writeEntry(archive_entry* entry, int fileFd, const std::string& path);

    archive* m_a;
    dev_t m_rootDev;
    std::string m_top;
    const ExportOptions& m_options;
    std::map<std::pair<dev_t, ino_t>, std::string> m_firstNames;
};

Result<fs::Descend> Exporter::entry(const fs::WalkEntry& e)
{
    const std::string path = m_top + "/" + std::string(e.path);
    auto source = openSource(e.dirFd, std::string(e.name), path);
    if (!source)
        return std::unexpected(source.error());
    const struct stat& st = source->st;
    if (st.st_dev != m_rootDev || S_ISSOCK(st.st_mode))
        return fs::Descend::No;
    if (m_options.leaveOutDevices && (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)))
        return fs::Descend::No;
    EntryPtr entry(archive_entry_new());
    if (auto ok = describeSource(*source, entry.get(), path); !ok)
        return std::unexpected(ok.error());
    rewriteIds(entry.get(), m_options.rewriteIds);
    if (!S_ISDIR(st.st_mode) && st.st_nlink > 1) {
        auto [it, first] = m_firstNames.try_emplace({st.st_dev, st.st_ino}, path);
        if (!first) {
            archive_entry_set_hardlink(entry.get(), it->second.c_str());
            archive_entry_set_size(entry.get(), 0);
            if (auto ok = writeEntry(entry.get(), -1, path); !ok)
                return std::unexpected(ok.error());
            return fs::Descend::No;
        }
    }
    if (auto ok = writeEntry(entry.get(), S_ISREG(st.st_mode) ? source->fd.get() : -1, path); !ok)
        return std::unexpected(ok.error());
    return S_ISDIR(st.st_mode) ? fs::Descend::Yes : fs::Descend::No;
}

Status Exporter::writeEntry(archive_entry* entry, int fileFd, const std::string& path)
{
    if (archive_write_header(m_a, entry) < ARCHIVE_WARN)
        return std::unexpected(archiveError(m_a, "write header of " + quoted(path)));
    if (fileFd < 0)
        return {};
    return copyFileData(m_a, fileFd, archive_entry_size(entry), path);
}

Status Exporter::finish()
{
    if (archive_write_close(m_a) != ARCHIVE_OK)
        return std::unexpected(archiveError(m_a, "finish the archive"));
    return {};
}

// Owned by root, not world-readable: a config may name host paths.
Status writeConfig(archive* a, const std::string& text)
{
    EntryPtr entry(archive_entry_new());
    archive_entry_set_pathname(entry.get(), std::string(kConfigMember).c_str());
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    archive_entry_set_perm(entry.get(), 0640);
    archive_entry_set_size(entry.get(), la_int64_t(text.size()));
    if (archive_write_header(a, entry.get()) < ARCHIVE_WARN)
        return std::unexpected(archiveError(a, "write header of the config"));
    if (archive_write_data(a, text.data(), text.size()) != la_ssize_t(text.size()))
        return std::unexpected(archiveError(a, "write the config"));
    return {};
}

} // namespace

Status exportTree(int rootFd, int outFd, const ExportOptions& options)
{
    auto writer = openWriter(outFd, options.compression);
    if (!writer)
        return std::unexpected(writer.error());
    if (options.config)
        if (auto ok = writeConfig(writer->get(), *options.config); !ok)
            return ok;
    const std::string top = options.config ? std::string(kRootfsMember) : ".";
    auto root = openSource(rootFd, ".", top);
    if (!root)
        return std::unexpected(root.error());
    EntryPtr entry(archive_entry_new());
    if (auto ok = describeSource(*root, entry.get(), top); !ok)
        return ok;
    rewriteIds(entry.get(), options.rewriteIds);
    if (archive_write_header(writer->get(), entry.get()) < ARCHIVE_WARN)
        return std::unexpected(archiveError(writer->get(), "write header of " + quoted(top)));
    Exporter exporter(writer->get(), root->st.st_dev, top, options);
    if (auto ok = fs::walkTree(root->fd.get(), exporter, top); !ok)
        return ok;
    return exporter.finish();
}

} // namespace berth::image
