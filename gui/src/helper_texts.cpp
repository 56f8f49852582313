#include "helper_texts.h"

namespace berth::gui {

const char* HelperTexts::findSource(std::span<const SourceText> table, const QString& key, Field field,
                                    const QString& english)
{
    for (const SourceText& row : table) {
        const char* source = row.*field;
        if (source && key == QLatin1String(row.key) && english == QString::fromUtf8(source))
            return source;
    }
    return nullptr;
}

QString HelperTexts::translated(std::span<const SourceText> table, const QString& key, Field field,
                                const QString& english)
{
    const char* source = findSource(table, key, field, english);
    return source ? tr(source) : english;
}

QString HelperTexts::optionText(const QString& templateName, const client::TemplateOption& option, Field field,
                                const QString& english)
{
    const char* source = findSource(optionTexts(), templateName + QLatin1Char('/') + option.key, field, english);
    if (!source)
        source = findSource(optionTexts(), option.key, field, english);
    return source ? tr(source) : english;
}

QString HelperTexts::templateLabel(const client::TemplateInfo& info)
{
    return translated(templateTexts(), info.name, &SourceText::label, info.label);
}

QString HelperTexts::templateDescription(const client::TemplateInfo& info)
{
    return translated(templateTexts(), info.name, &SourceText::description, info.description);
}

QString HelperTexts::optionLabel(const QString& templateName, const client::TemplateOption& option)
{
    return optionText(templateName, option, &SourceText::label, option.label);
}

QString HelperTexts::optionDescription(const QString& templateName, const client::TemplateOption& option)
{
    return optionText(templateName, option, &SourceText::description, option.description);
}

QString HelperTexts::checkGroup(const client::CheckItem& item)
{
    // The helper sends the group's title only; its id is the item id's
    // first part ("ns" of "ns.pid"), as the engine groups them.
    const QString groupId = item.id.section(QLatin1Char('.'), 0, 0);
    return translated(groupTexts(), groupId, &SourceText::label, item.group);
}

QString HelperTexts::checkTitle(const client::CheckItem& item)
{
    return translated(checkTexts(), item.id, &SourceText::label, item.title);
}

QString HelperTexts::checkExplanation(const client::CheckItem& item)
{
    return translated(checkTexts(), item.id, &SourceText::description, item.explanation);
}

client::TemplateInfo HelperTexts::localized(const client::TemplateInfo& info)
{
    client::TemplateInfo result = info;
    result.label = templateLabel(info);
    result.description = templateDescription(info);
    for (client::TemplateOption& option : result.options) {
        option.label = optionLabel(info.name, option);
        option.description = optionDescription(info.name, option);
    }
    return result;
}

QList<client::TemplateInfo> HelperTexts::localized(const QList<client::TemplateInfo>& templates)
{
    QList<client::TemplateInfo> result;
    result.reserve(templates.size());
    for (const client::TemplateInfo& info : templates)
        result << localized(info);
    return result;
}

client::CheckItem HelperTexts::localized(const client::CheckItem& item)
{
    client::CheckItem result = item;
    result.group = checkGroup(item);
    result.title = checkTitle(item);
    result.explanation = checkExplanation(item);
    return result;
}

QList<client::CheckItem> HelperTexts::localized(const QList<client::CheckItem>& items)
{
    QList<client::CheckItem> result;
    result.reserve(items.size());
    for (const client::CheckItem& item : items)
        result << localized(item);
    return result;
}

} // namespace berth::gui
