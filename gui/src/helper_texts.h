// The helper's user-visible texts in the user's language. The helper sends
// template labels and descriptions, their options' labels and descriptions,
// and the system check's group titles, item titles and explanations as data,
// in English (engine/src/template/template_catalog.cpp,
// engine/src/check/check_text.cpp); it cannot know the caller's locale, so
// the GUI translates them here, keyed by their stable ids. A text the GUI
// does not know, or whose English differs from the GUI's copy (a newer
// helper reworded it), is shown as the helper sent it: a stale translation
// would say something the helper no longer means.
#pragma once

#include "client_types.h"

#include <QCoreApplication>
#include <QString>

#include <span>

namespace berth::gui {

class HelperTexts {
    Q_DECLARE_TR_FUNCTIONS(berth::gui::HelperTexts)
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
    // One row of a table: an id and its English texts, as the engine has them.
    struct SourceText {
        const char* key;
        const char* label;       // a template's or option's label, a check's or group's title
        const char* description; // a description or explanation; nullptr for a group
    };
    using Field = const char* SourceText::*;

    // The tables (helper_template_texts.cpp, helper_check_texts.cpp). Option
    // rows are keyed "key", or "template/key" where one template differs.
    [[nodiscard]] static std::span<const SourceText> templateTexts();
    [[nodiscard]] static std::span<const SourceText> optionTexts();
    [[nodiscard]] static std::span<const SourceText> checkTexts();
    [[nodiscard]] static std::span<const SourceText> groupTexts();

    [[nodiscard]] static const char* findSource(std::span<const SourceText> table, const QString& key, Field field,
                                                const QString& english);
    [[nodiscard]] static QString translated(std::span<const SourceText> table, const QString& key, Field field,
                                            const QString& english);
    [[nodiscard]] static QString optionText(const QString& templateName, const client::TemplateOption& option,
                                            Field field, const QString& english);
};

} // namespace berth::gui
