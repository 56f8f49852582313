// Shell-like splitting of lxc.init.cmd / lxc.execute.cmd. Nothing is
// expanded: the command is exec'd directly, never given to a shell.
#include "config/values.h"

#include <cerrno>
#include <utility>

namespace berth {

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Appends the body of the "..." that opens at `open`; returns the index of
// the closing quote.
Result<std::size_t> readDoubleQuoted(std::string_view text, std::size_t open, std::string& word)
{
    for (std::size_t i = open + 1; i < text.size(); ++i) {
        if (text[i] == '"')
            return i;
        const bool escape = text[i] == '\\' && i + 1 < text.size() &&
                            std::string_view("\"\\$`").find(text[i + 1]) != std::string_view::npos;
        if (escape)
            ++i;
        word += text[i];
    }
    return failWith(EINVAL, "unterminated double quote in " + quoteForMessage(text));
}

// Appends the quoted or escaped part that starts at `i`; returns the index
// of its last character.
Result<std::size_t> readSpecial(std::string_view text, std::size_t i, std::string& word)
{
    if (text[i] == '"')
        return readDoubleQuoted(text, i, word);
    if (text[i] == '\'') {
        const std::size_t close = text.find('\'', i + 1);
        if (close == std::string_view::npos)
            return failWith(EINVAL, "unterminated single quote in " + quoteForMessage(text));
        word.append(text.substr(i + 1, close - i - 1));
        return close;
    }
    if (i + 1 >= text.size())
        return failWith(EINVAL, "trailing backslash in " + quoteForMessage(text));
    word += text[i + 1];
    return i + 1;
}

} // namespace

Result<std::vector<std::string>> splitCommandLine(std::string_view text)
{
    std::vector<std::string> words;
    std::string word;
    bool inWord = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (isBlank(c)) {
            if (inWord)
                words.push_back(std::exchange(word, {}));
            inWord = false;
            continue;
        }
        inWord = true;
        if (c != '"' && c != '\'' && c != '\\') {
            word += c;
            continue;
        }
        auto last = readSpecial(text, i, word);
        if (!last)
            return fail(last.error());
        i = *last;
    }
    if (inWord)
        words.push_back(std::move(word));
    return words;
}

} // namespace berth
