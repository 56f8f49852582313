#include "image/oci_input.h"

#include "fs/remove_tree.h"
#include "image/archive_extract.h"
#include "image/tree_as_caller.h"

#include <cerrno>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>

namespace berth::image {

ImageInput::ImageInput(ImageInput&& other) noexcept
    : m_layout(std::move(other.m_layout)), m_scratch(std::exchange(other.m_scratch, {}))
{}

ImageInput::~ImageInput()
{
    (void)release();
}

Status ImageInput::release()
{
    m_layout.reset();
    if (m_scratch.empty())
        return {};
    const std::filesystem::path scratch = std::exchange(m_scratch, {});
    return fs::removeTree(scratch);
}

namespace {

// Root's own directory (reader 0): used in place.
Result<UniqueFd> reopenDirectory(int fd)
{
    UniqueFd dir(::openat(fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!dir)
        return failErrno(errno, "open the image directory");
    return dir;
}

Result<UniqueFd> extractInto(int archiveFd, const std::filesystem::path& scratch)
{
    UniqueFd layout(::open(scratch.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!layout)
        return failErrno(errno, "open " + scratch.string());
    ExtractOptions options;
    options.allowDevices = false;
    // Blobs are only read by us: the caller's owners do not matter here.
    options.preserveOwners = false;
    if (auto ok = extractArchive(archiveFd, layout.get(), options); !ok)
        return fail(ok.error().wrap("extract the image archive"));
    return layout;
}

} // namespace

namespace {

Status makeScratch(const std::filesystem::path& scratch)
{
    if (::mkdir(scratch.c_str(), 0700) != 0)
        return failErrno(errno, "create " + scratch.string());
    return {};
}

// The caller's directory, read with the caller's rights and extracted.
Result<UniqueFd> extractAsCaller(int dirFd, const Reader& reader, const std::filesystem::path& scratch)
{
    auto stream = streamTreeAs(dirFd, reader);
    if (!stream)
        return fail(stream.error().wrap("read the image directory"));
    auto layout = extractInto(stream->fd(), scratch);
    auto read = stream->finish();
    if (layout && !read) // a file the caller cannot read was left out
        return fail(read.error().wrap("read the image directory"));
    return layout;
}

} // namespace

Result<ImageInput> openImageInput(int inputFd, const std::filesystem::path& scratch, const Reader& reader)
{
    struct stat st {};
    if (::fstat(inputFd, &st) != 0)
        return failErrno(errno, "the image descriptor");
    const int flags = ::fcntl(inputFd, F_GETFL);
    if (flags < 0 || (flags & O_PATH) == O_PATH)
        return failWith(EINVAL, "the image descriptor was opened with O_PATH, without the right to read");
    ImageInput input;
    if (S_ISDIR(st.st_mode) && reader.uid == 0) {
        auto dir = reopenDirectory(inputFd);
        if (!dir)
            return fail(dir.error());
        input.m_layout = std::move(*dir);
        return input;
    }
    if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode))
        return failWith(EINVAL, "the image must be a directory, a regular file or a pipe");
    if (auto made = makeScratch(scratch); !made)
        return fail(made.error());
    input.m_scratch = scratch; // removed from here on, whatever happens
    auto layout = S_ISDIR(st.st_mode) ? extractAsCaller(inputFd, reader, scratch) : extractInto(inputFd, scratch);
    if (!layout)
        return fail(layout.error());
    input.m_layout = std::move(*layout);
    return input;
}

} // namespace berth::image
