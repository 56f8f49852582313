#pragma once

namespace berth {

// System containers boot the rootfs's own init; application containers run
// one command under berth-init as PID 1.
enum class ContainerKind { System, Application };

} // namespace berth
