#include "overview_tab.h"

#include "container_list_model.h"
#include "privilege_presentation.h"
#include "state_presentation.h"
#include "figures.h"

#include <QColor>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPalette>
#include <QToolButton>
#include <QVBoxLayout>

namespace berth::gui {
namespace {

QString limitsText(const model::Limits& typed)
{
    QStringList lines;
    const QMap<QString, QString> limits = client::limitArgsMap(typed);
    for (auto it = limits.begin(); it != limits.end(); ++it)
        lines << QStringLiteral("%1 = %2").arg(it.key(), it.value());
    return lines.join(QLatin1Char('\n'));
}

} // namespace

OverviewTab::OverviewTab(const QList<QAction*>& actions, QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    m_form = new QFormLayout;
    layout->addLayout(m_form);
    m_state = addField(tr("State:"), "stateValue");
    m_uptime = addField(tr("Uptime:"), "uptimeValue");
    m_pid = addField(tr("Init PID:"), "pidValue");
    m_addresses = addField(tr("Addresses:"), "addressesValue");
    m_template = addField(tr("Template:"), "templateValue");
    m_kind = addField(tr("Kind:"), "kindValue");
    m_userNamespace = addField(tr("User IDs:"), "userNamespaceValue");
    m_limits = addField(tr("Limits:"), "limitsValue");
    m_lastExit = addField(tr("Last exit:"), "lastExitValue");
    m_warnings = addField(tr("Warnings:"), "warningsValue");
    m_warnings->setWordWrap(true);
    QPalette warningColors = m_warnings->palette();
    warningColors.setColor(QPalette::WindowText, QColor(0xb0, 0x40, 0x00));
    m_warnings->setPalette(warningColors);

    auto* buttons = new QHBoxLayout;
    for (QAction* action : actions) {
        auto* button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        buttons->addWidget(button);
    }
    buttons->addStretch();
    layout->addLayout(buttons);
    layout->addStretch();
    clear();
}

void OverviewTab::addRow(const QString& label, QWidget* field)
{
    m_form->addRow(label, field);
}

QLabel* OverviewTab::addField(const QString& label, const char* objectName)
{
    auto* value = new QLabel(this);
    value->setObjectName(QString::fromLatin1(objectName));
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_form->addRow(label, value);
    return value;
}

void OverviewTab::clear()
{
    for (QLabel* label :
         {m_uptime, m_pid, m_addresses, m_template, m_kind, m_userNamespace, m_limits, m_lastExit, m_warnings})
        label->clear();
    m_form->setRowVisible(m_warnings, false);
    m_state->setText(tr("No container selected"));
}

void OverviewTab::showContainer(const ContainerRow* row, qint64 now)
{
    if (!row) {
        clear();
        return;
    }
    const client::ContainerInfo& info = row->info;
    const bool up = info.pid > 0;
    m_state->setText(stateText(*row));
    m_uptime->setText(up && info.startedAt > 0 ? formatDuration(now - info.startedAt) : QString());
    m_pid->setText(up ? QString::number(info.pid) : QString());
    m_addresses->setText(info.addresses.isEmpty() ? tr("none (loopback only)")
                                                  : info.addresses.join(QLatin1Char('\n')));
    m_template->setText(info.templateName.isEmpty() ? tr("unknown") : info.templateName);
    m_kind->setText(client::wireText(info.kind));
    m_userNamespace->setText(userNamespaceText(info));
    m_limits->setText(info.limits.empty() ? tr("none") : limitsText(info.limits));
    QString exit = info.hasExited ? tr("exit code %1").arg(info.lastExitCode) : tr("has not exited yet");
    if (!info.lastError.isEmpty())
        exit += QLatin1Char('\n') + info.lastError;
    m_lastExit->setText(exit);
    // Shown only when there is something to say, and then never folded away.
    m_warnings->setText(info.warnings.join(QLatin1Char('\n')));
    m_form->setRowVisible(m_warnings, !info.warnings.isEmpty());
}

} // namespace berth::gui
