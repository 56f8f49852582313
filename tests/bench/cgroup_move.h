// Moves the bench process into a cgroup under its parent in the two
// hierarchies systemd tools use (name=systemd and the cgroup2 one, at
// /sys/fs/cgroup/systemd and /sys/fs/cgroup/unified on a hybrid host, or
// the cgroup2 root alone) and back to where it was at the end. What the
// bench starts meanwhile starts there: systemd-nspawn --keep-unit makes
// its "payload" and "supervisor" cgroups inside its own, which then are
// under the bench's parent and removed with it.
#pragma once

#include "berth/error.h"

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace berth::bench {

class CgroupMove {
public:
    CgroupMove() = default;
    CgroupMove(const CgroupMove&) = delete;
    CgroupMove& operator=(const CgroupMove&) = delete;
    ~CgroupMove();

    // Into <hierarchy>/<cgroupParent>/<leaf>.
    [[nodiscard]] Status enter(const std::string& cgroupParent, const std::string& leaf);

private:
    // (hierarchy mount, the cgroup the process was in) for each moved.
    std::vector<std::pair<std::filesystem::path, std::string>> m_moved;
};

} // namespace berth::bench
