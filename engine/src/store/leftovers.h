// What a killed helper leaves on disk: a creation's staging directory and
// lock, and the run directory its lock made. Swept when the helper starts.
#pragma once

#include "berth/paths.h"

#include <string>
#include <vector>

namespace berth {

// Removes, under Berth's own directories and without following symlinks:
// containers/.staging-<name>-* and containers/.create-<name>.lock whose
// create lock nobody holds, and run/berth/<name>/ of a name without a
// container when it holds nothing but a lock nobody holds. Entries still
// in use (a lock held) are left. Returns the paths it removed; errors on
// single entries are skipped (the next start tries again).
[[nodiscard]] std::vector<std::string> sweepLeftovers(const Paths& paths);

} // namespace berth
