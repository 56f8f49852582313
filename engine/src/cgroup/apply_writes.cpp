#include "cgroup/apply_writes.h"

#include "cgroup/cgroup_file.h"

#include <algorithm>
#include <cerrno>
#include <optional>

namespace berth::cgroup {

namespace fs = std::filesystem;

namespace {

struct Done {
    fs::path file;
    std::string previous;
    std::string written;
};

// "8:16 rbps=1" -> "8:16"; empty when the value names no device.
std::string_view deviceOf(std::string_view value)
{
    const std::string_view first = value.substr(0, value.find_first_of(" \n"));
    return first.find(':') == std::string_view::npos ? std::string_view() : first;
}

std::optional<std::string> deviceReset(std::string_view fileName, std::string_view device)
{
    if (fileName == "io.max")
        return std::string(device) + " rbps=max wbps=max riops=max wiops=max";
    if (fileName.starts_with("blkio.throttle."))
        return std::string(device) + " 0";
    return std::nullopt;
}

Status applyOne(const FileWrite& write, std::vector<Done>& done)
{
    Result<std::string> previous = readFile(write.file);
    if (!previous)
        return std::unexpected(previous.error().wrap("keep the value of " + write.file.string()));
    if (Status written = writeFile(write.file, write.value); !written)
        return written;
    done.push_back(Done{write.file, std::move(*previous), write.value});
    return {};
}

// v1 refuses memory above memsw and memsw below memory with EINVAL: the
// pair must go in the order that keeps memsw >= memory at every step.
std::optional<size_t> partnerAfter(const std::vector<FileWrite>& writes, size_t index)
{
    const std::string name = writes[index].file.filename();
    const std::string other = name == "memory.limit_in_bytes"         ? "memory.memsw.limit_in_bytes"
                              : name == "memory.memsw.limit_in_bytes" ? "memory.limit_in_bytes"
                                                                      : "";
    if (other.empty())
        return std::nullopt;
    const fs::path partner = writes[index].file.parent_path() / other;
    for (size_t j = index + 1; j < writes.size(); ++j)
        if (writes[j].file == partner)
            return j;
    return std::nullopt;
}

// Restores newest first; a restore refused because of the same ordering
// rule succeeds in a second pass, once its partner is back.
Status rollback(const std::vector<Done>& done)
{
    std::vector<FileWrite> pending;
    for (auto it = done.rbegin(); it != done.rend(); ++it)
        for (std::string& value : restoreValues(it->file.filename().string(), it->previous, it->written))
            pending.push_back(FileWrite{it->file, std::move(value)});
    for (int pass = 0; pass < 2; ++pass) {
        std::vector<FileWrite> failed;
        std::optional<Error> lastError;
        for (const FileWrite& restore : pending) {
            if (Status written = writeFile(restore.file, restore.value); !written) {
                failed.push_back(restore);
                lastError = std::move(written.error());
            }
        }
        if (failed.empty())
            return {};
        if (pass == 1)
            return std::unexpected(lastError->wrap("restore previous limits"));
        pending = std::move(failed);
    }
    return {};
}

Status failAfterRollback(Error error, const std::vector<Done>& done)
{
    if (Status restored = rollback(done); !restored)
        error.message += "; " + restored.error().message;
    return std::unexpected(std::move(error));
}

} // namespace

std::vector<std::string> restoreValues(std::string_view fileName, std::string_view previous, std::string_view written)
{
    std::vector<std::string> values = split(previous, "\n");
    const std::string_view device = deviceOf(written);
    const bool listed =
        std::any_of(values.begin(), values.end(), [&](const std::string& line) { return deviceOf(line) == device; });
    if (!device.empty() && !listed)
        if (std::optional<std::string> reset = deviceReset(fileName, device))
            values.push_back(std::move(*reset));
    return values;
}

Status applyFileWrites(const std::vector<FileWrite>& writes)
{
    std::vector<Done> done;
    std::vector<bool> applied(writes.size(), false);
    for (size_t i = 0; i < writes.size(); ++i) {
        if (applied[i])
            continue;
        Status status = applyOne(writes[i], done);
        const std::optional<size_t> partner = status ? std::nullopt : partnerAfter(writes, i);
        if (!status && status.error().code == EINVAL && partner) {
            status = applyOne(writes[*partner], done);
            if (status)
                status = applyOne(writes[i], done);
            applied[*partner] = true;
        }
        if (!status)
            return failAfterRollback(std::move(status.error()), done);
        applied[i] = true;
    }
    return {};
}

} // namespace berth::cgroup
