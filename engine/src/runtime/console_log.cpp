#include "runtime/console_log.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

namespace berth::runtime {

namespace {

namespace fs = std::filesystem;

constexpr int kLogFlags = O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW;

// The logical offset of the file's first byte; 0 when it has none (a log
// of an older Berth, or a filesystem without user attributes).
std::uint64_t startOf(int fd)
{
    char text[24] = {};
    const ssize_t got = ::fgetxattr(fd, kStartAttribute, text, sizeof(text) - 1);
    std::uint64_t start = 0;
    if (got > 0)
        std::from_chars(text, text + got, start);
    return start;
}

// Best effort: without the attribute a reader's offsets restart at 0.
void setStart(int fd, std::uint64_t start)
{
    const std::string text = std::to_string(start);
    (void)::fsetxattr(fd, kStartAttribute, text.data(), text.size(), 0);
}

bool writeFully(int fd, const char* data, std::size_t size)
{
    while (size > 0) {
        const ssize_t put = ::write(fd, data, size);
        if (put < 0 && errno == EINTR)
            continue;
        if (put <= 0)
            return false;
        data += put;
        size -= static_cast<std::size_t>(put);
    }
    return true;
}

UniqueFd openRead(const fs::path& file)
{
    return UniqueFd(::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
}

Result<std::string> readAt(int fd, std::uint64_t from, std::size_t want)
{
    std::string data(want, '\0');
    std::size_t got = 0;
    while (got < want) {
        const ssize_t n = ::pread(fd, data.data() + got, want - got, static_cast<off_t>(from + got));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return failErrno(errno, "read the console log");
        if (n == 0)
            break;
        got += static_cast<std::size_t>(n);
    }
    data.resize(got);
    return data;
}

} // namespace

Result<ConsoleLog> ConsoleLog::open(const fs::path& file, ConsoleLogLimits limits)
{
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    ConsoleLog log;
    log.m_path = file;
    log.m_limits = limits;
    log.m_fd = UniqueFd(::open(file.c_str(), kLogFlags | O_CREAT, 0640));
    if (!log.m_fd)
        return failErrno(errno, "open log " + file.string());
    struct stat st {};
    if (::fstat(log.m_fd.get(), &st) != 0)
        return failErrno(errno, "stat log " + file.string());
    // As LXC: a log that is not a regular file (an administrator's
    // lxc.console.logfile = /dev/null, a FIFO) is neither capped nor renamed.
    if (!S_ISREG(st.st_mode))
        log.m_limits.size = UINT64_MAX;
    log.m_size = static_cast<std::uint64_t>(st.st_size);
    log.m_start = startOf(log.m_fd.get());
    return log;
}

void ConsoleLog::write(const char* data, std::size_t size)
{
    while (size > 0) {
        if (m_size >= m_limits.size) {
            if (auto made = m_limits.rotate ? rotate() : truncate(); !made)
                return; // the log stays as it is; the output is not logged
        }
        const std::size_t room = static_cast<std::size_t>(std::min<std::uint64_t>(size, m_limits.size - m_size));
        if (!writeFully(m_fd.get(), data, room))
            return;
        m_size += room;
        data += room;
        size -= room;
    }
}

// The new file gets its start before it takes the log's name, so a reader
// never sees it without; between the two renames the log is missing for a
// moment (readConsoleLog looks again).
Status ConsoleLog::rotate()
{
    const fs::path next = nextLogFile(m_path);
    ::unlink(next.c_str()); // what a monitor killed mid-rotation left
    UniqueFd fd(::open(next.c_str(), kLogFlags | O_CREAT | O_EXCL, 0640));
    if (!fd)
        return failErrno(errno, "open log " + next.string());
    setStart(fd.get(), m_start + m_size);
    if (::rename(m_path.c_str(), rotatedLogFile(m_path).c_str()) != 0 || ::rename(next.c_str(), m_path.c_str()) != 0) {
        const int err = errno;
        ::unlink(next.c_str());
        return failErrno(err, "rotate log " + m_path.string());
    }
    m_fd = std::move(fd);
    m_start += m_size;
    m_size = 0;
    return {};
}

// LXC's lxc.console.rotate = 0: the log starts over; an older rotated file
// would no longer be next to it, so it goes.
Status ConsoleLog::truncate()
{
    if (::ftruncate(m_fd.get(), 0) != 0)
        return failErrno(errno, "truncate log " + m_path.string());
    ::unlink(rotatedLogFile(m_path).c_str());
    m_start += m_size;
    m_size = 0;
    setStart(m_fd.get(), m_start);
    return {};
}

Result<ConsoleLogPiece> readConsoleLog(const fs::path& file, std::uint64_t offset, std::size_t maxBytes)
{
    ConsoleLogPiece piece;
    UniqueFd current;
    UniqueFd older;
    struct stat cur {};
    struct stat old {};
    // A rotation between the two opens shows as the same file twice, or
    // as no current file for a moment: look again.
    for (int attempt = 0; attempt < 50; ++attempt) {
        current = openRead(file);
        older = openRead(rotatedLogFile(file));
        if (!current && errno != ENOENT)
            return failErrno(errno, "open " + file.string());
        if (!current && !older)
            return piece; // never started: an empty log
        const bool same = current && older && ::fstat(current.get(), &cur) == 0 && ::fstat(older.get(), &old) == 0 &&
                          cur.st_ino == old.st_ino && cur.st_dev == old.st_dev;
        if (current && !same)
            break;
        current.reset();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    if (!current) { // a monitor killed between the renames left only the older file
        current = std::move(older);
        if (!current)
            return piece;
    }
    if (::fstat(current.get(), &cur) != 0 || (older && ::fstat(older.get(), &old) != 0))
        return failErrno(errno, "stat " + file.string());
    const auto olderSize = older ? static_cast<std::uint64_t>(old.st_size) : 0;
    // The current file's first byte follows the older file's last.
    const std::uint64_t start = std::max(startOf(current.get()), olderSize);
    piece.oldest = start - olderSize;
    piece.end = start + static_cast<std::uint64_t>(cur.st_size);
    piece.from = offset < piece.oldest || offset > piece.end ? piece.oldest : offset;
    const bool inOlder = piece.from < start;
    const std::uint64_t fileEnd = inOlder ? start : piece.end;
    const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(fileEnd - piece.from, maxBytes));
    auto data = readAt(inOlder ? older.get() : current.get(), piece.from - (inOlder ? piece.oldest : start), want);
    if (!data)
        return fail(data.error());
    piece.data = std::move(*data);
    return piece;
}

} // namespace berth::runtime
