#include "cgroup/cgroup_file.h"

#include "berth/unique_fd.h"

#include <cerrno>
#include <charconv>
#include <climits>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace berth::cgroup {

namespace fs = std::filesystem;

Status writeFile(const fs::path& file, std::string_view value)
{
    auto fail = [&](int err) {
        return failWith(err, "write '" + std::string(value) + "' to " + file.string() + ": " + std::strerror(err),
                        file.string());
    };
    // O_CREAT only matters for fixture directories in tests: cgroupfs
    // refuses to create files, so a mistyped name still fails there.
    UniqueFd fd(::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    if (!fd)
        return fail(errno);
    const ssize_t written = ::write(fd.get(), value.data(), value.size());
    if (written < 0)
        return fail(errno);
    if (static_cast<size_t>(written) != value.size())
        return fail(EIO);
    return {};
}

Result<std::string> readFile(const fs::path& file)
{
    UniqueFd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd)
        return failErrno(errno, "read " + file.string());
    std::string content;
    char buffer[4096];
    for (;;) {
        const ssize_t got = ::read(fd.get(), buffer, sizeof buffer);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return failErrno(errno, "read " + file.string());
        if (got == 0)
            return content;
        content.append(buffer, static_cast<size_t>(got));
    }
}

Result<std::string> readLine(const fs::path& file)
{
    Result<std::string> content = readFile(file);
    if (!content)
        return content;
    const size_t end = content->find('\n');
    if (end != std::string::npos)
        content->resize(end);
    return content;
}

std::vector<std::string> split(std::string_view text, std::string_view separators)
{
    std::vector<std::string> words;
    size_t pos = 0;
    while (pos < text.size()) {
        const size_t end = std::min(text.find_first_of(separators, pos), text.size());
        if (end > pos)
            words.emplace_back(text.substr(pos, end - pos));
        pos = end + 1;
    }
    return words;
}

Result<std::vector<pid_t>> parsePids(std::string_view text, const fs::path& file)
{
    std::vector<pid_t> pids;
    for (const std::string& word : split(text, "\n")) {
        long value = 0;
        const auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), value);
        if (ec != std::errc() || end != word.data() + word.size() || value <= 0 || value > INT_MAX)
            return failWith(EINVAL, "bad pid '" + word + "' in " + file.string(), file.string());
        pids.push_back(static_cast<pid_t>(value));
    }
    return pids;
}

Result<std::vector<pid_t>> readPids(const fs::path& procsFile)
{
    Result<std::string> text = readFile(procsFile);
    if (!text)
        return std::unexpected(std::move(text.error()));
    return parsePids(*text, procsFile);
}

} // namespace berth::cgroup
