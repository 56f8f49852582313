#include "template_page.h"

#include "error_text.h"
#include "helper_texts.h"
#include "icons.h"

#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace berth::gui {

TemplatePage::TemplatePage(ContainerSource& source, QWidget* parent) : QWizardPage(parent), m_source(source)
{
    setTitle(tr("Template"));
    setSubTitle(tr("Choose what the new container is made from."));
    auto* layout = new QVBoxLayout(this);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("templateList"));
    m_list->setIconSize(QSize(32, 32));
    // Long descriptions (German) wrap instead of running off the side.
    m_list->setWordWrap(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(m_list, 1);
    m_description = new QLabel(this);
    m_description->setWordWrap(true);
    layout->addWidget(m_description);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("templateMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    connect(m_list, &QListWidget::currentRowChanged, this, &TemplatePage::selectionChanged);
    load();
}

void TemplatePage::load()
{
    m_source.templates(this, [this](const client::Result<QList<client::TemplateInfo>>& result) {
        if (!result) {
            m_message->setText(errorText(result.error(), tr("list the templates")));
            return;
        }
        show(*result);
    });
}

void TemplatePage::show(const QList<client::TemplateInfo>& templates)
{
    // Translated once here: the later pages, their fields and the summary
    // show the helper's texts from these copies.
    m_templates = HelperTexts::localized(templates);
    m_list->clear();
    for (const auto& info : std::as_const(m_templates)) {
        auto* item = new QListWidgetItem(info.label + QLatin1Char('\n') + info.description, m_list);
        item->setData(Qt::UserRole, info.name);
        item->setIcon(templateIcon(info.name));
        item->setToolTip(info.description);
    }
    m_message->clear();
    // The first is the quickest to create (busybox): a sensible start.
    if (!templates.isEmpty())
        m_list->setCurrentRow(0);
    Q_EMIT templatesLoaded();
}

void TemplatePage::selectionChanged()
{
    const client::TemplateInfo* info = chosen();
    m_description->setText(info ? info->description : QString());
    if (info)
        Q_EMIT templateChosen(*info);
    Q_EMIT completeChanged();
}

const client::TemplateInfo* TemplatePage::chosen() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < m_templates.size() ? &m_templates.at(row) : nullptr;
}

bool TemplatePage::choose(const QString& name)
{
    for (int row = 0; row < m_templates.size(); ++row) {
        if (m_templates.at(row).name == name) {
            m_list->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

bool TemplatePage::isComplete() const
{
    return chosen() != nullptr;
}

} // namespace berth::gui
