#include "image_store/layer_store.h"

#include "fs/atomic_file.h"
#include "fs/file_io.h"
#include "fs/remove_tree.h"
#include "image/archive_extract.h"
#include "image/archive_handle.h"
#include "image/whiteouts.h"
#include "image_store/sha256_stream.h"
#include "image_store/tree_usage.h"

#include <archive.h>

#include <cerrno>
#include <charconv>
#include <chrono>
#include <vector>

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

namespace berth::image_store {

namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kReportEvery = std::chrono::milliseconds(100);

// The decompressed stream, hashed block by block as the extraction reads it.
class HashingStream {
public:
    HashingStream(archive* raw, std::uint64_t blobSize, std::string_view itemId, const Progress& progress)
        : m_raw(raw), m_blobSize(blobSize), m_itemId(itemId), m_progress(progress)
    {}

    Result<std::string_view> next()
    {
        if (auto ok = m_progress.check(); !ok)
            return fail(ok.error());
        const la_ssize_t n = archive_read_data(m_raw, m_buffer.data(), m_buffer.size());
        if (n < 0)
            return fail(image::archiveError(m_raw, "decompress layer"));
        const std::string_view block(m_buffer.data(), static_cast<std::size_t>(n));
        m_hash.update(block);
        report();
        return block;
    }

    // What the tar reader left unread (its end-of-archive padding) is part
    // of the diff ID too.
    Result<std::string> finish()
    {
        for (;;) {
            auto block = next();
            if (!block)
                return fail(block.error());
            if (block->empty())
                return m_hash.finish();
        }
    }

private:
    void report()
    {
        const auto now = Clock::now();
        if (now - m_lastReport < kReportEvery)
            return;
        m_lastReport = now;
        const auto done = static_cast<std::uint64_t>(archive_filter_bytes(m_raw, -1));
        m_progress.item({std::string(m_itemId), "extracting", std::min(done, m_blobSize), m_blobSize});
    }

    archive* m_raw;
    std::uint64_t m_blobSize;
    std::string_view m_itemId;
    const Progress& m_progress;
    Sha256Stream m_hash;
    std::vector<char> m_buffer = std::vector<char>(std::size_t{1} << 17);
    Clock::time_point m_lastReport{};
};

Result<image::ReadArchivePtr> openRaw(int blobFd)
{
    auto raw = image::newRawReader();
    if (!raw)
        return raw;
    if (archive_read_open_fd(raw->get(), blobFd, 1 << 17) != ARCHIVE_OK)
        return fail(image::archiveError(raw->get(), "open layer"));
    archive_entry* entry = nullptr;
    if (archive_read_next_header(raw->get(), &entry) != ARCHIVE_OK)
        return fail(image::archiveError(raw->get(), "read layer"));
    return raw;
}

// Extracts and returns the diff ID the stream had.
Result<std::string> extractHashing(int blobFd, int treeFd, std::uint64_t blobSize, std::string_view itemId,
                                   const Progress& progress)
{
    auto raw = openRaw(blobFd);
    if (!raw)
        return fail(raw.error());
    HashingStream stream(raw->get(), blobSize, itemId, progress);
    image::ExtractOptions options;
    options.allowDevices = false;
    options.preserveOwners = true;
    options.beforeEntry = [treeFd](std::string_view path) -> Result<bool> {
        bool consumed = false;
        if (auto ok = image::storeLayerEntryWhiteout(treeFd, path, &consumed); !ok)
            return fail(ok.error());
        return consumed;
    };
    if (auto ok = image::extractArchiveStream([&stream] { return stream.next(); }, treeFd, options); !ok)
        return fail(ok.error());
    return stream.finish();
}

// A temporary tree removed unless it was renamed into place.
class TempTree {
public:
    TempTree(std::filesystem::path path, UniqueFd fd) : m_path(std::move(path)), m_fd(std::move(fd)) {}
    TempTree(TempTree&&) = default;
    ~TempTree()
    {
        if (!m_path.empty()) {
            m_fd.reset();
            (void)fs::removeTree(m_path);
        }
    }
    [[nodiscard]] int fd() const { return m_fd.get(); }
    void release() { m_path.clear(); }

private:
    std::filesystem::path m_path;
    UniqueFd m_fd;
};

Result<std::pair<std::string, TempTree>> makeTempTree(const StoreDirs& dirs, const std::string& hex)
{
    const std::string name = ".tmp-" + hex + "-" + fs::randomSuffix();
    if (::mkdirat(dirs.layersFd.get(), name.c_str(), 0755) != 0)
        return failErrno(errno, "create " + (dirs.root / "layers" / name).string());
    UniqueFd fd(::openat(dirs.layersFd.get(), name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    TempTree tree(dirs.root / "layers" / name, std::move(fd));
    if (tree.fd() < 0 || ::fchmod(tree.fd(), 0755) != 0)
        return failErrno(errno, "open " + (dirs.root / "layers" / name).string());
    return std::pair(name, std::move(tree));
}

Result<std::uint64_t> readSizeFile(const StoreDirs& dirs, const std::string& hex)
{
    UniqueFd fd(::openat(dirs.layersFd.get(), (hex + ".size").c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (!fd)
        return failErrno(errno, "open the size of layer " + hex);
    auto text = fs::readAll(fd.get(), 64);
    if (!text)
        return fail(text.error());
    std::uint64_t bytes = 0;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), bytes);
    if (ec != std::errc() || (end != text->data() + text->size() && *end != '\n'))
        return failWith(EINVAL, "the size file of layer " + hex + " is damaged");
    return bytes;
}

// Synced, sized, renamed in; a layer of that name already there wins.
Result<StoredLayer> keepTree(const StoreDirs& dirs, const std::string& name, TempTree& tree, const std::string& hex)
{
    auto bytes = treeDiskUsage(tree.fd());
    if (!bytes)
        return fail(bytes.error());
    if (::syncfs(tree.fd()) != 0)
        return failErrno(errno, "sync layer " + hex);
    if (auto ok = fs::writeFileAtomicAt(dirs.layersFd.get(), hex + ".size", std::to_string(*bytes) + "\n", 0600); !ok)
        return fail(ok.error());
    if (::renameat2(dirs.layersFd.get(), name.c_str(), dirs.layersFd.get(), hex.c_str(), RENAME_NOREPLACE) != 0) {
        if (errno == EEXIST)
            return StoredLayer{*bytes, true};
        return failErrno(errno, "put layer " + hex + " in place");
    }
    tree.release();
    if (::fsync(dirs.layersFd.get()) != 0)
        return failErrno(errno, "sync the image store's layers");
    return StoredLayer{*bytes, false};
}

} // namespace

bool layerExists(const StoreDirs& dirs, std::string_view diffId)
{
    auto hex = digestHex(diffId);
    struct stat st {};
    return hex && ::fstatat(dirs.layersFd.get(), hex->c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode);
}

Result<StoredLayer> storeLayer(const StoreDirs& dirs, int blobFd, std::string_view diffId, std::uint64_t blobSize,
                               std::string_view itemId, const Progress& progress)
{
    auto hex = digestHex(diffId);
    if (!hex)
        return fail(hex.error().wrap("layer diff ID"));
    if (layerExists(dirs, diffId)) {
        auto bytes = layerBytes(dirs, *hex);
        return StoredLayer{bytes.value_or(0), true};
    }
    auto temp = makeTempTree(dirs, *hex);
    if (!temp)
        return fail(temp.error());
    auto& [name, tree] = *temp;
    auto actual = extractHashing(blobFd, tree.fd(), blobSize, itemId, progress);
    if (!actual)
        return fail(actual.error().wrap("layer " + std::string(itemId)));
    if (*actual != diffId)
        return failWith(EINVAL,
                        "layer " + std::string(itemId) + " is not what the image config says: its content is " +
                            *actual + ", the config's diff ID is " + std::string(diffId),
                        std::string(itemId));
    return keepTree(dirs, name, tree, *hex);
}

Result<std::uint64_t> layerBytes(const StoreDirs& dirs, std::string_view hexView)
{
    const std::string hex(hexView);
    if (auto bytes = readSizeFile(dirs, hex))
        return bytes;
    UniqueFd fd(::openat(dirs.layersFd.get(), hex.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!fd)
        return failErrno(errno, "open layer " + hex);
    auto bytes = treeDiskUsage(fd.get());
    if (bytes)
        (void)fs::writeFileAtomicAt(dirs.layersFd.get(), hex + ".size", std::to_string(*bytes) + "\n", 0600);
    return bytes;
}

} // namespace berth::image_store
