#include "check/host_files.h"

#include "check/check_text.h"
#include "fs/file_io.h"
#include "berth/unique_fd.h"

#include <array>
#include <cerrno>
#include <charconv>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace berth::check {

namespace stdfs = std::filesystem;

namespace {

std::string_view trim(std::string_view text)
{
    const size_t first = text.find_first_not_of(" \t\n");
    if (first == std::string_view::npos)
        return {};
    const size_t last = text.find_last_not_of(" \t\n");
    return text.substr(first, last - first + 1);
}

} // namespace

stdfs::path underRoot(const stdfs::path& root, std::string_view relative)
{
    while (relative.starts_with('/'))
        relative.remove_prefix(1);
    return root / relative;
}

Result<std::string> readHostFile(const stdfs::path& file, std::size_t limit)
{
    UniqueFd fd(::open(file.c_str(), O_RDONLY | O_NOCTTY | O_CLOEXEC));
    if (!fd)
        return failErrno(errno, "open " + file.string());
    Result<std::string> text = berth::fs::readAll(fd.get(), limit);
    if (!text)
        return std::unexpected(text.error().wrap("read " + file.string()));
    return text;
}

Result<std::uint64_t> readHostNumber(const stdfs::path& file)
{
    Result<std::string> text = readHostFile(file);
    if (!text)
        return std::unexpected(std::move(text.error()));
    const std::string_view digits = trim(*text);
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size())
        return failWith(EINVAL, "not a number in " + file.string() + ": '" + std::string(digits) + "'", file.string());
    return value;
}

std::optional<std::string> statusField(std::string_view statusText, std::string_view key)
{
    size_t at = 0;
    while (at < statusText.size()) {
        size_t end = statusText.find('\n', at);
        if (end == std::string_view::npos)
            end = statusText.size();
        const std::string_view line = statusText.substr(at, end - at);
        if (line.starts_with(key) && line.substr(key.size()).starts_with(':'))
            return std::string(trim(line.substr(key.size() + 1)));
        at = end + 1;
    }
    return std::nullopt;
}

bool hasWord(std::string_view text, std::string_view word)
{
    size_t at = 0;
    while ((at = text.find(word, at)) != std::string_view::npos) {
        const bool startOk = at == 0 || std::string_view(" \t\n").contains(text[at - 1]);
        const size_t after = at + word.size();
        const bool endOk = after == text.size() || std::string_view(" \t\n").contains(text[after]);
        if (startOk && endOk)
            return true;
        at = after;
    }
    return false;
}

std::optional<stdfs::path> findProgram(const stdfs::path& root, std::string_view name)
{
    // A fixed search path: the helper runs with a cleared environment, and
    // a caller's PATH must not decide what the check reports.
    constexpr std::array kDirs{"usr/sbin", "usr/bin", "sbin", "bin"};
    for (const char* dir : kDirs) {
        const stdfs::path candidate = underRoot(root, dir) / name;
        struct stat st {};
        if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 0111) != 0)
            return candidate;
    }
    return std::nullopt;
}

CheckItem makeItem(std::string_view id, CheckStatus status, std::string detail)
{
    const CheckText text = checkText(id);
    return CheckItem{std::string(id), std::string(text.label), status, std::move(detail),
                     std::string(text.description)};
}

} // namespace berth::check
