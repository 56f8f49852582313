// Builds tar archives in memory files for the archive tests, with
// libarchive's write API, so hostile entries can be written on purpose.
#pragma once

#include "berth/unique_fd.h"

#include <archive.h>
#include <archive_entry.h>

#include <memory>
#include <string>
#include <vector>

#include <sys/mman.h>
#include <sys/sysmacros.h>
#include <sys/stat.h>
#include <unistd.h>

namespace archive_test {

struct Entry {
    char type = 'f'; // f file, d dir, l symlink, h hard link, c char device, p FIFO
    std::string path;
    std::string data; // file contents
    std::string link; // symlink or hard link target
    mode_t perm = 0644;
};

inline void addEntry(archive* a, const Entry& e)
{
    std::unique_ptr<archive_entry, decltype(&archive_entry_free)> entry(archive_entry_new(), archive_entry_free);
    archive_entry_set_pathname(entry.get(), e.path.c_str());
    archive_entry_set_perm(entry.get(), e.perm);
    archive_entry_set_mtime(entry.get(), 1'600'000'000, 0);
    archive_entry_set_uid(entry.get(), ::getuid());
    archive_entry_set_gid(entry.get(), ::getgid());
    const mode_t types[] = {AE_IFREG, AE_IFDIR, AE_IFLNK, AE_IFREG, AE_IFCHR, AE_IFIFO};
    const std::string letters = "fdlhcp";
    archive_entry_set_filetype(entry.get(), types[letters.find(e.type)]);
    if (e.type == 'l')
        archive_entry_set_symlink(entry.get(), e.link.c_str());
    if (e.type == 'h')
        archive_entry_set_hardlink(entry.get(), e.link.c_str());
    if (e.type == 'c')
        archive_entry_set_rdev(entry.get(), makedev(1, 3));
    archive_entry_set_size(entry.get(), e.type == 'f' ? static_cast<la_int64_t>(e.data.size()) : 0);
    archive_write_header(a, entry.get());
    if (e.type == 'f')
        archive_write_data(a, e.data.data(), e.data.size());
}

// A memfd holding the archive, positioned at its start.
inline berth::UniqueFd buildArchive(const std::vector<Entry>& entries, int filter = ARCHIVE_FILTER_NONE)
{
    berth::UniqueFd fd(::memfd_create("archive", MFD_CLOEXEC));
    archive* a = archive_write_new();
    archive_write_set_format_pax(a);
    archive_write_add_filter(a, filter);
    archive_write_open_fd(a, fd.get());
    for (const Entry& e : entries)
        addEntry(a, e);
    archive_write_close(a);
    archive_write_free(a);
    ::lseek(fd.get(), 0, SEEK_SET);
    return fd;
}

} // namespace archive_test
