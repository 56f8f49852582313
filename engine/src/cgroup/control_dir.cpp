#include "cgroup/control_dir.h"

#include <cerrno>
#include <string>

#include <fcntl.h>
#include <unistd.h>

namespace berth::cgroup {

namespace fs = std::filesystem;

Result<ControlDir> ControlDir::open(const fs::path& dir)
{
    UniqueFd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fd)
        return failErrno(errno, "open cgroup " + dir.string());
    return ControlDir(std::move(fd), dir);
}

Result<std::string_view> ControlDir::read(const char* name, std::span<char> buffer) const
{
    const auto fail = [&](int err) { return failErrno(err, "read " + (m_path / name).string()); };
    UniqueFd fd(::openat(m_fd.get(), name, O_RDONLY | O_CLOEXEC));
    if (!fd)
        return fail(errno);
    // cgroupfs hands a small file over in one read; loop only for the rest.
    size_t used = 0;
    while (used < buffer.size()) {
        const ssize_t got = ::read(fd.get(), buffer.data() + used, buffer.size() - used);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return fail(errno);
        if (got == 0)
            return std::string_view(buffer.data(), used);
        used += static_cast<size_t>(got);
    }
    return fail(EFBIG);
}

} // namespace berth::cgroup
