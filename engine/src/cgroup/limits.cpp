#include "berth/limits.h"

namespace berth {

bool Limits::empty() const
{
    return !memoryMax && !memorySoft && !swapMax && !cpuWeight && !cpuQuota && !cpus && !mems && !pidsMax
        && !ioWeight && ioDevices.empty();
}

} // namespace berth
