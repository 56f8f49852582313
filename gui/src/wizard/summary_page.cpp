#include "summary_page.h"

#include "figures.h"

#include <QLabel>
#include <QVBoxLayout>

namespace berth::gui {
namespace {

QString row(const QString& label, const QString& value)
{
    return QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(label.toHtmlEscaped(), value.toHtmlEscaped());
}

} // namespace

SummaryPage::SummaryPage(Planner planner, QWidget* parent) : QWizardPage(parent), m_planner(std::move(planner))
{
    setTitle(tr("Summary"));
    setSubTitle(tr("The container below will be created."));
    auto* layout = new QVBoxLayout(this);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("summary"));
    m_text->setTextFormat(Qt::RichText);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_text);
    layout->addStretch(1);
    setButtonText(QWizard::NextButton, tr("&Create"));
}

void SummaryPage::initializePage()
{
    m_text->setText(describe(m_planner()));
}

QString SummaryPage::describe(const CreatePlan& plan)
{
    const auto& r = plan.request;
    QString html = row(tr("Template:"), plan.templateInfo.label);
    for (const auto& [label, value] : plan.optionSummary)
        html += row(tr("%1:").arg(label), value);
    html += row(tr("Name:"), r.name);
    const bool application = r.kind == model::ContainerKind::Application;
    html += row(tr("Kind:"), application ? tr("Application") : tr("System"));
    if (r.setup.entrypoint)
        html += row(tr("Entrypoint:"), r.setup.entrypoint->join(QLatin1Char(' ')));
    if (application)
        html += row(tr("Command:"), r.command.isEmpty() ? tr("the image's own") : r.command.join(QLatin1Char(' ')));
    if (!r.setup.environment.isEmpty())
        html += row(tr("Environment:"), r.setup.environment.join(QStringLiteral(", ")));
    if (!r.setup.workingDir.isEmpty())
        html += row(tr("Working directory:"), r.setup.workingDir);
    if (!r.setup.user.isEmpty())
        html += row(tr("User:"), r.setup.user);
    html += row(tr("Root inside:"), r.privileged ? tr("root on this computer (privileged; needs an administrator)")
                                                 : tr("an unprivileged user on this computer"));
    html += row(tr("Network:"), r.network.isEmpty() ? tr("none (loopback only)") : r.network);
    if (!r.network.isEmpty())
        html += row(tr("Address:"), r.setup.address.isEmpty() ? tr("automatic (DHCP/IPAM)") : r.setup.address);
    if (!r.setup.forwards.isEmpty())
        html += row(tr("Port forwards:"), r.setup.forwards.join(QStringLiteral(", ")));
    html += row(tr("Limits:"), describeLimits(r.setup.limits));
    return QStringLiteral("<table cellspacing=\"4\">%1</table>").arg(html);
}

QString SummaryPage::describeLimits(const model::Limits& limits)
{
    if (limits.empty())
        return tr("none");
    const auto shown = [&limits](model::LimitKey key) {
        return QString::fromStdString(model::printLimitValue(limits, key).value_or(std::string()));
    };
    QStringList parts;
    if (limits.memoryMax)
        parts << tr("memory %1").arg(formatBytes(*limits.memoryMax));
    if (limits.cpuQuota)
        parts << tr("%1 CPU cores").arg(shown(model::LimitKey::CpuMax));
    if (limits.pidsMax)
        parts << tr("%1 processes").arg(shown(model::LimitKey::PidsMax));
    return parts.join(QStringLiteral(", "));
}

} // namespace berth::gui
