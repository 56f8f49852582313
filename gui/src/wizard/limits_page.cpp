#include "limits_page.h"

#include "limit_scales.h"
#include "limit_key.h"

#include <QFormLayout>

namespace berth::gui {

LimitsPage::LimitsPage(QWidget* parent) : QWizardPage(parent)
{
    setTitle(tr("Limits"));
    setSubTitle(tr("What the container may use. The end of each slider is unlimited; "
                   "limits can be changed later on the Resources tab."));
    m_form = new QFormLayout(this);
    addSlider(limitKey(model::LimitKey::MemoryMax), tr("Memory limit:"), LimitScales::memory());
    addSlider(limitKey(model::LimitKey::CpuMax), tr("CPU quota:"), LimitScales::cpu());
    addSlider(limitKey(model::LimitKey::PidsMax), tr("Processes:"), LimitScales::pids());
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
