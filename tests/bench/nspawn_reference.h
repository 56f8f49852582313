// systemd-nspawn as a reference runtime: `systemd-nspawn --register=no
// --keep-unit -q -D ROOTFS /bin/true` (no machined registration, no scope
// of its own: PID 1 here is not systemd; the network is the bench's own
// namespace, nothing is created in it). nspawn keeps lock and propagation
// directories under /run/systemd/nspawn and refuses to remove them from a
// disk file system: a tmpfs is mounted there in the bench's private mount
// namespace (the directories made for the mount point are removed at the
// end). When nspawn cannot run here, the row says why.
#pragma once

#include "command.h"

#include "berth/error.h"

#include <filesystem>
#include <string>

namespace berth::bench {

class NspawnReference {
public:
    NspawnReference() = default;
    NspawnReference(const NspawnReference&) = delete;
    NspawnReference& operator=(const NspawnReference&) = delete;
    ~NspawnReference();

    // Mounts the tmpfs and runs /bin/true once; an error only when the
    // bench cannot prepare it. Whether nspawn ran: available().
    [[nodiscard]] Status setUp(const std::filesystem::path& workDir, const std::filesystem::path& rootfs);

    [[nodiscard]] bool available() const { return m_whyNot.empty(); }
    // "n/a: <what nspawn said>"
    [[nodiscard]] std::string notAvailable() const { return "n/a: " + m_whyNot; }
    [[nodiscard]] Argv runArgv() const;

private:
    std::filesystem::path m_rootfs;
    std::filesystem::path m_madeDir; // the topmost directory made for the mount point
    bool m_mounted = false;
    std::string m_whyNot;
};

} // namespace berth::bench
