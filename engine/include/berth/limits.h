// Resource limits of a container: the shared model's (berth/model/limits.h),
// named in berth:: as the engine has always named them.
#pragma once

#include "berth/model/limits.h"

namespace berth {

using model::CpuQuota;
using model::IoDeviceLimit;
using model::kUnlimited;
using model::Limits;

} // namespace berth
