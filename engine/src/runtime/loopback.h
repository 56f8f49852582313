#pragma once

#include "berth/error.h"

namespace berth::runtime {

// Brings up "lo" in the calling process's network namespace, as every
// container gets it (LXC's "empty" network still has a working loopback).
// System calls only (no allocation when it succeeds): fine in a forked child.
[[nodiscard]] Status bringUpLoopback();

} // namespace berth::runtime
