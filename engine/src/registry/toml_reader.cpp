#include "registry/toml_reader.h"

#include <cerrno>
#include <cctype>
#include <charconv>

namespace berth::registry {

namespace {

// Nested arrays and inline tables deeper than this are refused.
constexpr int kMaxDepth = 16;

bool isBareKeyChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

class Reader {
public:
    Reader(std::string_view text, std::string_view what) : m_text(text), m_what(what) {}

    Result<TomlDocument> document();

private:
    std::unexpected<Error> error(std::string_view problem) const
    {
        return failWith(EINVAL, std::string(m_what) + ":" + std::to_string(m_line) + ": " + std::string(problem),
                        std::string(m_what) + ":" + std::to_string(m_line));
    }
    [[nodiscard]] bool atEnd() const { return m_pos >= m_text.size(); }
    [[nodiscard]] char peek(std::size_t ahead = 0) const
    {
        return m_pos + ahead < m_text.size() ? m_text[m_pos + ahead] : '\0';
    }
    [[nodiscard]] bool startsWith(std::string_view s) const { return m_text.substr(m_pos).starts_with(s); }
    char take()
    {
        const char c = m_text[m_pos++];
        if (c == '\n')
            ++m_line;
        return c;
    }
    void skipBlanks()
    {
        while (peek() == ' ' || peek() == '\t')
            ++m_pos;
    }
    void skipComment()
    {
        if (peek() == '#')
            while (!atEnd() && peek() != '\n')
                ++m_pos;
    }
    // Blanks, comments and newlines (between statements and in arrays).
    void skipSpace()
    {
        for (;;) {
            skipBlanks();
            skipComment();
            if (peek() == '\n' || peek() == '\r')
                take();
            else
                return;
        }
    }
    Status endOfLine();
    Status header();
    Status keyValue();
    Result<std::string> key();
    Result<std::string> simpleKey();
    Result<TomlValue> value(int depth);
    Result<std::string> basicString();
    Result<std::string> literalString();
    Result<std::string> multiLine(std::string_view quotes);
    Status escape(std::string& out);
    Result<TomlValue> array(int depth);
    Result<TomlValue> inlineTable(int depth);
    TomlValue bareScalar();

    std::string_view m_text;
    std::string_view m_what;
    std::size_t m_pos = 0;
    int m_line = 1;
    TomlDocument m_doc;
    TomlTable m_table;
};

Result<TomlDocument> Reader::document()
{
    for (skipSpace(); !atEnd(); skipSpace()) {
        auto ok = peek() == '[' ? header() : keyValue();
        if (!ok)
            return fail(ok.error());
        if (auto end = endOfLine(); !end)
            return fail(end.error());
    }
    return std::move(m_doc);
}

Status Reader::endOfLine()
{
    skipBlanks();
    skipComment();
    if (peek() == '\r')
        ++m_pos;
    if (!atEnd() && peek() != '\n')
        return error(std::string("unexpected '") + peek() + "' after the value");
    return {};
}

Status Reader::header()
{
    const bool isArray = startsWith("[[");
    m_pos += isArray ? 2 : 1;
    skipBlanks();
    auto name = key();
    if (!name)
        return fail(name.error());
    skipBlanks();
    if (!startsWith(isArray ? "]]" : "]"))
        return error("a table header is not closed");
    m_pos += isArray ? 2 : 1;
    int index = 0;
    for (const TomlTable& t : m_doc.tables)
        if (t.name == *name)
            ++index;
    if (!isArray && index > 0)
        return error("table [" + *name + "] is defined twice");
    m_table = TomlTable{*name, isArray ? index : 0, isArray, m_line};
    m_doc.tables.push_back(m_table);
    return {};
}

Status Reader::keyValue()
{
    const int line = m_line;
    auto name = key();
    if (!name)
        return fail(name.error());
    skipBlanks();
    if (peek() != '=')
        return error("expected '=' after '" + *name + "'");
    ++m_pos;
    skipBlanks();
    auto v = value(0);
    if (!v)
        return fail(v.error());
    m_doc.entries.push_back(TomlEntry{m_table.name, m_table.index, m_table.array, *name, std::move(*v), line});
    return {};
}

Result<std::string> Reader::key()
{
    std::string dotted;
    for (;;) {
        auto part = simpleKey();
        if (!part)
            return part;
        dotted += *part;
        skipBlanks();
        if (peek() != '.')
            return dotted;
        ++m_pos;
        dotted += '.';
        skipBlanks();
    }
}

Result<std::string> Reader::simpleKey()
{
    if (peek() == '"')
        return basicString();
    if (peek() == '\'')
        return literalString();
    const std::size_t start = m_pos;
    while (isBareKeyChar(peek()))
        ++m_pos;
    if (m_pos == start)
        return error(atEnd() ? std::string("a key is missing") : std::string("unexpected '") + peek() + "'");
    return std::string(m_text.substr(start, m_pos - start));
}

Result<TomlValue> Reader::value(int depth)
{
    if (depth > kMaxDepth)
        return error("values are nested too deeply");
    TomlValue v;
    if (peek() == '"' || peek() == '\'') {
        auto s = peek() == '"' ? basicString() : literalString();
        if (!s)
            return fail(s.error());
        v.kind = TomlValue::Kind::String;
        v.text = std::move(*s);
        return v;
    }
    if (peek() == '[')
        return array(depth);
    if (peek() == '{')
        return inlineTable(depth);
    v = bareScalar();
    if (v.text.empty())
        return error("a value is missing");
    return v;
}

// Numbers, dates and booleans: up to a delimiter. true and false are
// booleans; the rest is kept as text (registries.conf uses none we read).
TomlValue Reader::bareScalar()
{
    const std::size_t start = m_pos;
    while (!atEnd() && peek() != ',' && peek() != ']' && peek() != '}' && peek() != '#' && peek() != '\n' &&
           peek() != '\r' && !(peek() == ' ' && !std::isdigit(static_cast<unsigned char>(peek(1)))))
        ++m_pos;
    TomlValue v;
    v.text = std::string(m_text.substr(start, m_pos - start));
    if (v.text == "true" || v.text == "false") {
        v.kind = TomlValue::Kind::Bool;
        v.flag = v.text == "true";
    }
    return v;
}

Result<std::string> Reader::basicString()
{
    if (startsWith("\"\"\""))
        return multiLine("\"\"\"");
    ++m_pos;
    std::string out;
    for (;;) {
        if (atEnd() || peek() == '\n')
            return error("a string is not closed");
        const char c = take();
        if (c == '"')
            return out;
        if (c != '\\')
            out += c;
        else if (auto ok = escape(out); !ok)
            return fail(ok.error());
    }
}

Status Reader::escape(std::string& out)
{
    if (atEnd())
        return error("a string is not closed");
    const char c = take();
    switch (c) {
    case 'b':
        out += '\b';
        return {};
    case 't':
        out += '\t';
        return {};
    case 'n':
        out += '\n';
        return {};
    case 'f':
        out += '\f';
        return {};
    case 'r':
        out += '\r';
        return {};
    case '"':
        out += '"';
        return {};
    case '\\':
        out += '\\';
        return {};
    case 'u':
    case 'U':
        break;
    default:
        return error(std::string("unknown escape '\\") + c + "'");
    }
    const std::size_t digits = c == 'u' ? 4 : 8;
    unsigned code = 0;
    const char* begin = m_text.data() + m_pos;
    if (m_pos + digits > m_text.size() || std::from_chars(begin, begin + digits, code, 16).ptr != begin + digits ||
        code > 0x10FFFF)
        return error("a \\u escape is not a character");
    m_pos += digits;
    // UTF-8 of the code point.
    if (code < 0x80)
        out += static_cast<char>(code);
    else if (code < 0x800)
        out += {static_cast<char>(0xC0 | (code >> 6)), static_cast<char>(0x80 | (code & 0x3F))};
    else if (code < 0x10000)
        out += {static_cast<char>(0xE0 | (code >> 12)), static_cast<char>(0x80 | ((code >> 6) & 0x3F)),
                static_cast<char>(0x80 | (code & 0x3F))};
    else
        out += {static_cast<char>(0xF0 | (code >> 18)), static_cast<char>(0x80 | ((code >> 12) & 0x3F)),
                static_cast<char>(0x80 | ((code >> 6) & 0x3F)), static_cast<char>(0x80 | (code & 0x3F))};
    return {};
}

Result<std::string> Reader::literalString()
{
    if (startsWith("'''"))
        return multiLine("'''");
    ++m_pos;
    const std::size_t end = m_text.find_first_of("'\n", m_pos);
    if (end == std::string_view::npos || m_text[end] != '\'')
        return error("a string is not closed");
    std::string out(m_text.substr(m_pos, end - m_pos));
    m_pos = end + 1;
    return out;
}

// """...""" and '''...''': a newline right after the opening is dropped;
// basic ones keep their escapes (a line-ending backslash is kept as is).
Result<std::string> Reader::multiLine(std::string_view quotes)
{
    m_pos += quotes.size();
    if (peek() == '\n')
        take();
    std::string out;
    while (!startsWith(quotes)) {
        if (atEnd())
            return error("a string is not closed");
        const char c = take();
        if (c == '\\' && quotes[0] == '"' && peek() != '\n') {
            if (auto ok = escape(out); !ok)
                return fail(ok.error());
        } else
            out += c;
    }
    m_pos += quotes.size();
    return out;
}

Result<TomlValue> Reader::array(int depth)
{
    ++m_pos;
    TomlValue v;
    v.kind = TomlValue::Kind::Array;
    for (skipSpace(); peek() != ']'; skipSpace()) {
        if (atEnd())
            return error("an array is not closed");
        auto item = value(depth + 1);
        if (!item)
            return fail(item.error());
        v.items.push_back(std::move(*item));
        skipSpace();
        if (peek() == ',')
            ++m_pos;
        else if (peek() != ']')
            return error("expected ',' or ']' in an array");
    }
    ++m_pos;
    return v;
}

// Read for its syntax and dropped: registries.conf has none Berth uses.
Result<TomlValue> Reader::inlineTable(int depth)
{
    ++m_pos;
    for (skipBlanks(); peek() != '}'; skipBlanks()) {
        auto name = key();
        if (!name)
            return fail(name.error());
        skipBlanks();
        if (peek() != '=')
            return error("expected '=' in an inline table");
        ++m_pos;
        skipBlanks();
        if (auto item = value(depth + 1); !item)
            return fail(item.error());
        skipBlanks();
        if (peek() == ',')
            ++m_pos;
        else if (peek() != '}')
            return error("expected ',' or '}' in an inline table");
    }
    ++m_pos;
    return TomlValue{};
}

} // namespace

Result<TomlDocument> parseToml(std::string_view text, std::string_view what)
{
    return Reader(text, what).document();
}

} // namespace berth::registry
