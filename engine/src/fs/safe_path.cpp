#include "fs/safe_path.h"

#include <cerrno>
#include <climits>
#include <deque>
#include <string>
#include <vector>

#include <fcntl.h>
#include <linux/magic.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace berth::fs {

namespace {

// Linux's own limit (MAXSYMLINKS) for one lookup.
constexpr int kMaxSymlinks = 40;

std::string inQuotes(std::string_view s)
{
    return "'" + std::string(s) + "'";
}

std::string joinPath(const std::string& dir, std::string_view name)
{
    return dir.empty() ? std::string(name) : dir + "/" + std::string(name);
}

struct WalkOptions {
    bool strict = false;   // ".." above the root is an error instead of a no-op
    bool makeDirs = false; // mkdir -p: create missing components as directories
    mode_t dirMode = 0755;
};

// Resolves a path one component at a time with O_PATH|O_NOFOLLOW, reading
// each symlink and splicing its target into the rest of the path, so no
// lookup is ever left to the kernel's own symlink following.
class Walker {
public:
    Walker(int rootFd, std::string_view path, WalkOptions options) : m_rootFd(rootFd), m_path(path), m_options(options)
    {}

    Result<UniqueFd> open(int flags, mode_t mode);

private:
    struct Component {
        std::string name;
        int origin = -1; // index into m_symlinks of the link it came from
    };
    struct Level {
        UniqueFd fd;
        std::string path; // from the root, for messages
    };
    struct Symlink {
        std::string path;
        std::string target;
    };

    void pushFront(std::string_view path, int origin);
    Status climb(const Component& c);
    Result<UniqueFd> lookup(const Component& c);
    Status descend(const Component& c);
    Status expand(UniqueFd link, const Component& c);
    Result<bool> openLast(const Component& c, int flags, mode_t mode, UniqueFd* out);
    Result<UniqueFd> makeDir(const Component& c);
    [[nodiscard]] Error fail(int err, std::string_view what) const;

    int m_rootFd;
    std::string m_path;
    WalkOptions m_options;
    std::deque<Component> m_pending;
    std::vector<Level> m_levels;
    std::vector<Symlink> m_symlinks;
};

Error Walker::fail(int err, std::string_view what) const
{
    Error e = Error::fromErrno(err, std::string(what) + " resolving " + inQuotes(m_path) + " inside the root");
    e.context = m_path;
    return e;
}

void Walker::pushFront(std::string_view path, int origin)
{
    std::vector<Component> parts;
    size_t pos = 0;
    while (pos <= path.size()) {
        size_t end = path.find('/', pos);
        if (end == std::string_view::npos)
            end = path.size();
        if (end > pos)
            parts.push_back({std::string(path.substr(pos, end - pos)), origin});
        pos = end + 1;
    }
    m_pending.insert(m_pending.begin(), parts.begin(), parts.end());
}

Status Walker::climb(const Component& c)
{
    if (m_levels.size() > 1) {
        m_levels.pop_back();
        return {};
    }
    if (!m_options.strict)
        return {}; // clamped: ".." of the root is the root
    std::string message = inQuotes(m_path) + " escapes the root filesystem";
    if (c.origin >= 0) {
        const Symlink& link = m_symlinks[static_cast<size_t>(c.origin)];
        message += " through symlink " + inQuotes(link.path) + " -> " + inQuotes(link.target);
    }
    return failWith(EXDEV, std::move(message), m_path);
}

Result<UniqueFd> Walker::lookup(const Component& c)
{
    UniqueFd fd(::openat(m_levels.back().fd.get(), c.name.c_str(), O_PATH | O_NOFOLLOW | O_CLOEXEC));
    if (!fd && errno == ENOENT && m_options.makeDirs)
        return makeDir(c);
    if (!fd)
        return std::unexpected(fail(errno, "open " + inQuotes(joinPath(m_levels.back().path, c.name))));
    return fd;
}

Result<UniqueFd> Walker::makeDir(const Component& c)
{
    const int dirFd = m_levels.back().fd.get();
    if (::mkdirat(dirFd, c.name.c_str(), m_options.dirMode) != 0 && errno != EEXIST)
        return std::unexpected(fail(errno, "mkdir " + inQuotes(joinPath(m_levels.back().path, c.name))));
    UniqueFd fd(::openat(dirFd, c.name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!fd)
        return std::unexpected(fail(errno, "open " + inQuotes(joinPath(m_levels.back().path, c.name))));
    // mkdirat applied the umask; the caller asked for an exact mode.
    if (::fchmod(fd.get(), m_options.dirMode) != 0)
        return std::unexpected(fail(errno, "chmod " + inQuotes(joinPath(m_levels.back().path, c.name))));
    return fd;
}

Status Walker::expand(UniqueFd link, const Component& c)
{
    const std::string linkPath = joinPath(m_levels.back().path, c.name);
    if (static_cast<int>(m_symlinks.size()) >= kMaxSymlinks)
        return std::unexpected(fail(ELOOP, "follow symlink " + inQuotes(linkPath)));
    // Links of procfs are magic (/proc/self/root, /proc/PID/fd/N): their
    // text is not where they lead, so they are never followed.
    struct statfs fsInfo {};
    if (::fstatfs(link.get(), &fsInfo) != 0)
        return std::unexpected(fail(errno, "statfs " + inQuotes(linkPath)));
    if (fsInfo.f_type == PROC_SUPER_MAGIC)
        return std::unexpected(fail(ELOOP, "refuse /proc link " + inQuotes(linkPath)));
    char buf[PATH_MAX];
    const ssize_t len = ::readlinkat(link.get(), "", buf, sizeof buf);
    if (len < 0)
        return std::unexpected(fail(errno, "readlink " + inQuotes(linkPath)));
    if (static_cast<size_t>(len) == sizeof buf)
        return std::unexpected(fail(ENAMETOOLONG, "readlink " + inQuotes(linkPath)));
    const std::string_view target(buf, static_cast<size_t>(len));
    m_symlinks.push_back({linkPath, std::string(target)});
    if (target.starts_with('/'))
        m_levels.resize(1); // absolute targets start again at the root
    pushFront(target, static_cast<int>(m_symlinks.size()) - 1);
    return {};
}

Status Walker::descend(const Component& c)
{
    auto fd = lookup(c);
    if (!fd)
        return std::unexpected(fd.error());
    struct stat st {};
    if (::fstat(fd->get(), &st) != 0)
        return std::unexpected(fail(errno, "stat " + inQuotes(joinPath(m_levels.back().path, c.name))));
    if (S_ISLNK(st.st_mode))
        return expand(std::move(*fd), c);
    if (!S_ISDIR(st.st_mode))
        return std::unexpected(fail(ENOTDIR, "open " + inQuotes(joinPath(m_levels.back().path, c.name))));
    m_levels.push_back({std::move(*fd), joinPath(m_levels.back().path, c.name)});
    return {};
}

// The last component: opened with the caller's flags, still without
// following a symlink that might have been swapped in since the lookup.
// Returns false when it was a symlink that has been spliced in instead.
Result<bool> Walker::openLast(const Component& c, int flags, mode_t mode, UniqueFd* out)
{
    const int dirFd = m_levels.back().fd.get();
    const std::string shown = joinPath(m_levels.back().path, c.name);
    UniqueFd probe(::openat(dirFd, c.name.c_str(), O_PATH | O_NOFOLLOW | O_CLOEXEC));
    struct stat st {};
    const bool isLink = probe && ::fstat(probe.get(), &st) == 0 && S_ISLNK(st.st_mode);
    if (!probe && !(errno == ENOENT && (flags & O_CREAT)))
        return std::unexpected(fail(errno, "open " + inQuotes(shown)));
    if (isLink && !(flags & O_NOFOLLOW)) {
        auto expanded = expand(std::move(probe), c);
        if (!expanded)
            return std::unexpected(expanded.error());
        return false;
    }
    out->reset(::openat(dirFd, c.name.c_str(), flags | O_NOFOLLOW | O_CLOEXEC, mode));
    if (!*out)
        return std::unexpected(fail(errno, "open " + inQuotes(shown)));
    return true;
}

Result<UniqueFd> Walker::open(int flags, mode_t mode)
{
    UniqueFd root(::openat(m_rootFd, ".", O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!root)
        return std::unexpected(fail(errno, "open the root"));
    m_levels.push_back({std::move(root), {}});
    pushFront(m_path, -1);
    while (!m_pending.empty()) {
        const Component c = std::move(m_pending.front());
        m_pending.pop_front();
        Status step;
        if (c.name == ".")
            continue;
        if (c.name == "..")
            step = climb(c);
        else if (m_pending.empty() && !m_options.makeDirs) {
            UniqueFd fd;
            auto done = openLast(c, flags, mode, &fd);
            if (!done)
                return std::unexpected(done.error());
            if (*done)
                return fd;
        } else
            step = descend(c);
        if (!step)
            return std::unexpected(step.error());
    }
    // The path ended on a directory already walked ("/", "a/..", "a/.").
    UniqueFd fd(::openat(m_levels.back().fd.get(), ".", flags | O_CLOEXEC, mode));
    if (!fd)
        return std::unexpected(
            fail(errno, "open " + inQuotes(m_levels.back().path.empty() ? "/" : m_levels.back().path)));
    return fd;
}

Result<UniqueFd> openWithOpenat2(int rootFd, std::string_view path, int flags, mode_t mode)
{
    open_how how{};
    how.flags = static_cast<unsigned>(flags | O_CLOEXEC);
    how.mode = (flags & (O_CREAT | O_TMPFILE)) ? mode : 0;
    how.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS;
    const std::string p(path);
    // EAGAIN: a concurrent rename raced the lookup; the kernel asks to retry.
    for (int attempt = 0; attempt < 16; ++attempt) {
        const long fd = ::syscall(SYS_openat2, rootFd, p.c_str(), &how, sizeof how);
        if (fd >= 0)
            return UniqueFd(static_cast<int>(fd));
        if (errno != EAGAIN)
            break;
    }
    return std::unexpected(Error::fromErrno(errno, "open " + inQuotes(path) + " inside the root"));
}

Status checkPath(std::string_view path)
{
    if (path.empty() || path.find('\0') != std::string_view::npos)
        return failWith(EINVAL, "invalid path " + inQuotes(path) + " inside the root", std::string(path));
    return {};
}

} // namespace

Result<UniqueFd> openInRoot(int rootFd, std::string_view path, int flags, mode_t mode, Resolver resolver)
{
    if (auto ok = checkPath(path); !ok)
        return std::unexpected(ok.error());
    if (resolver != Resolver::Walk) {
        auto fd = openWithOpenat2(rootFd, path, flags, mode);
        if (fd || resolver == Resolver::Openat2 || fd.error().code != ENOSYS)
            return fd;
    }
    // A trailing slash names a directory, as it would for open(2).
    if (path.ends_with('/'))
        flags |= O_DIRECTORY;
    return Walker(rootFd, path, {}).open(flags, mode);
}

Result<UniqueFd> openBeneath(int rootFd, std::string_view path, int flags)
{
    if (auto ok = checkPath(path); !ok)
        return std::unexpected(ok.error());
    if (path.ends_with('/'))
        flags |= O_DIRECTORY;
    return Walker(rootFd, path, {.strict = true}).open(flags, 0);
}

Status mkdirInRoot(int rootFd, std::string_view path, mode_t mode)
{
    if (auto ok = checkPath(path); !ok)
        return ok;
    auto fd = Walker(rootFd, path, {.makeDirs = true, .dirMode = mode}).open(O_PATH | O_DIRECTORY, 0);
    if (!fd)
        return std::unexpected(fd.error());
    return {};
}

Result<UniqueFd> createFileInRoot(int rootFd, std::string_view path, mode_t mode, Resolver resolver)
{
    // O_NONBLOCK: opening a FIFO a container left there must not hang us.
    auto fd = openInRoot(rootFd, path, O_WRONLY | O_CREAT | O_TRUNC | O_NOCTTY | O_NONBLOCK, mode, resolver);
    // ENXIO: a FIFO without a reader, or a device node without its device.
    if (!fd && fd.error().code == ENXIO)
        return failWith(EINVAL, inQuotes(path) + " inside the root exists and is not a regular file",
                        std::string(path));
    if (!fd)
        return fd;
    struct stat st {};
    if (::fstat(fd->get(), &st) != 0)
        return failErrno(errno, "stat " + inQuotes(path));
    if (!S_ISREG(st.st_mode))
        return failWith(EINVAL, inQuotes(path) + " inside the root exists and is not a regular file",
                        std::string(path));
    if (::fchmod(fd->get(), mode) != 0 || ::fcntl(fd->get(), F_SETFL, 0) != 0)
        return failErrno(errno, "set up " + inQuotes(path));
    return fd;
}

Result<ParentInRoot> openParentInRoot(int rootFd, std::string_view path)
{
    std::string_view trimmed = path;
    while (trimmed.size() > 1 && trimmed.ends_with('/'))
        trimmed.remove_suffix(1);
    const size_t slash = trimmed.rfind('/');
    const std::string_view name = slash == std::string_view::npos ? trimmed : trimmed.substr(slash + 1);
    if (name.empty() || name == "." || name == "..")
        return failWith(EINVAL, "path " + inQuotes(path) + " does not name an entry inside the root",
                        std::string(path));
    std::string_view parent = slash == std::string_view::npos ? "." : trimmed.substr(0, slash);
    if (parent.empty())
        parent = "/";
    auto dir = openInRoot(rootFd, parent, O_PATH | O_DIRECTORY);
    if (!dir)
        return std::unexpected(dir.error());
    return ParentInRoot{std::move(*dir), std::string(name)};
}

} // namespace berth::fs
