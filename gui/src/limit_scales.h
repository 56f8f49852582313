// The scales of the limit sliders, shared by the Resources tab and the New
// container wizard so that both show a limit alike.
#pragma once

#include "limit_slider.h"

#include <QCoreApplication>

namespace berth::gui {

class LimitScales {
    Q_DECLARE_TR_FUNCTIONS(berth::gui::LimitScales)
public:
    // MiB, 64 MiB steps up to 16 GiB on the slider; the spin box goes further.
    [[nodiscard]] static LimitSlider::Scale memory();
    // Cores in quarters, up to four times the host's CPUs on the slider.
    [[nodiscard]] static LimitSlider::Scale cpu();
    // Process counts up to the kernel's highest pid count.
    [[nodiscard]] static LimitSlider::Scale pids();
    // cpu.weight and io.weight: shares against other containers, 1..10000,
    // the kernel's default 100 when unset; never "unlimited".
    [[nodiscard]] static LimitSlider::Scale weight();
};

} // namespace berth::gui
