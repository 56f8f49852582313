// The layers of ImageBuilder: tar entries written as described (hostile
// ones too), then compressed.
#include "image_builder.h"

#include "child_process.h"

#include <archive.h>
#include <archive_entry.h>

#include <memory>

#include <sys/sysmacros.h>
#include <sys/stat.h>

namespace berth::test {

LayerFile LayerFile::file(std::string path, std::string data, mode_t mode)
{
    return {.type = Type::File, .path = std::move(path), .data = std::move(data), .mode = mode};
}

LayerFile LayerFile::dir(std::string path, mode_t mode)
{
    return {.type = Type::Dir, .path = std::move(path), .mode = mode};
}

LayerFile LayerFile::symlink(std::string path, std::string target)
{
    return {.type = Type::Symlink, .path = std::move(path), .link = std::move(target), .mode = 0777};
}

LayerFile LayerFile::hardLink(std::string path, std::string target)
{
    return {.type = Type::HardLink, .path = std::move(path), .link = std::move(target)};
}

LayerFile LayerFile::charDevice(std::string path, unsigned major, unsigned minor)
{
    return {.type = Type::CharDevice, .path = std::move(path), .mode = 0666, .major = major, .minor = minor};
}

LayerFile LayerFile::whiteout(const std::string& path)
{
    const std::size_t slash = path.rfind('/');
    const std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
    return file(dir + ".wh." + path.substr(slash == std::string::npos ? 0 : slash + 1), "", 0644);
}

LayerFile LayerFile::opaque(const std::string& dir)
{
    return file(dir + "/.wh..wh..opq", "", 0644);
}

std::vector<LayerFile> busyboxFiles(const std::vector<std::string>& applets)
{
    static const std::string busybox = readWholeFile("/bin/busybox");
    std::vector<LayerFile> files = {
        LayerFile::dir("bin"),
        LayerFile::file("bin/busybox", busybox, 0755),
        LayerFile::dir("etc"),
        LayerFile::file("etc/passwd", "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/:/bin/sh\n"),
        LayerFile::file("etc/group", "root:x:0:\napp:x:1000:\n"),
    };
    for (const std::string& applet : applets)
        files.push_back(LayerFile::symlink("bin/" + applet, "busybox"));
    return files;
}

std::string pseudoRandomData(std::size_t size, unsigned seed)
{
    std::string data(size, '\0');
    std::uint64_t state = 0x9E3779B97F4A7C15ULL ^ seed;
    for (std::size_t i = 0; i < size; ++i) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        data[i] = static_cast<char>(state);
    }
    return data;
}

namespace {

using ArchivePtr = std::unique_ptr<archive, decltype(&archive_write_free)>;

mode_t fileType(LayerFile::Type type)
{
    switch (type) {
    case LayerFile::Type::File:
    case LayerFile::Type::HardLink:
        return AE_IFREG;
    case LayerFile::Type::Dir:
        return AE_IFDIR;
    case LayerFile::Type::Symlink:
        return AE_IFLNK;
    case LayerFile::Type::CharDevice:
        return AE_IFCHR;
    case LayerFile::Type::BlockDevice:
        return AE_IFBLK;
    case LayerFile::Type::Fifo:
        return AE_IFIFO;
    }
    return AE_IFREG;
}

void addFile(archive* a, const LayerFile& file)
{
    std::unique_ptr<archive_entry, decltype(&archive_entry_free)> entry(archive_entry_new(), archive_entry_free);
    archive_entry_set_pathname(entry.get(), file.path.c_str());
    archive_entry_set_filetype(entry.get(), fileType(file.type));
    archive_entry_set_perm(entry.get(), file.mode);
    archive_entry_set_uid(entry.get(), file.uid);
    archive_entry_set_gid(entry.get(), file.gid);
    // A fixed time: the same description gives the same digests.
    archive_entry_set_mtime(entry.get(), 1'700'000'000, 0);
    if (file.type == LayerFile::Type::Symlink)
        archive_entry_set_symlink(entry.get(), file.link.c_str());
    if (file.type == LayerFile::Type::HardLink)
        archive_entry_set_hardlink(entry.get(), file.link.c_str());
    if (file.type == LayerFile::Type::CharDevice || file.type == LayerFile::Type::BlockDevice)
        archive_entry_set_rdev(entry.get(), makedev(file.major, file.minor));
    const bool hasData = file.type == LayerFile::Type::File;
    archive_entry_set_size(entry.get(), hasData ? static_cast<la_int64_t>(file.data.size()) : 0);
    archive_write_header(a, entry.get());
    if (hasData)
        archive_write_data(a, file.data.data(), file.data.size());
}

// Writes entries (or, with `raw`, bytes through the filter only) to a string.
std::string writeArchive(const std::vector<LayerFile>* files, const std::string* raw, int filter)
{
    std::string out;
    ArchivePtr a(archive_write_new(), archive_write_free);
    if (raw)
        archive_write_set_format_raw(a.get());
    else
        archive_write_set_format_pax_restricted(a.get());
    archive_write_add_filter(a.get(), filter);
    if (filter == ARCHIVE_FILTER_GZIP)
        archive_write_set_filter_option(a.get(), "gzip", "timestamp", nullptr);
    archive_write_set_bytes_in_last_block(a.get(), 1);
    archive_write_open(
        a.get(), &out, nullptr,
        [](archive*, void* client, const void* data, size_t size) -> la_ssize_t {
            static_cast<std::string*>(client)->append(static_cast<const char*>(data), size);
            return static_cast<la_ssize_t>(size);
        },
        nullptr);
    if (raw) {
        std::unique_ptr<archive_entry, decltype(&archive_entry_free)> entry(archive_entry_new(), archive_entry_free);
        archive_entry_set_filetype(entry.get(), AE_IFREG);
        archive_write_header(a.get(), entry.get());
        archive_write_data(a.get(), raw->data(), raw->size());
    } else {
        for (const LayerFile& file : *files)
            addFile(a.get(), file);
    }
    archive_write_close(a.get());
    return out;
}

} // namespace

std::string layerTar(const LayerSpec& layer)
{
    return writeArchive(&layer.files, nullptr, ARCHIVE_FILTER_NONE);
}

// The tar compressed as the layer asks (used by image_builder.cpp).
std::string compressLayer(const std::string& tar, Compression compression)
{
    switch (compression) {
    case Compression::None:
        return tar;
    case Compression::Gzip:
        return writeArchive(nullptr, &tar, ARCHIVE_FILTER_GZIP);
    case Compression::Zstd:
        return writeArchive(nullptr, &tar, ARCHIVE_FILTER_ZSTD);
    }
    return tar;
}

} // namespace berth::test
