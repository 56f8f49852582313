// The part of TOML that registries.conf uses (issue #21): tables, arrays
// of tables, keys (bare, quoted, dotted), strings (basic and literal, also
// multi-line), booleans, arrays; numbers, dates and inline tables are read
// and kept as text so a file that uses them still loads. Nothing throws; a
// syntax error names the line.
#pragma once

#include "berth/error.h"

#include <string>
#include <string_view>
#include <vector>

namespace berth::registry {

struct TomlValue {
    enum class Kind { String, Bool, Array, Other };
    Kind kind = Kind::Other;
    std::string text; // a string's value, or the raw text of an Other
    bool flag = false;
    std::vector<TomlValue> items;
};

// One `key = value`, with the table it is in: "" at the top,
// "registry" in a [[registry]] (its `tableIndex` counts those from 0),
// "registries.search" in a [registries.search].
struct TomlEntry {
    std::string table;
    int tableIndex = 0;
    bool arrayTable = false;
    std::string key; // dotted keys joined with '.'
    TomlValue value;
    int line = 0;
};

struct TomlTable {
    std::string name;
    int index = 0;
    bool array = false;
    int line = 0;
};

struct TomlDocument {
    std::vector<TomlTable> tables; // every header, in order
    std::vector<TomlEntry> entries;
};

// `what` names the document in messages: "WHAT:LINE: problem" (EINVAL).
[[nodiscard]] Result<TomlDocument> parseToml(std::string_view text, std::string_view what);

} // namespace berth::registry
