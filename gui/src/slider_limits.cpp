#include "slider_limits.h"

#include <cmath>

namespace berth::gui {

void putSliderLimit(model::Limits& limits, model::LimitKey key, const LimitSlider& slider)
{
    if (model::limitRow(key).unit == model::LimitUnit::IdList || key == model::LimitKey::CpuPeriod)
        return; // no slider stands for these
    const bool unlimited = slider.isUnlimited();
    model::LimitValue value;
    value.number = unlimited ? model::kUnlimited : std::uint64_t(std::llround(slider.value()));
    value.cores = unlimited ? 0 : slider.value(); // a CPU quota of 0 cores is none
    model::setLimitValue(limits, key, value);
}

} // namespace berth::gui
