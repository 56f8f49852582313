#include "overview_tab.h"

#include "container_list_model.h"
#include "container_source.h"
#include "overview_text.h"
#include "privilege_presentation.h"
#include "state_presentation.h"

#include <QAction>
#include <QClipboard>
#include <QColor>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPalette>
#include <QToolButton>
#include <QVBoxLayout>

namespace berth::gui {

OverviewTab::OverviewTab(const QList<QAction*>& actions, QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    auto* buttons = new QHBoxLayout;
    for (QAction* action : actions) {
        auto* button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        buttons->addWidget(button);
    }
    buttons->addStretch();
    layout->addLayout(buttons);
    m_form = new QFormLayout;
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    layout->addLayout(m_form);
    layout->addStretch();

    addSection(tr("Is it running?"));
    m_state = addField(tr("State:"), "stateValue");
    QFont bold = m_state->font();
    bold.setBold(true);
    m_state->setFont(bold);
    m_status = addField(QString(), "statusValue");
    m_pid = addField(tr("Init process:"), "pidValue");

    addSection(tr("How do I get in?"));
    m_getIn = new QLabel(this);
    m_getIn->setObjectName(QStringLiteral("getInValue"));
    m_getIn->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_copy = new QToolButton(this);
    m_copy->setText(tr("Cop&y command"));
    connect(m_copy, &QToolButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(m_getIn->text()); });
    m_terminal = new QToolButton(this);
    m_terminal->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto* getIn = new QHBoxLayout;
    getIn->addWidget(m_terminal);
    getIn->addWidget(m_getIn);
    getIn->addWidget(m_copy);
    getIn->addStretch();
    m_form->addRow(tr("From a terminal:"), getIn);

    addSection(tr("What is it using?"));
    m_using = addField(tr("Now:"), "usingValue");
    m_using->setWordWrap(true);

    addSection(tr("How is it reached?"));
    m_addresses = addField(tr("Addresses:"), "addressesValue");
    m_forwards = addField(tr("Port forwards:"), "forwardsValue");

    addSection(tr("What is it allowed?"));
    m_limits = addField(tr("Limits:"), "limitsValue");
    m_userNamespace = addField(tr("Root inside:"), "userNamespaceValue");
    m_userNamespace->setWordWrap(true);
    m_warnings = addField(tr("Not applied:"), "warningsValue");
    m_warnings->setWordWrap(true);
    m_warnings->setForegroundRole(QPalette::BrightText);
    QPalette warningColors = m_warnings->palette();
    warningColors.setColor(QPalette::BrightText, toneColor(StateTone::Busy, warningColors));
    m_warnings->setPalette(warningColors);

    addSection(tr("What is it?"));
    m_kind = addField(tr("Kind:"), "kindValue");
    m_template = addField(tr("Template:"), "templateValue");
    clear();
}

void OverviewTab::setTerminalAction(QAction* terminal)
{
    m_terminal->setDefaultAction(terminal);
}

void OverviewTab::addRow(const QString& label, QWidget* field)
{
    m_form->addRow(label, field);
}

void OverviewTab::addSection(const QString& title)
{
    auto* heading = new QLabel(title, this);
    QFont font = heading->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.1);
    heading->setFont(font);
    heading->setContentsMargins(0, heading->fontMetrics().height() / 2, 0, 0);
    m_form->addRow(heading);
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
    for (QLabel* label : {m_status, m_pid, m_getIn, m_using, m_addresses, m_forwards, m_limits, m_userNamespace, m_kind,
                          m_template, m_warnings})
        label->clear();
    m_form->setRowVisible(m_warnings, false);
    m_form->setRowVisible(m_pid, false);
    m_copy->setEnabled(false);
    m_state->setText(tr("No container selected"));
    m_state->setPalette(palette());
    m_forwardsOf.clear();
}

void OverviewTab::showState(const ContainerRow& row, qint64 now)
{
    const client::ContainerInfo& info = row.info;
    const bool up = info.pid > 0;
    m_state->setText(stateText(row));
    QPalette colors = palette();
    colors.setColor(QPalette::WindowText, toneColor(stateTone(row.state(), lastRunFailed(info)), colors));
    m_state->setPalette(colors);
    m_status->setText(statusText(row, now));
    m_pid->setText(up ? QString::number(info.pid) : QString());
    m_form->setRowVisible(m_pid, up);
    const QString use = usingText(row);
    const bool active = row.state() && model::isActive(*row.state());
    m_using->setText(!use.isEmpty() ? use
                     : active       ? tr("Not measured yet: the first figures come within seconds")
                                    : tr("Nothing: it is not running"));
}

void OverviewTab::showContainer(const ContainerRow* row, qint64 now)
{
    if (!row) {
        clear();
        return;
    }
    const client::ContainerInfo& info = row->info;
    showState(*row, now);
    m_getIn->setText(execCommand(info));
    m_copy->setEnabled(true);
    m_addresses->setText(addressesText(info));
    m_limits->setText(allowedLines(info.limits).join(QLatin1Char('\n')));
    m_userNamespace->setText(userNamespaceText(info));
    m_kind->setText(kindText(info.kind));
    m_template->setText(info.templateName.isEmpty() ? tr("unknown") : info.templateName);
    // Shown only when there is something to say, and then never folded away.
    m_warnings->setText(info.warnings.join(QLatin1Char('\n')));
    m_form->setRowVisible(m_warnings, !info.warnings.isEmpty());
    if (m_forwardsOf != info.name)
        showForwards(info.name);
}

// Asked once per selection: forwards change through the Network tab.
void OverviewTab::showForwards(const QString& name)
{
    m_forwardsOf = name;
    m_forwards->setText(tr("None"));
    if (!m_source)
        return;
    m_source->forwards(name, this, [this, name](client::Result<QStringList> forwards) {
        if (name != m_forwardsOf || !forwards)
            return;
        QStringList lines;
        for (const QString& forward : std::as_const(*forwards))
            lines << forwardText(forward);
        m_forwards->setText(lines.isEmpty() ? tr("None") : lines.join(QLatin1Char('\n')));
    });
}

} // namespace berth::gui
