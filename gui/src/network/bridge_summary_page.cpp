#include "bridge_summary_page.h"

#include <QLabel>
#include <QVBoxLayout>

namespace berth::gui {

BridgeSummaryPage::BridgeSummaryPage(QWidget* parent) : QWizardPage(parent)
{
    setTitle(tr("Summary"));
    auto* layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("bridgeSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    layout->addWidget(m_summary);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("bridgeMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    layout->addStretch();
}

void BridgeSummaryPage::setSummary(const QString& text)
{
    m_summary->setText(text);
}

void BridgeSummaryPage::setMessage(const QString& text)
{
    m_message->setText(text);
}

} // namespace berth::gui
