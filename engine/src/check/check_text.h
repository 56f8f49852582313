// The words of the system check: every item's title and explanation, and
// the group titles. The English is model's (berth/model/texts.h), which the
// GUI translates by id; this is the engine's view of it.
#pragma once

#include "berth/model/texts.h"

#include <span>
#include <string_view>

namespace berth::check {

// label: the item's title; description: its explanation.
using CheckText = model::Text;

// Every item the check can report, in the order it reports them.
[[nodiscard]] std::span<const CheckText> allCheckTexts();

// Empty title and explanation for an id not in the table (a test catches it).
[[nodiscard]] CheckText checkText(std::string_view id);

// Group titles, by group id ("ns", "userns", "cgroup", "net", "fs", "sec", "tool").
[[nodiscard]] std::string_view groupTitle(std::string_view groupId);

} // namespace berth::check
