// The image a caller hands over as a descriptor: an OCI layout directory
// used in place, or an archive (OCI layout or `docker save`) extracted
// into a scratch directory that is removed again.
#pragma once

#include "berth/error.h"
#include "berth/unique_fd.h"
#include "image/tree_as_caller.h"

#include <filesystem>

#include <sys/types.h>

namespace berth::image {

class ImageInput {
public:
    ImageInput() = default;
    ImageInput(ImageInput&& other) noexcept;
    ImageInput& operator=(ImageInput&&) = delete;
    ImageInput(const ImageInput&) = delete;
    ~ImageInput();

    // The directory holding index.json or manifest.json.
    [[nodiscard]] int layoutFd() const { return m_layout.get(); }
    // Removes the scratch directory now (also done on destruction); its
    // error, if any, is reported.
    [[nodiscard]] Status release();

private:
    friend Result<ImageInput> openImageInput(int inputFd, const std::filesystem::path& scratch, const Reader& reader);
    UniqueFd m_layout;
    std::filesystem::path m_scratch; // empty: nothing to remove
};

// A directory fd is the layout: root (reader uid 0) reads it in place; for
// anyone else it is read with the reader's rights (streamTreeAs) and
// extracted into `scratch`. A regular file or pipe is extracted into
// `scratch`, which must not exist yet: no device nodes, owned by us.
// O_PATH or anything else: EINVAL.
[[nodiscard]] Result<ImageInput> openImageInput(int inputFd, const std::filesystem::path& scratch,
                                                const Reader& reader);

} // namespace berth::image
