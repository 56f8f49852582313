#include "helper_texts.h"

#include <QCoreApplication>

namespace berth::gui {

const char* HelperTexts::sourceOf(const model::Text* row, Field field, const QString& english)
{
    if (!row)
        return nullptr;
    // model's texts are string literals: data() ends in NUL, as translate() needs.
    const std::string_view source = row->*field;
    return !source.empty() && english == QString::fromUtf8(source.data(), qsizetype(source.size())) ? source.data()
                                                                                                    : nullptr;
}

QString HelperTexts::translated(std::span<const model::Text> table, const QString& id, Field field,
                                const QString& english)
{
    const char* source = sourceOf(model::findText(table, id.toStdString()), field, english);
    return source ? QCoreApplication::translate(model::kTextContext.data(), source) : english;
}

QString HelperTexts::optionText(const QString& templateName, const client::TemplateOption& option, Field field,
                                const QString& english)
{
    const std::string key = option.key.toStdString();
    const std::string own = templateName.toStdString() + '/' + key;
    const char* source = sourceOf(model::findText(model::optionTexts(), own), field, english);
    if (!source)
        source = sourceOf(model::findText(model::optionTexts(), key), field, english);
    return source ? QCoreApplication::translate(model::kTextContext.data(), source) : english;
}

QString HelperTexts::templateLabel(const client::TemplateInfo& info)
{
    return translated(model::templateTexts(), info.name, &model::Text::label, info.label);
}

QString HelperTexts::templateDescription(const client::TemplateInfo& info)
{
    return translated(model::templateTexts(), info.name, &model::Text::description, info.description);
}

QString HelperTexts::optionLabel(const QString& templateName, const client::TemplateOption& option)
{
    return optionText(templateName, option, &model::Text::label, option.label);
}

QString HelperTexts::optionDescription(const QString& templateName, const client::TemplateOption& option)
{
    return optionText(templateName, option, &model::Text::description, option.description);
}

QString HelperTexts::checkGroup(const client::CheckItem& item)
{
    // The helper sends the group's title only; its id is the item id's
    // first part ("ns" of "ns.pid"), as the engine groups them.
    const QString groupId = item.id.section(QLatin1Char('.'), 0, 0);
    return translated(model::checkGroupTexts(), groupId, &model::Text::label, item.group);
}

QString HelperTexts::checkTitle(const client::CheckItem& item)
{
    return translated(model::checkTexts(), item.id, &model::Text::label, item.title);
}

QString HelperTexts::checkExplanation(const client::CheckItem& item)
{
    return translated(model::checkTexts(), item.id, &model::Text::description, item.explanation);
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
