// Engine::readLog: the container's console log, read in pieces so a client
// can follow it while the container runs.
#include "berth/engine.h"

#include "berth/names.h"
#include "core/engine_checks.h"
#include "runtime/console_log.h"

#include <algorithm>

namespace berth {

Result<LogChunk> Engine::readLog(const std::string& name, std::uint64_t offset, std::size_t maxBytes) const
{
    if (auto valid = validateContainerName(name); !valid)
        return fail(valid.error());
    if (auto exists = checkContainerExists(m_settings.paths, name); !exists)
        return fail(exists.error());
    // Across the rotated file too; offsets are the log's logical ones.
    auto piece = runtime::readConsoleLog(m_settings.paths.logFile(name), offset, std::min(maxBytes, kMaxLogChunk));
    if (!piece)
        return fail(piece.error().wrap("read the log of '" + name + "'"));
    LogChunk chunk;
    chunk.data = std::move(piece->data);
    chunk.nextOffset = piece->from + chunk.data.size();
    chunk.size = piece->end;
    return chunk;
}

} // namespace berth
