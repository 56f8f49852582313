#include "berth/limits.h"

namespace berth {

bool Limits::empty() const
{
    return !memoryMax && !memorySoft && !swapMax && !cpuWeight && !cpuShares && !cpuQuota && !cpus && !mems &&
           !pidsMax && !ioWeight && !blkioWeight && ioDevices.empty();
}

} // namespace berth
