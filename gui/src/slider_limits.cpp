#include "slider_limits.h"

#include <cmath>

namespace berth::gui {

void putSliderLimit(model::Limits& limits, model::LimitKey key, const LimitSlider& slider)
{
    using model::LimitKey;
    const bool unlimited = slider.isUnlimited();
    const std::uint64_t whole = unlimited ? model::kUnlimited : std::uint64_t(std::llround(slider.value()));
    const auto weight = static_cast<std::uint32_t>(whole);
    switch (key) {
    case LimitKey::MemoryMax:
        limits.memoryMax = whole;
        break;
    case LimitKey::MemoryHigh:
        limits.memorySoft = whole;
        break;
    case LimitKey::SwapMax:
        limits.swapMax = whole;
        break;
    case LimitKey::CpuWeight:
        limits.cpuWeight = weight;
        break;
    case LimitKey::CpuShares:
        limits.cpuShares = whole;
        break;
    case LimitKey::CpuMax:
        limits.cpuQuota = model::CpuQuota{.cores = unlimited ? 0 : slider.value()};
        break;
    case LimitKey::PidsMax:
        limits.pidsMax = whole;
        break;
    case LimitKey::IoWeight:
        limits.ioWeight = weight;
        break;
    case LimitKey::BlkioWeight:
        limits.blkioWeight = weight;
        break;
    case LimitKey::CpuPeriod:
    case LimitKey::Cpus:
    case LimitKey::Mems:
        break;
    }
}

} // namespace berth::gui
