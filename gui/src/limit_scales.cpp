#include "limit_scales.h"

#include "berth/model/limits.h"

#include <QThread>

#include <algorithm>

namespace berth::gui {

LimitSlider::Scale LimitScales::memory()
{
    return {QStringLiteral(" MiB"), 1024.0 * 1024.0, 64, 256, 1024.0 * 1024.0, 0};
}

LimitSlider::Scale LimitScales::cpu()
{
    const int cores = std::max(1, QThread::idealThreadCount());
    return {QStringLiteral(" ") + tr("cores"), 1, 0.25, cores * 4, 1024, 2};
}

LimitSlider::Scale LimitScales::pids()
{
    return {QString(), 1, 16, 256, double(model::limitRow(model::LimitKey::PidsMax).max), 0};
}

LimitSlider::Scale LimitScales::weight()
{
    // cpu.weight and io.weight share one range.
    static_assert(model::kLimitTable[std::size_t(model::LimitKey::CpuWeight)].max ==
                  model::kLimitTable[std::size_t(model::LimitKey::IoWeight)].max);
    const model::LimitRow& row = model::limitRow(model::LimitKey::CpuWeight);
    return {QString(), 1, 100, 100, double(row.max), 0, false, double(row.min), 100};
}

} // namespace berth::gui
