#include "fs/atomic_file.h"

#include "berth/unique_fd.h"
#include "fs/file_io.h"

#include <cerrno>
#include <string>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace berth::fs {

namespace {

std::string inQuotes(std::string_view s)
{
    return "'" + std::string(s) + "'";
}

// Written, synced and closed, each step checked: a file system may report
// a failed write-back only at fsync or close. Errors name the step and the
// file the temp file stands for ("write 'config': No space left on device").
Status writeTemp(UniqueFd fd, std::string_view name, std::string_view content, mode_t mode, Durability durability)
{
    // Explicit mode: the umask must not decide who can read a config.
    if (::fchmod(fd.get(), mode) != 0)
        return failErrno(errno, "chmod " + inQuotes(name));
    if (auto ok = writeAll(fd.get(), content); !ok)
        return failErrno(ok.error().code, "write " + inQuotes(name));
    if (durability == Durability::Synced && ::fsync(fd.get()) != 0)
        return failErrno(errno, "fsync " + inQuotes(name));
    if (::close(fd.release()) != 0)
        return failErrno(errno, "close " + inQuotes(name));
    return {};
}

} // namespace

PreparedFile::PreparedFile(UniqueFd dir, std::string name, std::string temp, Durability durability)
    : m_dir(std::move(dir)), m_name(std::move(name)), m_temp(std::move(temp)), m_durability(durability)
{}

PreparedFile::PreparedFile(PreparedFile&& other) noexcept
    : m_dir(std::move(other.m_dir)), m_name(std::move(other.m_name)), m_temp(std::exchange(other.m_temp, {})),
      m_durability(other.m_durability)
{}

PreparedFile::~PreparedFile()
{
    if (!m_temp.empty()) {
        const int saved = errno;
        ::unlinkat(m_dir.get(), m_temp.c_str(), 0);
        errno = saved;
    }
}

Result<PreparedFile> PreparedFile::prepare(int dirFd, std::string_view name, std::string_view content, mode_t mode,
                                           Durability durability)
{
    if (name.empty() || name == "." || name == ".." || name.find('/') != std::string_view::npos)
        return failWith(EINVAL, "invalid file name " + inQuotes(name), std::string(name));
    // A readable fd of the directory: the caller's may be O_PATH, and fsync
    // needs a real one.
    UniqueFd dir(::openat(dirFd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!dir)
        return failErrno(errno, "open the directory of " + inQuotes(name));
    const std::string temp = "." + std::string(name) + ".tmp-" + randomSuffix();
    UniqueFd fd(::openat(dir.get(), temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode));
    if (!fd)
        return failErrno(errno, "create a temporary file for " + inQuotes(name));
    // From here the temp file is the prepared file's to remove.
    PreparedFile prepared(std::move(dir), std::string(name), temp, durability);
    if (auto ok = writeTemp(std::move(fd), name, content, mode, durability); !ok)
        return fail(ok.error());
    return prepared;
}

Status PreparedFile::commit() &&
{
    if (::renameat(m_dir.get(), m_temp.c_str(), m_dir.get(), m_name.c_str()) != 0)
        return failErrno(errno, "replace " + inQuotes(m_name));
    m_temp.clear();
    if (m_durability == Durability::Synced && ::fsync(m_dir.get()) != 0)
        return failErrno(errno, "fsync the directory of " + inQuotes(m_name));
    return {};
}

Status writeFileAtomicAt(int dirFd, std::string_view name, std::string_view content, mode_t mode, Durability durability)
{
    auto prepared = PreparedFile::prepare(dirFd, name, content, mode, durability);
    if (!prepared)
        return fail(prepared.error());
    return std::move(*prepared).commit();
}

Status writeFileAtomic(const std::filesystem::path& file, std::string_view content, mode_t mode, Durability durability)
{
    const std::filesystem::path dirPath = file.has_parent_path() ? file.parent_path() : ".";
    UniqueFd dir(::open(dirPath.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!dir)
        return failErrno(errno, "open directory " + inQuotes(dirPath.string()));
    auto ok = writeFileAtomicAt(dir.get(), file.filename().string(), content, mode, durability);
    if (!ok)
        return std::unexpected(Error{ok.error().code, ok.error().message, file.string()});
    return {};
}

Status writeStagedFile(const std::filesystem::path& file, std::string_view content, mode_t mode)
{
    return writeFileAtomic(file, content, mode, Durability::Unsynced);
}

} // namespace berth::fs
