#include "autostart_box.h"

#include "error_text.h"

#include <QCheckBox>
#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace berth::gui {

AutostartBox::AutostartBox(ContainerSource& source, QWidget* parent) : QWidget(parent), m_source(source)
{
    m_check = new QCheckBox(tr("Start when the host boots"), this);
    m_details = new QLabel(this);
    m_details->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_check);
    layout->addWidget(m_details);
    connect(m_check, &QCheckBox::toggled, this, &AutostartBox::toggled);
    showContainer(nullptr);
}

void AutostartBox::showContainer(const client::ContainerInfo* info)
{
    if (m_busy) // the answer to our own change is on its way
        return;
    const QSignalBlocker blocker(m_check);
    m_name = info ? info->name : QString();
    m_check->setEnabled(info != nullptr);
    m_check->setChecked(info && info->autostart);
    m_details->clear();
    if (info)
        showDetails(*info);
}

void AutostartBox::showDetails(const client::ContainerInfo& info)
{
    if (!info.autostart)
        return;
    QString text =
        info.startDelay > 0
            ? tr("Starts in boot order %1, then the next one waits %n second(s).", nullptr, int(info.startDelay))
                  .arg(info.startOrder)
            : tr("Starts in boot order %1 (lower numbers start first).").arg(info.startOrder);
    if (!info.waitLinks.isEmpty())
        text +=
            QLatin1Char('\n') +
            tr("Waits at boot until these host interfaces are up: %1.").arg(info.waitLinks.join(QStringLiteral(", ")));
    m_details->setText(text);
}

void AutostartBox::toggled(bool on)
{
    const QString name = m_name;
    if (name.isEmpty())
        return;
    m_busy = true;
    m_check->setEnabled(false);
    m_source.setAutostart(name, on, this,
                          [this, name, on](const client::Status& status) { finished(name, on, status); });
}

void AutostartBox::finished(const QString& name, bool on, const client::Status& status)
{
    m_busy = false; // m_name stayed `name`: showContainer waits while busy
    m_check->setEnabled(true);
    if (!status) {
        const QSignalBlocker blocker(m_check);
        m_check->setChecked(!on);
        m_details->setText(errorText(status.error(), on ? tr("start '%1' when the host boots").arg(name)
                                                        : tr("stop starting '%1' when the host boots").arg(name)));
        return;
    }
    Q_EMIT changed(name);
}

} // namespace berth::gui
