// Initial limits: memory, CPU cores and processes with the same sliders as
// the Resources tab, unlimited unless moved. Applied with SetLimits once
// the container exists.
#pragma once

#include "berth/model/limits.h"
#include "limit_slider.h"

#include <QMap>
#include <QWizardPage>

#include <utility>
#include <vector>

class QFormLayout;

namespace berth::gui {

class LimitsPage : public QWizardPage {
    Q_OBJECT
public:
    explicit LimitsPage(QWidget* parent = nullptr);

    // The moved sliders' limits; the unlimited ones left out.
    [[nodiscard]] model::Limits limits() const;
    // "memory.max", "cpu.max", "pids.max".
    [[nodiscard]] LimitSlider* slider(const QString& key) const { return m_sliders.value(key); }

private:
    void addSlider(model::LimitKey key, const QString& label, const LimitSlider::Scale& scale);

    QFormLayout* m_form = nullptr;
    QMap<QString, LimitSlider*> m_sliders;
    std::vector<std::pair<model::LimitKey, LimitSlider*>> m_keyed;
};

} // namespace berth::gui
