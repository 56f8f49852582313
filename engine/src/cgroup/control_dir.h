// Cheap reads of a cgroup's small control files: the directory is opened
// once, each file is opened relative to it, read once into a caller's
// (stack) buffer and closed. No iostreams, no allocation per read.
#pragma once

#include "berth/error.h"
#include "berth/unique_fd.h"

#include <filesystem>
#include <span>
#include <string_view>

namespace berth::cgroup {

// Large enough for memory.stat and io.stat of a container with a few disks.
inline constexpr size_t kControlBufferSize = 16384;

class ControlDir {
public:
    [[nodiscard]] static Result<ControlDir> open(const std::filesystem::path& dir);

    // The whole content of `name`, a view into `buffer`. ENOENT when the
    // file does not exist (a controller not enabled, an older kernel);
    // EFBIG when it does not fit in `buffer`.
    [[nodiscard]] Result<std::string_view> read(const char* name, std::span<char> buffer) const;

    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

private:
    ControlDir(UniqueFd fd, std::filesystem::path path) : m_fd(std::move(fd)), m_path(std::move(path)) {}

    UniqueFd m_fd;
    std::filesystem::path m_path;
};

} // namespace berth::cgroup
