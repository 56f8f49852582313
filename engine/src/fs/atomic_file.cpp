#include "fs/atomic_file.h"

#include "berth/unique_fd.h"
#include "fs/file_io.h"

#include <cerrno>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace berth::fs {

namespace {

std::string inQuotes(std::string_view s)
{
    return "'" + std::string(s) + "'";
}

Status writeTemp(int fd, std::string_view content, mode_t mode)
{
    // Explicit mode: the umask must not decide who can read a config.
    if (::fchmod(fd, mode) != 0)
        return failErrno(errno, "chmod");
    if (auto ok = writeAll(fd, content); !ok)
        return ok;
    if (::fsync(fd) != 0)
        return failErrno(errno, "fsync");
    return {};
}

// Removes the temp file unless the rename consumed it.
struct TempGuard {
    int dirFd;
    std::string name;
    bool armed = true;
    ~TempGuard()
    {
        if (armed) {
            const int saved = errno;
            ::unlinkat(dirFd, name.c_str(), 0);
            errno = saved;
        }
    }
};

} // namespace

Status writeFileAtomicAt(int dirFd, std::string_view name, std::string_view content, mode_t mode)
{
    if (name.empty() || name == "." || name == ".." || name.find('/') != std::string_view::npos)
        return failWith(EINVAL, "invalid file name " + inQuotes(name), std::string(name));
    // A readable fd of the directory: the caller's may be O_PATH, and fsync
    // needs a real one.
    UniqueFd dir(::openat(dirFd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!dir)
        return failErrno(errno, "open the directory of " + inQuotes(name));
    const std::string target(name);
    TempGuard temp{dir.get(), "." + target + ".tmp-" + randomSuffix()};
    UniqueFd fd(::openat(dir.get(), temp.name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode));
    if (!fd) {
        temp.armed = false;
        return failErrno(errno, "create a temporary file for " + inQuotes(name));
    }
    if (auto ok = writeTemp(fd.get(), content, mode); !ok)
        return std::unexpected(ok.error().wrap("write " + inQuotes(name)));
    if (::renameat(dir.get(), temp.name.c_str(), dir.get(), target.c_str()) != 0)
        return failErrno(errno, "replace " + inQuotes(name));
    temp.armed = false;
    if (::fsync(dir.get()) != 0)
        return failErrno(errno, "fsync the directory of " + inQuotes(name));
    return {};
}

Status writeFileAtomic(const std::filesystem::path& file, std::string_view content, mode_t mode)
{
    const std::filesystem::path dirPath = file.has_parent_path() ? file.parent_path() : ".";
    UniqueFd dir(::open(dirPath.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!dir)
        return failErrno(errno, "open directory " + inQuotes(dirPath.string()));
    auto ok = writeFileAtomicAt(dir.get(), file.filename().string(), content, mode);
    if (!ok)
        return std::unexpected(Error{ok.error().code, ok.error().message, file.string()});
    return {};
}

} // namespace berth::fs
