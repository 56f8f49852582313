// Whether a whole config text reaches the host, as SetConfig judges it and
// as the config a container archive brings to Create is judged: the same
// rules for both (host_exposure.h, user_namespace_change.h, share_rules.h).
#pragma once

#include "berth/error.h"
#include "berth/paths.h"
#include "host_reason.h"

#include <string>

namespace berth::helper {

// Parses and checks the text as the engine will read it, touching nothing
// on the caller's behalf (this runs before authorization): lxc.include is
// refused without a look at its path, so the text is all there is to judge.
// `currentText` is the config it replaces ("" for a new container).
// Returns why the config needs the host action (none: it does not).
[[nodiscard]] Result<HostReasons> judgeConfig(const std::string& text, const std::string& currentText,
                                              const Paths& paths);

} // namespace berth::helper
