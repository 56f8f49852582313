#include "limits_page.h"

#include "limit_scales.h"
#include "limit_key.h"
#include "slider_limits.h"

#include <QFormLayout>

namespace berth::gui {

LimitsPage::LimitsPage(QWidget* parent) : QWizardPage(parent)
{
    setTitle(tr("Limits"));
    setSubTitle(tr("What the container may use. The end of each slider is unlimited; "
                   "limits can be changed later on the Resources tab."));
    m_form = new QFormLayout(this);
    addSlider(model::LimitKey::MemoryMax, tr("Memory limit:"), LimitScales::memory());
    addSlider(model::LimitKey::CpuMax, tr("CPU quota:"), LimitScales::cpu());
    addSlider(model::LimitKey::PidsMax, tr("Processes:"), LimitScales::pids());
}

void LimitsPage::addSlider(model::LimitKey key, const QString& label, const LimitSlider::Scale& scale)
{
    auto* slider = new LimitSlider(scale, this);
    slider->setObjectName(limitKey(key));
    slider->setText(QStringLiteral("max"));
    m_form->addRow(label, slider);
    m_sliders.insert(limitKey(key), slider);
    m_keyed.emplace_back(key, slider);
}

model::Limits LimitsPage::limits() const
{
    model::Limits limits;
    for (const auto& [key, slider] : m_keyed) {
        if (!slider->isUnlimited())
            putSliderLimit(limits, key, *slider);
    }
    return limits;
}

} // namespace berth::gui
