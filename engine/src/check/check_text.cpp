#include "check/check_text.h"

namespace berth::check {

std::span<const CheckText> allCheckTexts()
{
    return model::checkTexts();
}

CheckText checkText(std::string_view id)
{
    const CheckText* text = model::findText(model::checkTexts(), id);
    return text ? *text : CheckText{id, {}, {}};
}

std::string_view groupTitle(std::string_view groupId)
{
    const model::Text* group = model::findText(model::checkGroupTexts(), groupId);
    return group ? group->label : std::string_view{};
}

} // namespace berth::check
