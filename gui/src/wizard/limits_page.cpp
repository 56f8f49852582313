#include "limits_page.h"

#include <QFormLayout>
#include <QThread>

#include <algorithm>

namespace berth::gui {
namespace {

// The Resources tab's scales, so that both show a limit alike.
LimitSlider::Scale memoryScale()
{
    return {QStringLiteral(" MiB"), 1024.0 * 1024.0, 64, 256, 1024.0 * 1024.0, 0};
}

LimitSlider::Scale cpuScale()
{
    const int cores = std::max(1, QThread::idealThreadCount());
    return {QStringLiteral(" ") + LimitsPage::tr("cores"), 1, 0.25, cores * 4, 1024, 2};
}

LimitSlider::Scale pidsScale()
{
    return {QString(), 1, 16, 256, 4194304, 0};
}

} // namespace

LimitsPage::LimitsPage(QWidget* parent) : QWizardPage(parent)
{
    setTitle(tr("Limits"));
    setSubTitle(tr("What the container may use. The end of each slider is unlimited; "
                   "limits can be changed later on the Resources tab."));
    m_form = new QFormLayout(this);
    addSlider(QStringLiteral("memory.max"), tr("Memory limit:"), memoryScale());
    addSlider(QStringLiteral("cpu.max"), tr("CPU quota:"), cpuScale());
    addSlider(QStringLiteral("pids.max"), tr("Processes:"), pidsScale());
}

void LimitsPage::addSlider(const QString& key, const QString& label, const LimitSlider::Scale& scale)
{
    auto* slider = new LimitSlider(scale, this);
    slider->setObjectName(key);
    slider->setText(QStringLiteral("max"));
    m_form->addRow(label, slider);
    m_sliders.insert(key, slider);
}

QMap<QString, QString> LimitsPage::limits() const
{
    QMap<QString, QString> limits;
    for (auto it = m_sliders.begin(); it != m_sliders.end(); ++it) {
        if (!it.value()->isUnlimited())
            limits.insert(it.key(), it.value()->text());
    }
    return limits;
}

} // namespace berth::gui
