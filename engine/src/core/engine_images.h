// The templates that do not build a rootfs from scratch: tarball and clone.
#pragma once

#include "berth/engine.h"

#include <filesystem>

namespace berth {

// Fills `staging` (rootfs/ and config) from request.archiveFd.
[[nodiscard]] Status populateFromArchive(const CreateRequest& request, const std::filesystem::path& staging,
                                         const std::string& configText);
// The source exists and is stopped.
[[nodiscard]] Status checkCloneSource(const EngineSettings& settings, const CreateRequest& request);
// Fills `staging` with a full copy of the source's rootfs and its config.
[[nodiscard]] Status populateFromClone(const EngineSettings& settings, const CreateRequest& request,
                                       const std::filesystem::path& staging);

// EBUSY when another container is an overlay snapshot of this one.
[[nodiscard]] Status checkNoSnapshotsOf(const EngineSettings& settings, const std::string& name);

} // namespace berth
