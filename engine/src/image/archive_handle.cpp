#include "image/archive_handle.h"

#include <archive.h>
#include <archive_entry.h>

#include <cerrno>
#include <string>

namespace berth::image {

void ReadArchiveFree::operator()(archive* a) const noexcept
{
    archive_read_free(a);
}
void WriteArchiveFree::operator()(archive* a) const noexcept
{
    archive_write_free(a);
}
void EntryFree::operator()(archive_entry* e) const noexcept
{
    archive_entry_free(e);
}

namespace {

Result<ReadArchivePtr> newDecompressingReader()
{
    ReadArchivePtr a(archive_read_new());
    if (!a)
        return failWith(ENOMEM, "allocate an archive reader");
    archive_read_support_filter_gzip(a.get());
    archive_read_support_filter_xz(a.get());
    archive_read_support_filter_lzma(a.get());
    archive_read_support_filter_zstd(a.get());
    archive_read_support_filter_bzip2(a.get());
    return a;
}

} // namespace

Result<ReadArchivePtr> newTarReader()
{
    auto a = newDecompressingReader();
    if (a)
        archive_read_support_format_tar(a->get()); // ustar, pax and GNU tar
    return a;
}

Result<ReadArchivePtr> newRawReader()
{
    auto a = newDecompressingReader();
    if (a)
        archive_read_support_format_raw(a->get());
    return a;
}

Error archiveError(archive* a, std::string_view what)
{
    const char* text = archive_error_string(a);
    int code = archive_errno(a);
    // libarchive reports format errors as EILSEQ on Linux and its own
    // failures as -1; neither is what a caller of the engine expects.
    if (code == EILSEQ)
        code = EINVAL;
    else if (code <= 0)
        code = EIO;
    return Error::make(code, std::string(what) + ": " + (text ? text : "unknown libarchive error"));
}

} // namespace berth::image
