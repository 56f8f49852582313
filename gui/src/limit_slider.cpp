#include "limit_slider.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QSignalBlocker>
#include <QSlider>

#include <cmath>

namespace berth::gui {

LimitSlider::LimitSlider(const Scale& scale, QWidget* parent) : QWidget(parent), m_scale(scale)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setRange(1, scale.canBeUnlimited ? scale.sliderSteps + 1 : scale.sliderSteps);
    m_spin = new QDoubleSpinBox(this);
    m_spin->setDecimals(scale.decimals);
    m_spin->setRange(scale.canBeUnlimited ? 0 : scale.minimum, scale.spinMaximum);
    m_spin->setSingleStep(scale.sliderStep);
    m_spin->setSuffix(scale.suffix);
    if (scale.canBeUnlimited)
        m_spin->setSpecialValueText(tr("unlimited"));
    m_spin->setKeyboardTracking(false); // one change per entry, not per digit
    // One width for every limit, so that the sliders line up.
    m_spin->setMinimumWidth(m_spin->fontMetrics().horizontalAdvance(QStringLiteral("0000000 MiB")) + 30);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_spin);
    connect(m_slider, &QSlider::valueChanged, this, &LimitSlider::sliderMoved);
    connect(m_slider, &QSlider::sliderReleased, this, &LimitSlider::released);
    connect(m_spin, &QDoubleSpinBox::valueChanged, this, &LimitSlider::spinChanged);
    showShown(scale.unsetShown);
}

void LimitSlider::setText(const QString& text)
{
    bool ok = false;
    const double raw = text.toDouble(&ok);
    const bool limited = ok && std::isfinite(raw) && raw > 0;
    m_updating = true;
    showShown(limited ? raw / m_scale.unit : m_scale.unsetShown);
    m_updating = false;
}

bool LimitSlider::isUnlimited() const
{
    return m_scale.canBeUnlimited && m_spin->value() <= 0;
}

double LimitSlider::value() const
{
    return m_spin->value() * m_scale.unit;
}

QString LimitSlider::text() const
{
    if (isUnlimited())
        return QStringLiteral("max");
    if (m_scale.decimals == 0)
        return QString::number(std::llround(value()));
    return QString::number(value(), 'g', 12);
}

void LimitSlider::showShown(double shown)
{
    const QSignalBlocker spinBlock(m_spin);
    const QSignalBlocker sliderBlock(m_slider);
    m_spin->setValue(shown);
    const int steps = m_scale.sliderSteps;
    const int position = shown <= 0 && m_scale.canBeUnlimited
                             ? steps + 1
                             : std::clamp(static_cast<int>(std::lround(shown / m_scale.sliderStep)), 1, steps);
    m_slider->setValue(position);
}

void LimitSlider::sliderMoved(int position)
{
    const double shown = position > m_scale.sliderSteps ? 0 : position * m_scale.sliderStep;
    {
        const QSignalBlocker block(m_spin);
        m_spin->setValue(shown);
    }
    if (!m_updating)
        Q_EMIT edited(text());
}

void LimitSlider::spinChanged(double shown)
{
    showShown(shown);
    if (!m_updating)
        Q_EMIT edited(text());
}

} // namespace berth::gui
