// The texts users see that the helper sends as data, in English: the
// template catalog's labels and descriptions, its options', and the system
// check's item and group titles and explanations. The engine builds its
// replies from these tables; the GUI matches what the helper sent against
// them by id and translates it (context "berth::model"), so the English
// exists once.
#pragma once

#include <span>
#include <string_view>

// Marks an English text for lupdate (run with
// -tr-function-alias QT_TRANSLATE_NOOP+=BERTH_TEXT) and is the text itself:
// model/ stays standard C++.
#define BERTH_TEXT(context, text) text

namespace berth::model {

// The translation context of every text here.
inline constexpr std::string_view kTextContext = "berth::model";

struct Text {
    std::string_view id;
    std::string_view label;       // a template's or option's label, a check's or group's title
    std::string_view description; // a description or explanation; empty for a group
};

// Keyed by template name.
[[nodiscard]] std::span<const Text> templateTexts();
// Keyed by option key, or "template/key" where one template's wording
// differs (a clone's snapshot is of its source).
[[nodiscard]] std::span<const Text> optionTexts();
// Keyed by check item id ("ns.pid"), in the order the check reports them.
[[nodiscard]] std::span<const Text> checkTexts();
// Keyed by group id, an item id's first part ("ns").
[[nodiscard]] std::span<const Text> checkGroupTexts();

// The row with this id, or nullptr.
[[nodiscard]] const Text* findText(std::span<const Text> table, std::string_view id);
// An option's row: "template/key" first, then "key".
[[nodiscard]] const Text* findOptionText(std::string_view templateName, std::string_view key);

} // namespace berth::model
