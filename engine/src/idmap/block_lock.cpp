#include "idmap/block_lock.h"

#include "fs/lock_file.h"

#include <fcntl.h>
#include <sys/stat.h>

namespace berth::idmap {

Result<BlockLock> BlockLock::acquire(const Paths& paths)
{
    const std::filesystem::path dir = paths.containersDir();
    std::error_code ec;
    std::filesystem::create_directories(dir.parent_path(), ec);
    if (::mkdir(dir.c_str(), 0700) == 0 && ::chmod(dir.c_str(), 0700) != 0)
        return failErrno(errno, "chmod '" + dir.string() + "'");
    UniqueFd dirFd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!dirFd)
        return failErrno(errno, "open '" + dir.string() + "'");
    auto fd = fs::lockFileAt(dirFd.get(), ".idmap.lock", true);
    if (!fd)
        return fail(fd.error().wrap("lock the ID blocks"));
    return BlockLock(std::move(*fd));
}

} // namespace berth::idmap
