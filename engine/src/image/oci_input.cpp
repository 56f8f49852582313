#include "image/oci_input.h"

#include "fs/remove_tree.h"
#include "image/archive_extract.h"

#include <cerrno>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>

namespace berth::image {

ImageInput::ImageInput(ImageInput&& other) noexcept
    : m_layout(std::move(other.m_layout)), m_scratch(std::exchange(other.m_scratch, {}))
{
}

ImageInput::~ImageInput() { (void)release(); }

Status ImageInput::release()
{
    m_layout.reset();
    if (m_scratch.empty())
        return {};
    const std::filesystem::path scratch = std::exchange(m_scratch, {});
    return fs::removeTree(scratch);
}

namespace {

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

Result<ImageInput> openImageInput(int inputFd, const std::filesystem::path& scratch)
{
    struct stat st {};
    if (::fstat(inputFd, &st) != 0)
        return failErrno(errno, "the image descriptor");
    ImageInput input;
    if (S_ISDIR(st.st_mode)) {
        auto dir = reopenDirectory(inputFd);
        if (!dir)
            return fail(dir.error());
        input.m_layout = std::move(*dir);
        return input;
    }
    if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode))
        return failWith(EINVAL, "the image must be a directory, a regular file or a pipe");
    if (::mkdir(scratch.c_str(), 0700) != 0)
        return failErrno(errno, "create " + scratch.string());
    input.m_scratch = scratch;   // removed from here on, whatever happens
    auto layout = extractInto(inputFd, scratch);
    if (!layout)
        return fail(layout.error());
    input.m_layout = std::move(*layout);
    return input;
}

} // namespace berth::image
