// The words of the system check: every item's title and explanation, and
// the group titles, in one table (the GUI turns them into translatable text).
#pragma once

#include <span>
#include <string_view>

namespace berth::check {

struct CheckText {
    std::string_view id;
    std::string_view title;
    std::string_view explanation;
};

// Every item the check can report, in the order it reports them.
[[nodiscard]] std::span<const CheckText> allCheckTexts();

// Empty title and explanation for an id not in the table (a test catches it).
[[nodiscard]] CheckText checkText(std::string_view id);

// Group titles, by group id ("ns", "userns", "cgroup", "net", "fs", "sec", "tool").
[[nodiscard]] std::string_view groupTitle(std::string_view groupId);

} // namespace berth::check
