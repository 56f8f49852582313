// Initial limits: memory, CPU cores and processes with the same sliders as
// the Resources tab, unlimited unless moved. Applied with SetLimits once
// the container exists.
#pragma once

#include "limit_slider.h"

#include <QMap>
#include <QWizardPage>

class QFormLayout;

namespace berth::gui {

class LimitsPage : public QWizardPage {
    Q_OBJECT
public:
    explicit LimitsPage(QWidget* parent = nullptr);

    // SetLimits keys and values; the unlimited ones left out.
    [[nodiscard]] QMap<QString, QString> limits() const;
    // "memory.max", "cpu.max", "pids.max".
    [[nodiscard]] LimitSlider* slider(const QString& key) const { return m_sliders.value(key); }

private:
    void addSlider(const QString& key, const QString& label, const LimitSlider::Scale& scale);

    QFormLayout* m_form = nullptr;
    QMap<QString, LimitSlider*> m_sliders;
};

} // namespace berth::gui
