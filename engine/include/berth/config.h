// LXC's "key = value" configuration format (LXC 4+ key names).
//
// Parsing keeps every line as written (blank lines, comments, unknown
// keys, odd spacing), so serialize() of an unchanged config gives back its
// input byte for byte, and edits rewrite only the lines they touch.
#pragma once

#include "berth/error.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace berth {

struct ConfigParseOptions {
    // Names the text in messages: "config:3: ...".
    std::string sourceName = "config";
    // Relative lxc.include paths start here, and included files must lie
    // inside it or inside one of includeRoots. Empty: no include is allowed
    // except from includeRoots.
    std::filesystem::path baseDir;
    std::vector<std::filesystem::path> includeRoots;
    int maxIncludeDepth = 8;
    // false: an lxc.include line is an error, and its path is never looked
    // at (text from a D-Bus caller, judged before authorization: the answer
    // must not tell whether a path exists).
    bool followIncludes = true;
};

// One key = value as it takes effect, wherever it was written.
struct ConfigEntry {
    std::string key;
    std::string value;
    std::string source; // the config's sourceName, or an included file's path
    int line = 0;       // 1-based, in `source`

    // "config:7"
    [[nodiscard]] std::string where() const;
};

class ConfigParser;

class Config {
public:
    Config() = default;

    [[nodiscard]] static Result<Config> parse(std::string_view text, const ConfigParseOptions& options = {});
    // Reads `file`; an empty options.baseDir becomes the file's directory.
    [[nodiscard]] static Result<Config> load(const std::filesystem::path& file, const ConfigParseOptions& options);

    [[nodiscard]] std::string serialize() const;
    [[nodiscard]] const std::string& sourceName() const { return m_sourceName; }

    // Last value wins; entries from lxc.include count where the include stands.
    [[nodiscard]] std::optional<std::string> get(std::string_view key) const;
    // List keys (lxc.environment, lxc.mount.entry, ...): every value in
    // order, where an empty value clears what came before, as in LXC.
    [[nodiscard]] std::vector<std::string> getAll(std::string_view key) const;
    // Line in this config of the entry get() returns (for an included
    // entry, the line of its lxc.include).
    [[nodiscard]] std::optional<int> lineOf(std::string_view key) const;

    // The entry get() returns, with where it was written.
    [[nodiscard]] std::optional<ConfigEntry> entry(std::string_view key) const;
    // The entries getAll() returns, with where they were written.
    [[nodiscard]] std::vector<ConfigEntry> entries(std::string_view key) const;
    // Every entry in effect order, includes expanded.
    [[nodiscard]] std::vector<ConfigEntry> allEntries() const;

    // Makes `value` the key's only value in this config: the last line of
    // the key is rewritten in place, earlier ones removed, or a line is
    // added at the end. Refuses invalid keys, values with a newline or NUL,
    // and lxc.include (includes are followed only when parsing).
    [[nodiscard]] Status set(std::string_view key, std::string_view value);
    // Adds a value to a list key, after the key's last line (or at the end).
    [[nodiscard]] Status append(std::string_view key, std::string_view value);
    // Removes the key's lines from this config (included files are not edited).
    void unset(std::string_view key);

private:
    friend class ConfigParser;

    enum class LineKind { Blank, Comment, Entry };
    struct Line {
        std::string text; // as written, without its '\n'
        LineKind kind = LineKind::Blank;
        std::string key;
        std::string value;
        std::size_t valueStart = 0;        // where the value begins in text
        std::vector<ConfigEntry> included; // for lxc.include: the entries it brings
    };

    template <class F> void forEachEntry(F&& visit) const;
    [[nodiscard]] std::optional<std::size_t> lastLineOf(std::string_view key) const;
    [[nodiscard]] bool includedAfter(std::size_t index, std::string_view key) const;
    void insertLine(std::size_t index, std::string_view key, std::string_view value);

    std::vector<Line> m_lines;
    std::string m_sourceName = "config";
    bool m_finalNewline = false;
};

} // namespace berth
