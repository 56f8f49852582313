#include "helper_missing_page.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace berth::gui {

HelperMissingPage::HelperMissingPage(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(tr("<h2>Berth's helper service cannot be reached</h2>"), this);
    auto* text =
        new QLabel(tr("Berth manages containers through <b>berth-helper</b>, a system service that the system bus "
                      "starts when it is needed. It is not installed, or the system bus is not running.<br><br>"
                      "To install it from a source checkout, run <tt>sudo ./scripts/run.sh</tt>; "
                      "otherwise install the <b>berth</b> package of your distribution. Then press Retry."),
                   this);
    text->setObjectName(QStringLiteral("helperMissingText"));
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail = new QLabel(this);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* retry = new QPushButton(tr("&Retry"), this);
    retry->setObjectName(QStringLiteral("retryButton"));
    connect(retry, &QPushButton::clicked, this, &HelperMissingPage::retryRequested);
    layout->addStretch();
    layout->addWidget(title);
    layout->addWidget(text);
    layout->addWidget(m_detail);
    layout->addWidget(retry, 0, Qt::AlignLeft);
    layout->addStretch();
}

void HelperMissingPage::setDetail(const QString& detail)
{
    m_detail->setText(tr("Details: %1").arg(detail.toHtmlEscaped()));
}

} // namespace berth::gui
