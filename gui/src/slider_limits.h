// A slider's position as the typed limit it stands for: what the wizard and
// the Resources tab send. Not range-checked here: the helper is the judge.
#pragma once

#include "berth/model/limits.h"
#include "limit_slider.h"

namespace berth::gui {

// Sets `key`'s field of `limits` to `slider`'s value (its end: unlimited, for
// a CPU quota none). Keys without a slider (cpu.period, cpusets) are left.
void putSliderLimit(model::Limits& limits, model::LimitKey key, const LimitSlider& slider);

} // namespace berth::gui
