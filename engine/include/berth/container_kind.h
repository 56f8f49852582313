#pragma once

#include "berth/model/states.h"

namespace berth {

// System containers boot the rootfs's own init; application containers run
// one command under berth-init as PID 1 (the kinds are model's, with their
// wire names).
using ContainerKind = model::ContainerKind;

} // namespace berth
