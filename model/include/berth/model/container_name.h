// Container names: they become directory names, D-Bus arguments and, by
// default, the container's host name. One rule for the engine, the helper
// and the GUI: ^[a-z0-9][a-z0-9_.-]{0,62}$, never "." or "..".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace berth::model {

inline constexpr std::size_t kMaxContainerName = 63;

enum class NameProblem {
    None,
    Empty,
    DotName, // "." or "..": the parent directory
    TooLong, // over kMaxContainerName
    BadLead, // not a lowercase letter or a digit first
    BadChar, // a character outside a-z, 0-9, '_', '.', '-'
};

struct NameCheck {
    NameProblem problem = NameProblem::None;
    char character = 0; // the first bad one, for BadChar
};

[[nodiscard]] NameCheck checkContainerName(std::string_view name);

// The host name a container gets when its config names none: the name, as
// LXC does, made a valid host name (letters, digits, '-' and '.' between
// non-empty labels): '_' becomes '-', empty labels go ("a..b." -> "a.b").
[[nodiscard]] std::string defaultHostname(std::string_view name);
// `given` when the user gave one, else defaultHostname(name).
[[nodiscard]] std::string containerHostname(std::string_view name, std::string_view given);

} // namespace berth::model
