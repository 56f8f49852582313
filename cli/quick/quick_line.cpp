#include "quick_line.h"

#include "berth/model/stop_timeout.h"

#include <charconv>
#include <span>
#include <system_error>

namespace berth::quick {
namespace {

using Words = std::span<const std::string_view>;

// A positional word: the full client's parser would take anything starting
// with '-' as an option.
bool isWord(std::string_view arg)
{
    return !arg.empty() && arg.front() != '-';
}

// Seconds as berthctl stop takes them; anything else is for the full
// client to refuse with its message.
std::optional<unsigned> parseTimeout(std::string_view text)
{
    unsigned value = 0;
    const char* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, value);
    if (text.empty() || error != std::errc() || stop != end || value > model::kMaxStopTimeoutSeconds)
        return std::nullopt;
    return value;
}

std::optional<QuickLine> parseStart(Words words)
{
    if (words.size() != 1 || !isWord(words[0]))
        return std::nullopt;
    return StartLine{std::string(words[0])};
}

std::optional<QuickLine> parseStop(Words words)
{
    StopLine line{{}, model::kDefaultStopTimeoutSeconds};
    bool named = false;
    bool timed = false;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string_view arg = words[i];
        std::optional<std::string_view> value;
        if ((arg == "-t" || arg == "--timeout") && i + 1 < words.size())
            value = words[++i];
        else if (arg.starts_with("--timeout="))
            value = arg.substr(std::string_view("--timeout=").size());
        if (value) {
            const auto seconds = parseTimeout(*value);
            if (!seconds || timed)
                return std::nullopt;
            line.timeoutSeconds = *seconds;
            timed = true;
            continue;
        }
        if (!isWord(arg) || named)
            return std::nullopt;
        line.name = std::string(arg);
        named = true;
    }
    if (!named)
        return std::nullopt;
    return line;
}

std::optional<QuickLine> parseExec(Words words)
{
    ExecLine line;
    bool named = false;
    std::size_t i = 0;
    for (; i < words.size() && words[i] != "--"; ++i) {
        if (words[i] == "-T" || words[i] == "--no-tty") {
            line.noTty = true;
            continue;
        }
        if (!isWord(words[i]) || named)
            return std::nullopt;
        line.name = std::string(words[i]);
        named = true;
    }
    // No "--", or nothing after it: the full client explains the usage.
    if (!named || i + 1 >= words.size())
        return std::nullopt;
    for (++i; i < words.size(); ++i)
        line.command.emplace_back(words[i]);
    return line;
}

} // namespace

std::optional<QuickLine> parseQuickLine(const std::vector<std::string_view>& args)
{
    if (args.empty())
        return std::nullopt;
    const Words rest = Words(args).subspan(1);
    if (args[0] == "start")
        return parseStart(rest);
    if (args[0] == "stop")
        return parseStop(rest);
    if (args[0] == "exec")
        return parseExec(rest);
    return std::nullopt;
}

} // namespace berth::quick
