#include "image/copy_metadata.h"

#include <cerrno>
#include <vector>

#include <fcntl.h>
#include <sys/xattr.h>
#include <unistd.h>

namespace berth::image::detail {

namespace {

std::string inQuotes(std::string_view s)
{
    return "'" + std::string(s) + "'";
}

// xattr calls on a Node: f* on the fd itself, or l* on
// /proc/self/fd/DIR/NAME, which pins the directory and never follows NAME
// (there is no *at() form of the xattr calls).
class XattrIo {
public:
    explicit XattrIo(const Node& node)
        : m_fd(node.dirFd),
          m_path(node.name.empty() ? std::string() : "/proc/self/fd/" + std::to_string(node.dirFd) + "/" + node.name)
    {}

    ssize_t list(char* buf, size_t size) const
    {
        return m_path.empty() ? ::flistxattr(m_fd, buf, size) : ::llistxattr(m_path.c_str(), buf, size);
    }
    ssize_t get(const char* key, void* buf, size_t size) const
    {
        return m_path.empty() ? ::fgetxattr(m_fd, key, buf, size) : ::lgetxattr(m_path.c_str(), key, buf, size);
    }
    int set(const char* key, const void* value, size_t size) const
    {
        return m_path.empty() ? ::fsetxattr(m_fd, key, value, size, 0)
                              : ::lsetxattr(m_path.c_str(), key, value, size, 0);
    }

private:
    int m_fd;
    std::string m_path;
};

// Calls `call(buf, size)` with a growing buffer until the value fits (it
// may grow between the size query and the read).
template <class Call> Result<std::vector<char>> readSized(const Call& call)
{
    std::vector<char> buf;
    for (;;) {
        const ssize_t want = call(nullptr, 0);
        if (want < 0)
            return std::unexpected(Error{errno, {}, {}});
        buf.resize(static_cast<size_t>(want) + 1);
        const ssize_t got = call(buf.data(), buf.size());
        if (got >= 0) {
            buf.resize(static_cast<size_t>(got));
            return buf;
        }
        if (errno != ERANGE)
            return std::unexpected(Error{errno, {}, {}});
    }
}

Status applyTimes(const Node& dst, const struct statx& st, std::string_view shown)
{
    const struct timespec times[2] = {{st.stx_atime.tv_sec, st.stx_atime.tv_nsec},
                                      {st.stx_mtime.tv_sec, st.stx_mtime.tv_nsec}};
    const int rc = dst.name.empty() ? ::futimens(dst.dirFd, times)
                                    : ::utimensat(dst.dirFd, dst.name.c_str(), times, AT_SYMLINK_NOFOLLOW);
    if (rc != 0)
        return failErrno(errno, "set the times of " + inQuotes(shown));
    return {};
}

Status applyOwnerAndMode(const Node& dst, const struct statx& st, std::string_view shown)
{
    const int rc = dst.name.empty()
                       ? ::fchown(dst.dirFd, st.stx_uid, st.stx_gid)
                       : ::fchownat(dst.dirFd, dst.name.c_str(), st.stx_uid, st.stx_gid, AT_SYMLINK_NOFOLLOW);
    if (rc != 0)
        return failErrno(errno, "set the owner of " + inQuotes(shown));
    if (S_ISLNK(st.stx_mode))
        return {};
    const mode_t mode = st.stx_mode & 07777;
    // The name is an entry we just created and know is not a symlink.
    const int rcMode = dst.name.empty() ? ::fchmod(dst.dirFd, mode) : ::fchmodat(dst.dirFd, dst.name.c_str(), mode, 0);
    if (rcMode != 0)
        return failErrno(errno, "set the mode of " + inQuotes(shown));
    return {};
}

Status writeAll(int fd, const char* data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return std::unexpected(Error{errno, {}, {}});
        data += n;
        size -= static_cast<size_t>(n);
    }
    return {};
}

Status copyByReadWrite(int srcFd, int dstFd, std::string_view shown)
{
    std::vector<char> buf(1 << 16);
    for (;;) {
        const ssize_t n = ::read(srcFd, buf.data(), buf.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return failErrno(errno, "read " + inQuotes(shown));
        if (n == 0)
            return {};
        if (auto ok = writeAll(dstFd, buf.data(), static_cast<size_t>(n)); !ok)
            return failErrno(ok.error().code, "write the copy of " + inQuotes(shown));
    }
}

} // namespace

Status copyXattrs(const Node& src, const Node& dst, std::string_view shown)
{
    const XattrIo from(src);
    const XattrIo to(dst);
    auto names = readSized([&](char* b, size_t s) { return from.list(b, s); });
    if (!names && (names.error().code == ENOTSUP || names.error().code == ENODATA))
        return {};
    if (!names)
        return failErrno(names.error().code, "list the xattrs of " + inQuotes(shown));
    for (size_t pos = 0; pos < names->size();) {
        const char* key = names->data() + pos;
        pos += std::string_view(key).size() + 1;
        auto value = readSized([&](char* b, size_t s) { return from.get(key, b, s); });
        if (!value && value.error().code == ENODATA)
            continue; // removed since we listed it
        if (!value)
            return failErrno(value.error().code, "read xattr " + inQuotes(key) + " of " + inQuotes(shown));
        if (to.set(key, value->data(), value->size()) != 0)
            return failErrno(errno, "set xattr " + inQuotes(key) + " on the copy of " + inQuotes(shown));
    }
    return {};
}

Status copyMetadata(const Node& src, const Node& dst, const struct statx& st, std::string_view shown)
{
    if (auto ok = applyOwnerAndMode(dst, st, shown); !ok)
        return ok;
    if (auto ok = copyXattrs(src, dst, shown); !ok)
        return ok;
    return applyTimes(dst, st, shown);
}

Status copyFileData(int srcFd, int dstFd, std::string_view shown)
{
    bool first = true;
    for (;;) {
        const ssize_t n = ::copy_file_range(srcFd, nullptr, dstFd, nullptr, size_t{1} << 30, 0);
        if (n == 0)
            return {};
        if (n > 0) {
            first = false;
            continue;
        }
        if (errno == EINTR)
            continue;
        // Only before any byte moved: the offsets are still at 0 then.
        if (first && (errno == EXDEV || errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP || errno == EPERM))
            return copyByReadWrite(srcFd, dstFd, shown);
        return failErrno(errno, "copy the contents of " + inQuotes(shown));
    }
}

} // namespace berth::image::detail
