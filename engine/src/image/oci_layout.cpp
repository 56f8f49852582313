#include "image/oci_layout.h"

#include "fs/file_io.h"
#include "fs/safe_path.h"
#include "image/oci_digest.h"
#include "image/oci_json.h"

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

} // namespace

Result<UniqueFd> openLayoutFile(int layoutFd, std::string_view path)
{
    // O_NONBLOCK: a FIFO planted in a caller's directory must not hang us.
    auto fd = fs::openInRoot(layoutFd, path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (!fd) {
        if (fd.error().code == ENOENT)
            return failWith(ENOENT, "the image has no " + quoted(path), std::string(path));
        return fail(fd.error().wrap("open " + quoted(path) + " of the image"));
    }
    struct stat st {};
    if (::fstat(fd->get(), &st) != 0)
        return failErrno(errno, "stat " + quoted(path) + " of the image");
    if (!S_ISREG(st.st_mode))
        return failWith(EINVAL, quoted(path) + " of the image is not a regular file", std::string(path));
    return std::move(*fd);
}

bool layoutHas(int layoutFd, std::string_view path)
{
    return fs::openInRoot(layoutFd, path, O_PATH | O_CLOEXEC).has_value();
}

Result<std::string> readLayoutText(int layoutFd, std::string_view path)
{
    auto fd = openLayoutFile(layoutFd, path);
    if (!fd)
        return fail(fd.error());
    auto text = fs::readAll(fd->get(), kMaxJsonBytes);
    if (!text)
        return fail(text.error().wrap("read " + quoted(path) + " of the image"));
    return text;
}

Result<std::string> blobPath(std::string_view digest)
{
    auto hex = parseSha256Digest(digest);
    if (!hex)
        return fail(hex.error());
    return "blobs/sha256/" + *hex;
}

namespace {

Result<UniqueFd> openBlobFile(int layoutFd, std::string_view path, std::string_view digest)
{
    auto fd = openLayoutFile(layoutFd, path);
    if (!fd && fd.error().code == ENOENT)
        return failWith(ENOENT, "blob " + std::string(digest) + " is missing from the image (" + quoted(path) + ")",
                        std::string(digest));
    return fd;
}

} // namespace

Result<UniqueFd> openVerified(int layoutFd, std::string_view path, std::string_view digest,
                              std::optional<std::uint64_t> size)
{
    auto fd = openBlobFile(layoutFd, path, digest);
    if (!fd)
        return fail(fd.error());
    std::uint64_t actualSize = 0;
    auto actual = sha256OfFile(fd->get(), &actualSize);
    if (!actual)
        return fail(actual.error().wrap("blob " + std::string(digest)));
    if (auto ok = checkDigest(digest, size, *actual, actualSize); !ok)
        return fail(ok.error());
    // sha256OfFile used pread; the fd still reads from the start.
    return std::move(*fd);
}

Result<std::string> readVerified(int layoutFd, std::string_view path, std::string_view digest,
                                 std::optional<std::uint64_t> size)
{
    auto fd = openBlobFile(layoutFd, path, digest);
    if (!fd)
        return fail(fd.error());
    // Hash what was read, not the file again: it cannot change in between.
    auto text = fs::readAll(fd->get(), kMaxJsonBytes);
    if (!text)
        return fail(text.error().wrap("read blob " + std::string(digest)));
    if (auto ok = checkDigest(digest, size, sha256OfText(*text), text->size()); !ok)
        return fail(ok.error());
    return text;
}

} // namespace berth::image
