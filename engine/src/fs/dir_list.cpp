#include "fs/dir_list.h"

#include "berth/unique_fd.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

namespace berth::fs {

Result<std::vector<std::string>> listDirectory(int dirFd)
{
    // A fresh fd of its own: fdopendir takes over the fd and its position.
    UniqueFd copy(::openat(dirFd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    DIR* dir = copy ? ::fdopendir(copy.get()) : nullptr;
    if (!dir)
        return failErrno(errno, "read directory");
    (void)copy.release(); // owned by dir now
    std::vector<std::string> names;
    errno = 0;
    while (const dirent* entry = ::readdir(dir)) {
        const std::string_view name = entry->d_name;
        if (name != "." && name != "..")
            names.emplace_back(name);
    }
    const int err = errno;
    ::closedir(dir);
    if (err != 0)
        return failErrno(err, "read directory");
    return names;
}

} // namespace berth::fs
