// Containers made from other containers (the clone template's builder is
// in template_build.h) and checks about snapshots.
#pragma once

#include "berth/engine.h"

#include <string>

namespace berth {

// The clone's "source" option names an existing, stopped container other
// than the clone itself.
[[nodiscard]] Status checkCloneSource(const EngineSettings& settings, const CreateRequest& request);

// EBUSY when another container is an overlay snapshot of this one.
[[nodiscard]] Status checkNoSnapshotsOf(const EngineSettings& settings, const std::string& name);

} // namespace berth
