// The helper's user-visible texts in the user's language. The helper sends
// template labels and descriptions, their options' labels and descriptions,
// and the system check's group titles, item titles and explanations as data,
// in English (model's texts, berth/model/texts.h); it cannot know the
// caller's locale, so the GUI translates them here, keyed by their stable
// ids (context "berth::model"). A text the GUI does not know, or whose
// English differs from model's (a newer helper reworded it), is shown as
// the helper sent it: a stale translation would say something the helper no
// longer means.
#pragma once

#include "berth/model/texts.h"
#include "client_types.h"

#include <QString>

#include <string_view>

namespace berth::gui {

class HelperTexts {
public:
    [[nodiscard]] static QString templateLabel(const client::TemplateInfo& info);
    [[nodiscard]] static QString templateDescription(const client::TemplateInfo& info);
    // `templateName` picks a template's own wording where templates differ
    // (the snapshot of a clone is of its source, not of a cached installation).
    [[nodiscard]] static QString optionLabel(const QString& templateName, const client::TemplateOption& option);
    [[nodiscard]] static QString optionDescription(const QString& templateName, const client::TemplateOption& option);
    [[nodiscard]] static QString checkGroup(const client::CheckItem& item);
    [[nodiscard]] static QString checkTitle(const client::CheckItem& item);
    [[nodiscard]] static QString checkExplanation(const client::CheckItem& item);

    // Copies with every text above translated; ids, keys and values unchanged.
    [[nodiscard]] static client::TemplateInfo localized(const client::TemplateInfo& info);
    [[nodiscard]] static QList<client::TemplateInfo> localized(const QList<client::TemplateInfo>& templates);
    [[nodiscard]] static client::CheckItem localized(const client::CheckItem& item);
    [[nodiscard]] static QList<client::CheckItem> localized(const QList<client::CheckItem>& items);

private:
    using Field = std::string_view model::Text::*;

    // The row's English when it is `english`, else nullptr.
    [[nodiscard]] static const char* sourceOf(const model::Text* row, Field field, const QString& english);
    [[nodiscard]] static QString translated(std::span<const model::Text> table, const QString& id, Field field,
                                            const QString& english);
    [[nodiscard]] static QString optionText(const QString& templateName, const client::TemplateOption& option,
                                            Field field, const QString& english);
};

} // namespace berth::gui
