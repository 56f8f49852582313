#include "image/archive_tree.h"

#include <cerrno>

#include <fcntl.h>
#include <sys/stat.h>

namespace berth::image {

namespace {

std::string quoted(std::string_view s)
{
    return "'" + std::string(s) + "'";
}

// One step down: never through a symlink, creating the directory if asked.
Result<UniqueFd> stepInto(int dirFd, const std::string& name, bool create, std::string_view shown)
{
    UniqueFd fd(::openat(dirFd, name.c_str(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!fd && errno == ENOENT && create) {
        if (::mkdirat(dirFd, name.c_str(), 0755) != 0 && errno != EEXIST)
            return failErrno(errno, "create directory " + quoted(shown));
        fd.reset(::openat(dirFd, name.c_str(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    }
    if (fd)
        return fd;
    const int err = errno;
    struct stat st {};
    if (err == ENOTDIR && ::fstatat(dirFd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode))
        return failWith(ELOOP, quoted(shown) + " is a symlink; extraction never writes through one",
                        std::string(shown));
    return failErrno(err, "open directory " + quoted(shown));
}

} // namespace

Result<UniqueFd> openTreeDir(int rootFd, std::string_view dir, bool create)
{
    UniqueFd current(::openat(rootFd, ".", O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!current)
        return failErrno(errno, "open the extraction root");
    size_t pos = 0;
    while (pos < dir.size()) {
        size_t end = dir.find('/', pos);
        if (end == std::string_view::npos)
            end = dir.size();
        auto next = stepInto(current.get(), std::string(dir.substr(pos, end - pos)), create, dir.substr(0, end));
        if (!next)
            return std::unexpected(next.error());
        current = std::move(*next);
        pos = end + 1;
    }
    return current;
}

Result<TreeSlot> openTreeSlot(int rootFd, std::string_view path, bool create)
{
    const size_t slash = path.rfind('/');
    const std::string_view parent = slash == std::string_view::npos ? std::string_view{} : path.substr(0, slash);
    auto dir = openTreeDir(rootFd, parent, create);
    if (!dir)
        return std::unexpected(dir.error());
    return TreeSlot{std::move(*dir), std::string(slash == std::string_view::npos ? path : path.substr(slash + 1))};
}

} // namespace berth::image
