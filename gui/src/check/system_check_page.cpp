#include "system_check_page.h"

#include "error_text.h"
#include "essential_checks.h"
#include "helper_texts.h"
#include "icons.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace berth::gui {
namespace {

constexpr int kItemRole = Qt::UserRole; // index into m_items; -1 on a group

QString statusText(const QString& status)
{
    if (status == QLatin1String("ok"))
        return SystemCheckPage::tr("Available");
    if (status == QLatin1String("limited"))
        return SystemCheckPage::tr("Limited");
    return SystemCheckPage::tr("Missing");
}

} // namespace

SystemCheckPage::SystemCheckPage(ContainerSource& source, QWidget* parent) : QWidget(parent), m_source(source)
{
    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Feature"), tr("Found")});
    m_tree->header()->setSectionResizeMode(TitleColumn, QHeaderView::ResizeToContents);
    m_explanation = new QTextBrowser(this);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_explanation);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_refresh = new QPushButton(icon(Icon::Refresh), tr("Check Again"), this);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_message, 1);
    bottom->addWidget(m_refresh);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addLayout(bottom);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &SystemCheckPage::showExplanation);
    connect(m_refresh, &QPushButton::clicked, this, &SystemCheckPage::refresh);
    refresh();
}

bool SystemCheckPage::hasEssentialMissing() const
{
    return gui::hasEssentialMissing(m_items);
}

QIcon SystemCheckPage::statusIcon(const QString& status)
{
    if (status == QLatin1String("ok"))
        return icon(Icon::StatusOk);
    if (status == QLatin1String("limited"))
        return icon(Icon::StatusWarning);
    return icon(Icon::StatusError);
}

void SystemCheckPage::refresh()
{
    m_refresh->setEnabled(false);
    m_message->setText(tr("Checking the system…"));
    m_source.systemCheck(this, [this](client::Result<QList<client::CheckItem>> items) {
        m_refresh->setEnabled(true);
        if (!items) {
            m_message->setText(errorText(items.error(), tr("check the system")));
            return;
        }
        showItems(*items);
        Q_EMIT checked();
    });
}

void SystemCheckPage::showItems(const QList<client::CheckItem>& items)
{
    // The helper's titles and explanations are English; shown translated.
    m_items = HelperTexts::localized(items);
    m_tree->clear();
    m_explanation->clear();
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        const client::CheckItem& check = m_items.at(i);
        auto* item = new QTreeWidgetItem(groupItem(check.group), {check.title, check.detail});
        item->setIcon(TitleColumn, statusIcon(check.status));
        item->setToolTip(TitleColumn, statusText(check.status));
        // A long finding (paths, ID ranges) is elided in its column: whole in the tooltip.
        item->setToolTip(DetailColumn, check.detail);
        item->setData(TitleColumn, kItemRole, int(i));
    }
    m_tree->expandAll();
    m_message->setText(gui::hasEssentialMissing(m_items)
                           ? tr("Something Berth needs to run containers is missing on this system.")
                           : tr("This system can run containers."));
}

QTreeWidgetItem* SystemCheckPage::groupItem(const QString& group)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        if (m_tree->topLevelItem(i)->text(TitleColumn) == group)
            return m_tree->topLevelItem(i);
    }
    auto* item = new QTreeWidgetItem(m_tree, {group});
    item->setData(TitleColumn, kItemRole, -1);
    item->setFirstColumnSpanned(true);
    QFont bold = item->font(TitleColumn);
    bold.setBold(true);
    item->setFont(TitleColumn, bold);
    return item;
}

void SystemCheckPage::showExplanation()
{
    const QTreeWidgetItem* current = m_tree->currentItem();
    const int index = current ? current->data(TitleColumn, kItemRole).toInt() : -1;
    if (index < 0 || index >= m_items.size()) {
        m_explanation->clear();
        return;
    }
    const client::CheckItem& check = m_items.at(index);
    m_explanation->setPlainText(
        tr("%1: %2\n\n%3\n\nFound: %4").arg(check.title, statusText(check.status), check.explanation, check.detail));
}

} // namespace berth::gui
