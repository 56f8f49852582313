// How long a stop gives the container's halt signal before SIGKILL.
#pragma once

namespace berth::model {

inline constexpr unsigned kDefaultStopTimeoutSeconds = 10;
// Stop's timeout may be no longer (the helper refuses more, berthctl too).
inline constexpr unsigned kMaxStopTimeoutSeconds = 3600;

} // namespace berth::model
