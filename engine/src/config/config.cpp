// Reading and editing a parsed config; parsing is in config_parser.cpp.
#include "berth/config.h"

#include "config/config_syntax.h"
#include "config/values.h"

#include <cerrno>

namespace berth {

std::string ConfigEntry::where() const
{
    return source + ":" + std::to_string(line);
}

template <class F> void Config::forEachEntry(F&& visit) const
{
    for (std::size_t i = 0; i < m_lines.size(); ++i) {
        const Line& line = m_lines[i];
        if (line.kind != LineKind::Entry)
            continue;
        visit(ConfigEntry{line.key, line.value, m_sourceName, static_cast<int>(i + 1)}, i);
        for (const ConfigEntry& included : line.included)
            visit(included, i);
    }
}

std::string Config::serialize() const
{
    std::string out;
    for (std::size_t i = 0; i < m_lines.size(); ++i) {
        if (i > 0)
            out += '\n';
        out += m_lines[i].text;
    }
    if (m_finalNewline)
        out += '\n';
    return out;
}

std::optional<ConfigEntry> Config::entry(std::string_view key) const
{
    std::optional<ConfigEntry> last;
    forEachEntry([&](const ConfigEntry& e, std::size_t) {
        if (e.key == key)
            last = e;
    });
    return last;
}

std::optional<std::string> Config::get(std::string_view key) const
{
    auto last = entry(key);
    if (!last)
        return std::nullopt;
    return std::move(last->value);
}

std::optional<int> Config::lineOf(std::string_view key) const
{
    std::optional<int> line;
    forEachEntry([&](const ConfigEntry& e, std::size_t index) {
        if (e.key == key)
            line = static_cast<int>(index + 1);
    });
    return line;
}

std::vector<ConfigEntry> Config::entries(std::string_view key) const
{
    std::vector<ConfigEntry> list;
    forEachEntry([&](const ConfigEntry& e, std::size_t) {
        if (e.key != key)
            return;
        if (e.value.empty())
            list.clear();
        else
            list.push_back(e);
    });
    return list;
}

std::vector<std::string> Config::getAll(std::string_view key) const
{
    std::vector<std::string> values;
    for (ConfigEntry& e : entries(key))
        values.push_back(std::move(e.value));
    return values;
}

std::vector<ConfigEntry> Config::allEntries() const
{
    std::vector<ConfigEntry> all;
    forEachEntry([&](const ConfigEntry& e, std::size_t) { all.push_back(e); });
    return all;
}

namespace {

Status checkEdit(std::string_view key, std::string_view value)
{
    if (!isValidConfigKey(key))
        return failWith(EINVAL, "invalid config key " + quoteForMessage(key));
    if (key == "lxc.include")
        return failWith(EINVAL, "lxc.include cannot be edited; it is followed only when a config is parsed");
    if (value.find('\n') != std::string_view::npos || value.find('\0') != std::string_view::npos)
        return failWith(EINVAL,
                        "value " + quoteForMessage(value) + " of " + std::string(key) + " contains a newline or NUL");
    return {};
}

} // namespace

std::optional<std::size_t> Config::lastLineOf(std::string_view key) const
{
    for (std::size_t i = m_lines.size(); i-- > 0;) {
        if (m_lines[i].kind == LineKind::Entry && m_lines[i].key == key)
            return i;
    }
    return std::nullopt;
}

bool Config::includedAfter(std::size_t index, std::string_view key) const
{
    for (std::size_t i = index + 1; i < m_lines.size(); ++i) {
        for (const ConfigEntry& e : m_lines[i].included) {
            if (e.key == key)
                return true;
        }
    }
    return false;
}

void Config::insertLine(std::size_t index, std::string_view key, std::string_view value)
{
    Line line;
    line.kind = LineKind::Entry;
    line.key = std::string(key);
    line.value = std::string(value);
    line.text = line.key + (value.empty() ? " =" : " = " + formatConfigValue(value));
    line.valueStart = value.empty() ? line.text.size() : key.size() + 3;
    // A line added at the end ends with a newline like the lines we write.
    if (index >= m_lines.size())
        m_finalNewline = true;
    m_lines.insert(m_lines.begin() + static_cast<std::ptrdiff_t>(index), std::move(line));
}

Status Config::set(std::string_view key, std::string_view value)
{
    if (auto ok = checkEdit(key, value); !ok)
        return ok;
    const auto last = lastLineOf(key);
    // An include after the last line would override a rewrite in place.
    if (!last || includedAfter(*last, key)) {
        unset(key);
        insertLine(m_lines.size(), key, value);
        return {};
    }
    Line& line = m_lines[*last];
    std::string prefix = line.text.substr(0, line.valueStart);
    // "key =" had no value to take the spacing from.
    if (line.value.empty() && prefix.ends_with('='))
        prefix += ' ';
    const bool crlf = line.text.ends_with('\r');
    line.text = prefix + formatConfigValue(value) + (crlf ? "\r" : "");
    line.value = std::string(value);
    line.valueStart = prefix.size();
    // Earlier lines of the key would otherwise still count for list keys.
    for (std::size_t i = *last; i-- > 0;) {
        if (m_lines[i].kind == LineKind::Entry && m_lines[i].key == key)
            m_lines.erase(m_lines.begin() + static_cast<std::ptrdiff_t>(i));
    }
    return {};
}

Status Config::append(std::string_view key, std::string_view value)
{
    if (auto ok = checkEdit(key, value); !ok)
        return ok;
    const auto last = lastLineOf(key);
    insertLine(last ? *last + 1 : m_lines.size(), key, value);
    return {};
}

void Config::unset(std::string_view key)
{
    std::erase_if(m_lines, [&](const Line& l) { return l.kind == LineKind::Entry && l.key == key; });
}

} // namespace berth
