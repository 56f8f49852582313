#include "berth/model/texts.h"

#include <string>

namespace berth::model {

const Text* findText(std::span<const Text> table, std::string_view id)
{
    for (const Text& row : table)
        if (row.id == id)
            return &row;
    return nullptr;
}

const Text* findOptionText(std::string_view templateName, std::string_view key)
{
    const std::string own = std::string(templateName) + '/' + std::string(key);
    if (const Text* row = findText(optionTexts(), own))
        return row;
    return findText(optionTexts(), key);
}

} // namespace berth::model
