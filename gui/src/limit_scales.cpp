#include "limit_scales.h"

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
    return {QString(), 1, 16, 256, 4194304, 0};
}

LimitSlider::Scale LimitScales::weight()
{
    return {QString(), 1, 100, 100, 10000, 0, false, 1, 100};
}

} // namespace berth::gui
