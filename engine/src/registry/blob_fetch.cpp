#include "registry/blob_fetch.h"

#include "berth/templates.h"
#include "fs/lock_file.h"
#include "image/oci_digest.h"
#include "registry/remote_image.h"
#include "registry/session.h"
#include "registry/sha256_stream.h"

#include <cerrno>
#include <chrono>
#include <fcntl.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace berth::registry {

namespace {

using Clock = std::chrono::steady_clock;
// Progress reports while bytes flow: about ten a second.
constexpr auto kReportEvery = std::chrono::milliseconds(100);
// How often a pull waiting for another pull's download of the blob checks Cancel.
constexpr auto kLockPoll = std::chrono::milliseconds(100);

// The download in flight: the .partial file, how much of it is verified
// into the hash, and the blob it must become.
struct Download {
    const LayerDescriptor* layer = nullptr;
    const Progress* progress = nullptr;
    int fd = -1;
    std::uint64_t offset = 0; // bytes in the file and in the hash
    Sha256Stream hash;
    bool started = false; // the first chunk of this answer was seen
    Clock::time_point lastReport{};
};

void report(Download& d, std::string_view phase, bool force)
{
    const auto now = Clock::now();
    if (!force && now - d.lastReport < kReportEvery)
        return;
    d.lastReport = now;
    d.progress->item({d.layer->digest, std::string(phase), d.offset, d.layer->size});
}

// A 200 to a Range request (the registry ignores ranges) starts over; a
// 206 must continue where the file ends.
Status beginAnswer(Download& d, const HttpResponse& head)
{
    d.started = true;
    if (head.status == 206) {
        const std::string range = head.header("content-range");
        if (!range.starts_with("bytes " + std::to_string(d.offset) + "-"))
            return failWith(EPROTO,
                            "the registry resumed blob " + d.layer->digest + " at the wrong offset ('" + range + "')");
        return {};
    }
    if (d.offset > 0) {
        if (::ftruncate(d.fd, 0) != 0)
            return failErrno(errno, "truncate a partial download");
        d.offset = 0;
        d.hash.reset();
    }
    return {};
}

Status writeChunk(Download& d, const HttpResponse& head, std::string_view chunk)
{
    if (!d.started)
        if (auto ok = beginAnswer(d, head); !ok)
            return ok;
    if (d.offset + chunk.size() > d.layer->size)
        return failWith(EFBIG, "blob " + d.layer->digest + " is longer than the " + std::to_string(d.layer->size) +
                                   " bytes its descriptor gives");
    for (std::size_t done = 0; done < chunk.size();) {
        const ssize_t n = ::pwrite(d.fd, chunk.data() + done, chunk.size() - done, static_cast<off_t>(d.offset + done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return failErrno(errno, "write blob " + d.layer->digest);
        done += static_cast<std::size_t>(n);
    }
    d.hash.update(chunk);
    d.offset += chunk.size();
    report(d, "downloading", false);
    return {};
}

// Waits for the blob's lock, checking Cancel: another pull may be fetching it.
Result<UniqueFd> lockBlob(int dirFd, const std::string& hex, const LayerDescriptor& layer, const Progress& progress)
{
    bool told = false;
    for (;;) {
        auto lock = fs::lockFileAt(dirFd, hex + ".lock", false);
        if (lock || lock.error().code != EWOULDBLOCK)
            return lock;
        if (auto ok = progress.check(); !ok)
            return fail(ok.error());
        if (!told)
            progress.item({layer.digest, "waiting", 0, layer.size});
        told = true;
        std::this_thread::sleep_for(kLockPoll);
    }
}

// The complete blob when an earlier pull left it: its size must be right
// (it was verified before it got its name, in a directory only root writes).
Result<UniqueFd> openComplete(int dirFd, const std::string& hex, const LayerDescriptor& layer)
{
    UniqueFd fd(::openat(dirFd, hex.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (!fd)
        return errno == ENOENT ? Result<UniqueFd>(UniqueFd()) : failErrno(errno, "open blob " + layer.digest);
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0)
        return failErrno(errno, "stat blob " + layer.digest);
    if (!S_ISREG(st.st_mode) || static_cast<std::uint64_t>(st.st_size) != layer.size) {
        if (::unlinkat(dirFd, hex.c_str(), 0) != 0)
            return failErrno(errno, "remove a wrong download of " + layer.digest);
        return UniqueFd();
    }
    return fd;
}

// Opens the .partial (made when missing) and hashes what it holds; one
// longer than the blob is emptied.
Status openPartial(int dirFd, const std::string& name, Download& d)
{
    d.fd = ::openat(dirFd, name.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (d.fd < 0)
        return failErrno(errno, "open '" + name + "'");
    struct stat st {};
    if (::fstat(d.fd, &st) != 0)
        return failErrno(errno, "stat '" + name + "'");
    if (!S_ISREG(st.st_mode))
        return failWith(EINVAL, "'" + name + "' is not a regular file");
    d.offset = static_cast<std::uint64_t>(st.st_size);
    if (d.offset > d.layer->size) {
        if (::ftruncate(d.fd, 0) != 0)
            return failErrno(errno, "truncate '" + name + "'");
        d.offset = 0;
    }
    return d.hash.updateFromFile(d.fd, d.offset);
}

Status download(Session& session, const model::ImageReference& ref, Download& d)
{
    if (d.offset == d.layer->size)
        return {}; // all there: only the check is left
    HttpRequest request{.maxBodyBytes = d.layer->size};
    if (d.offset > 0)
        request.rangeFrom = d.offset;
    report(d, "downloading", true);
    auto answer = session.get(
        ref, "blobs/" + d.layer->digest, request,
        [&d](const HttpResponse& head, std::string_view chunk) { return writeChunk(d, head, chunk); }, d.progress);
    if (!answer)
        return fail(answer.error());
    if (answer->status == 416 && d.offset > 0) // the range is past the blob's end: not this blob
        return failWith(EINVAL, "the registry's blob " + d.layer->digest + " is shorter than its descriptor says");
    if (answer->status != 200 && answer->status != 206)
        return fail(statusError(*answer, "blob " + d.layer->digest));
    if (!d.started && d.offset > 0 && answer->status == 200) // an empty 200: nothing of ours is kept
        if (auto ok = beginAnswer(d, *answer); !ok)
            return ok;
    return {};
}

// Size and digest; a mismatch is never kept (the next try starts over).
Status verify(int dirFd, const std::string& partialName, Download& d)
{
    report(d, "verifying", true);
    if (d.offset != d.layer->size)
        return failWith(EIO, "blob " + d.layer->digest + " ended after " + std::to_string(d.offset) + " of " +
                                 std::to_string(d.layer->size) + " bytes (kept for a resume)");
    const std::string actual = d.hash.finish();
    if (actual != d.layer->digest) {
        ::unlinkat(dirFd, partialName.c_str(), 0);
        return failWith(EINVAL, "blob " + d.layer->digest + " does not match its digest (the registry sent " + actual +
                                    "); it was discarded");
    }
    if (::fsync(d.fd) != 0)
        return failErrno(errno, "sync blob " + d.layer->digest);
    return {};
}

Result<UniqueFd> fetchLocked(Session& session, const model::ImageReference& ref, const LayerDescriptor& layer,
                             int dirFd, const std::string& hex, const Progress& progress)
{
    auto complete = openComplete(dirFd, hex, layer);
    if (!complete || *complete) {
        if (complete)
            progress.item({layer.digest, "exists", layer.size, layer.size});
        return complete;
    }
    const std::string partialName = hex + ".partial";
    Download d{&layer, &progress, -1, 0, {}, false, {}};
    UniqueFd partial; // owns d.fd
    auto opened = openPartial(dirFd, partialName, d);
    partial.reset(d.fd);
    if (!opened)
        return fail(opened.error());
    if (!d.hash.valid())
        return failWith(ENOMEM, "sha256");
    if (auto ok = download(session, ref, d); !ok)
        return fail(ok.error());
    if (auto ok = verify(dirFd, partialName, d); !ok)
        return fail(ok.error());
    if (::renameat(dirFd, partialName.c_str(), dirFd, hex.c_str()) != 0)
        return failErrno(errno, "name blob " + layer.digest);
    UniqueFd done(::openat(dirFd, hex.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (!done)
        return failErrno(errno, "open blob " + layer.digest);
    return done; // "extracting" and "done" are the store's to report
}

} // namespace

Result<UniqueFd> fetchBlob(Session& session, const model::ImageReference& reference, const LayerDescriptor& layer,
                           int downloadsDirFd, const Progress& progress)
{
    auto hex = image::parseSha256Digest(layer.digest);
    if (!hex)
        return fail(hex.error());
    auto lock = lockBlob(downloadsDirFd, *hex, layer, progress);
    if (!lock)
        return fail(lock.error().wrap("pull '" + reference.text() + "'"));
    auto blob = fetchLocked(session, reference, layer, downloadsDirFd, *hex, progress);
    if (!blob)
        return fail(blob.error().wrap("pull '" + reference.text() + "'"));
    return blob;
}

} // namespace berth::registry
