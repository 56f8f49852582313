#include "options_page.h"

#include "error_text.h"
#include "file_field.h"
#include "option_field.h"

#include <QFormLayout>
#include <QLabel>

#include <algorithm>

namespace berth::gui {

OptionsPage::OptionsPage(ContainerSource& source, QWidget* parent) : QWizardPage(parent), m_source(source)
{
    setTitle(tr("Options"));
    m_form = new QFormLayout(this);
    m_empty = new QLabel(tr("This template has no options."), this);
    m_empty->setWordWrap(true);
    m_form->addRow(m_empty);
}

void OptionsPage::clear()
{
    for (OptionField* field : std::as_const(m_fields))
        m_form->removeRow(field);
    m_fields.clear();
}

void OptionsPage::setTemplate(const client::TemplateInfo& info)
{
    if (info.name == m_templateName)
        return;
    m_templateName = info.name;
    setSubTitle(tr("Options of the template '%1'.").arg(info.label));
    clear();
    for (const auto& option : info.options)
        addField(option);
    m_empty->setVisible(m_fields.isEmpty());
    offerContainers();
    Q_EMIT completeChanged();
}

void OptionsPage::addField(const client::TemplateOption& option)
{
    OptionField* field = OptionField::create(option, this);
    connect(field, &OptionField::changed, this, &OptionsPage::completeChanged);
    const QString label = option.required ? tr("%1 (required):").arg(option.label) : tr("%1:").arg(option.label);
    m_form->addRow(label, field);
    m_fields << field;
}

void OptionsPage::offerContainers()
{
    const bool wanted = std::any_of(m_fields.begin(), m_fields.end(), [](const OptionField* field) {
        return field->option().type == QLatin1String("container");
    });
    if (!wanted)
        return;
    m_source.listContainers(this, [this](const client::Result<QMap<QString, QString>>& result) {
        if (!result) {
            setSubTitle(errorText(result.error(), tr("list the containers")));
            return;
        }
        for (OptionField* field : std::as_const(m_fields))
            field->setContainers(*result);
    });
}

bool OptionsPage::isComplete() const
{
    return std::all_of(m_fields.begin(), m_fields.end(), [](const OptionField* field) { return field->isComplete(); });
}

QMap<QString, QString> OptionsPage::values() const
{
    QMap<QString, QString> values;
    for (const OptionField* field : m_fields) {
        if (!qobject_cast<const FileField*>(field))
            values.insert(field->option().key, field->value());
    }
    return values;
}

QList<std::pair<QString, QString>> OptionsPage::summary() const
{
    QList<std::pair<QString, QString>> rows;
    for (const OptionField* field : m_fields)
        rows.append({field->option().label, field->displayValue()});
    return rows;
}

OptionField* OptionsPage::field(const QString& key) const
{
    for (OptionField* field : m_fields) {
        if (field->option().key == key)
            return field;
    }
    return nullptr;
}

FileField* OptionsPage::fileField() const
{
    for (OptionField* field : m_fields) {
        if (auto* file = qobject_cast<FileField*>(field))
            return file;
    }
    return nullptr;
}

int OptionsPage::inputFd() const
{
    const FileField* file = fileField();
    return file ? file->fd() : -1;
}

QString OptionsPage::inputPath() const
{
    const FileField* file = fileField();
    return file ? file->path() : QString();
}

} // namespace berth::gui
