#include "fs/directory.h"

#include <fcntl.h>
#include <sys/stat.h>

namespace berth::fs {

Result<UniqueFd> openDirectory(const std::filesystem::path& dir)
{
    UniqueFd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!fd)
        return failErrno(errno, "open " + dir.string());
    return fd;
}

Result<UniqueFd> makeDirectory(const std::filesystem::path& dir, mode_t mode)
{
    if (::mkdir(dir.c_str(), mode) != 0)
        return failErrno(errno, "create " + dir.string());
    return openDirectory(dir);
}

} // namespace berth::fs
