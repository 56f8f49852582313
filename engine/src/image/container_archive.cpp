#include "image/container_archive.h"

#include "image/archive_handle.h"
#include "image/archive_path.h"

#include <archive.h>
#include <archive_entry.h>

#include <array>
#include <cerrno>
#include <memory>

#include <unistd.h>

namespace berth::image {

namespace {

struct PreadSource {
    int fd = -1;
    off_t offset = 0;
    std::array<char, 64 * 1024> buffer{};
};

la_ssize_t readBlock(archive* a, void* data, const void** block)
{
    auto* source = static_cast<PreadSource*>(data);
    for (;;) {
        const ssize_t n = ::pread(source->fd, source->buffer.data(), source->buffer.size(), source->offset);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            archive_set_error(a, errno, "read the archive");
            return -1;
        }
        source->offset += n;
        *block = source->buffer.data();
        return n;
    }
}

} // namespace

bool isConfigMember(archive_entry* entry, std::string_view path)
{
    return path == kConfigMember && archive_entry_filetype(entry) == AE_IFREG && !archive_entry_hardlink(entry);
}

Result<std::string> readConfigMember(archive* a, archive_entry* entry)
{
    if (archive_entry_size(entry) < 0 || std::uint64_t(archive_entry_size(entry)) > kMaxConfigMemberSize)
        return failWith(EFBIG,
                        "the archive's config is larger than " + std::to_string(kMaxConfigMemberSize) + " bytes");
    std::string text(std::size_t(archive_entry_size(entry)), '\0');
    const la_ssize_t n = archive_read_data(a, text.data(), text.size());
    if (n < 0 || std::size_t(n) != text.size())
        return std::unexpected(archiveError(a, "read the archive's config"));
    return text;
}

Result<std::optional<std::string>> peekContainerConfig(int fd)
{
    auto source = std::make_unique<PreadSource>();
    source->fd = fd;
    source->offset = ::lseek(fd, 0, SEEK_CUR);
    if (source->offset < 0)
        return failErrno(errno, "find the archive's offset");
    auto a = newTarReader();
    if (!a)
        return std::unexpected(a.error());
    if (archive_read_open(a->get(), source.get(), nullptr, readBlock, nullptr) != ARCHIVE_OK)
        return std::unexpected(archiveError(a->get(), "open archive"));
    archive_entry* entry = nullptr;
    if (archive_read_next_header(a->get(), &entry) < ARCHIVE_WARN)
        return std::unexpected(archiveError(a->get(), "read archive"));
    const char* name = archive_entry_pathname(entry);
    auto path = normalizeEntryPath(name ? name : "");
    if (!path || !isConfigMember(entry, *path))
        return std::optional<std::string>();
    auto text = readConfigMember(a->get(), entry);
    if (!text)
        return std::unexpected(text.error());
    return std::optional<std::string>(std::move(*text));
}

} // namespace berth::image
