// What a killed helper leaves on disk: a creation's staging directory and
// lock, the run directory its lock made, and a destroy's directory moved
// aside. Swept when the helper starts.
#pragma once

#include "berth/error.h"
#include "berth/paths.h"

#include <string>
#include <vector>

namespace berth {

// Removes, under Berth's own directories and without following symlinks:
// containers/.staging-<name>-* and containers/.create-<name>.lock whose
// create lock nobody holds, containers/.destroying-<name>-* (with the log
// and the run directory of <name> when no container of that name exists
// and nobody holds its lock), and run/berth/<name>/ of a name without a
// container when it holds nothing but a lock nobody holds. Entries still
// in use (a lock held) are left. Returns the paths it removed; errors on
// single entries are skipped (the next start tries again).
[[nodiscard]] std::vector<std::string> sweepLeftovers(const Paths& paths);

// Where a destroy moves containers/<name> before it removes it, so the
// name is free at once and a removal killed half-way is one entry the next
// helper finishes: ".destroying-<name>-<random>" (a dot: never listed).
[[nodiscard]] std::string destroyingEntry(std::string_view name);

// Removes <name>'s console log with its rotated and half-rotated copies;
// true when the log itself was there.
[[nodiscard]] Result<bool> removeLogFiles(const Paths& paths, std::string_view name);

} // namespace berth
