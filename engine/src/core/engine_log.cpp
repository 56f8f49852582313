// Engine::readLog: the container's console log, read in pieces so a client
// can follow it while the container runs.
#include "berth/engine.h"

#include "berth/names.h"
#include "core/engine_checks.h"

#include <algorithm>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace berth {

Result<LogChunk> Engine::readLog(const std::string& name, std::uint64_t offset, std::size_t maxBytes) const
{
    if (auto valid = validateContainerName(name); !valid)
        return fail(valid.error());
    if (auto exists = checkContainerExists(m_settings.paths, name); !exists)
        return fail(exists.error());
    LogChunk chunk;
    UniqueFd fd(::open(m_settings.paths.logFile(name).c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (!fd) {
        if (errno == ENOENT)
            return chunk; // never started: an empty log
        return failErrno(errno, "open the log of '" + name + "'");
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0)
        return failErrno(errno, "stat the log of '" + name + "'");
    chunk.size = static_cast<std::uint64_t>(st.st_size);
    // A log shorter than the caller's offset was replaced: read it from the start.
    const std::uint64_t from = offset > chunk.size ? 0 : offset;
    const std::size_t want = static_cast<std::size_t>(
        std::min<std::uint64_t>(chunk.size - from, std::min<std::size_t>(maxBytes, kMaxLogChunk)));
    chunk.data.resize(want);
    std::size_t got = 0;
    while (got < want) {
        const ssize_t n = ::pread(fd.get(), chunk.data.data() + got, want - got, static_cast<off_t>(from + got));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return failErrno(errno, "read the log of '" + name + "'");
        if (n == 0)
            break;
        got += static_cast<std::size_t>(n);
    }
    chunk.data.resize(got);
    chunk.nextOffset = from + got;
    return chunk;
}

} // namespace berth
