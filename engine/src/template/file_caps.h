// File capabilities of a tree built by the contained second stage
// (contained_stage.h), written back in the host's own format.
#pragma once

#include "berth/error.h"

#include <filesystem>

namespace berth::templates {

// Inside a user namespace, setcap stores security.capability as revision 3
// with the namespace root's ID; through the idmapped mount that ID is 0.
// The kernel reads such a value back as revision 2 for the host's root, so
// each capability set is read and written again as revision 2: the tree then
// holds what a build as host root leaves. A revision 3 value of any other
// root (it could only grant capabilities inside some other namespace) is
// removed. Walks through descriptors, never follows a symlink, stays on the
// tree's file system. Returns how many files kept a capability set.
[[nodiscard]] Result<int> normalizeFileCapabilities(const std::filesystem::path& root);

} // namespace berth::templates
