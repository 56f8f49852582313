#include "image/archive_source.h"

#include "image/archive_handle.h"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <vector>

#include <fcntl.h>
#include <sys/xattr.h>
#include <unistd.h>

namespace berth::image {

namespace {

std::string quoted(std::string_view s)
{
    return "'" + std::string(s) + "'";
}

// flistxattr/fgetxattr with growing buffers: sizes can change between the
// probe and the read, which the kernel reports as ERANGE.
Result<std::vector<char>> readXattrList(int fd, const std::string& path)
{
    for (;;) {
        const ssize_t need = ::flistxattr(fd, nullptr, 0);
        if (need < 0)
            return errno == EOPNOTSUPP ? Result<std::vector<char>>{}
                                       : failErrno(errno, "list xattrs of " + quoted(path));
        std::vector<char> names(static_cast<size_t>(need));
        const ssize_t got = ::flistxattr(fd, names.data(), names.size());
        if (got >= 0) {
            names.resize(static_cast<size_t>(got));
            return names;
        }
        if (errno != ERANGE)
            return failErrno(errno, "list xattrs of " + quoted(path));
    }
}

Status addXattr(int fd, const char* name, archive_entry* entry, const std::string& path)
{
    for (;;) {
        const ssize_t need = ::fgetxattr(fd, name, nullptr, 0);
        if (need < 0)
            return failErrno(errno, "read xattr '" + std::string(name) + "' of " + quoted(path));
        std::vector<char> value(static_cast<size_t>(need));
        const ssize_t got = ::fgetxattr(fd, name, value.data(), value.size());
        if (got >= 0) {
            archive_entry_xattr_add_entry(entry, name, value.data(), static_cast<size_t>(got));
            return {};
        }
        if (errno != ERANGE)
            return failErrno(errno, "read xattr '" + std::string(name) + "' of " + quoted(path));
    }
}

Status addXattrs(int fd, archive_entry* entry, const std::string& path)
{
    auto names = readXattrList(fd, path);
    if (!names)
        return std::unexpected(names.error());
    for (size_t pos = 0; pos < names->size();) {
        const char* name = names->data() + pos;
        if (auto ok = addXattr(fd, name, entry, path); !ok)
            return ok;
        pos += std::string_view(name).size() + 1;
    }
    return {};
}

Status addSymlinkTarget(int fd, archive_entry* entry, const std::string& path)
{
    char buf[PATH_MAX];
    const ssize_t len = ::readlinkat(fd, "", buf, sizeof buf);
    if (len < 0 || static_cast<size_t>(len) == sizeof buf)
        return failErrno(len < 0 ? errno : ENAMETOOLONG, "read symlink " + quoted(path));
    archive_entry_copy_symlink(entry, std::string(buf, static_cast<size_t>(len)).c_str());
    return {};
}

} // namespace

Result<SourceNode> openSource(int dirFd, const std::string& name, const std::string& shown)
{
    SourceNode node;
    if (::fstatat(dirFd, name.c_str(), &node.st, AT_SYMLINK_NOFOLLOW) != 0)
        return failErrno(errno, "stat " + quoted(shown));
    int flags = O_PATH | O_NOFOLLOW | O_CLOEXEC;
    if (S_ISREG(node.st.st_mode) || S_ISDIR(node.st.st_mode))
        flags =
            O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC | (S_ISDIR(node.st.st_mode) ? O_DIRECTORY : 0);
    node.fd.reset(::openat(dirFd, name.c_str(), flags));
    if (!node.fd)
        return failErrno(errno, "open " + quoted(shown));
    // Describe what was opened, not what the name pointed at a moment ago.
    if (::fstat(node.fd.get(), &node.st) != 0)
        return failErrno(errno, "stat " + quoted(shown));
    return node;
}

Status describeSource(const SourceNode& node, archive_entry* entry, const std::string& path)
{
    archive_entry_copy_stat(entry, &node.st);
    archive_entry_copy_pathname(entry, path.c_str());
    if (!S_ISREG(node.st.st_mode))
        archive_entry_set_size(entry, 0);
    if (S_ISLNK(node.st.st_mode))
        return addSymlinkTarget(node.fd.get(), entry, path);
    if (S_ISREG(node.st.st_mode) || S_ISDIR(node.st.st_mode))
        return addXattrs(node.fd.get(), entry, path);
    return {};
}

Status copyFileData(archive* a, int fd, std::int64_t size, const std::string& path)
{
    std::vector<char> buf(256 * 1024);
    std::int64_t offset = 0;
    while (offset < size) {
        const size_t want = static_cast<size_t>(std::min<std::int64_t>(size - offset, std::ssize(buf)));
        const ssize_t n = ::pread(fd, buf.data(), want, offset);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return failErrno(errno, "read " + quoted(path));
        if (n == 0)
            break;
        if (archive_write_data(a, buf.data(), static_cast<size_t>(n)) < 0)
            return std::unexpected(archiveError(a, "write data of " + quoted(path)));
        offset += n;
    }
    return {};
}

} // namespace berth::image
