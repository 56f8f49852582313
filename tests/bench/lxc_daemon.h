// LXC containers started with `lxc-start -d` under one lxcpath, each
// sleeping, on a shared rootfs with no network (lxc.net.0.type = empty)
// and their cgroups under the bench's parent. Their init is a busybox
// shell that exits on SIGPWR, LXC's halt signal, so that a plain lxc-stop
// ends them at once: `sleep` as PID 1 would ignore the signal and lxc-stop
// would wait for its timeout. Berth's counterpart is an application
// container whose berth-init runs `sleep`.
#pragma once

#include "command.h"

#include "berth/error.h"

#include <filesystem>
#include <string>
#include <vector>

namespace berth::bench {

class LxcDaemons {
public:
    LxcDaemons() = default;
    LxcDaemons(const LxcDaemons&) = delete;
    LxcDaemons& operator=(const LxcDaemons&) = delete;
    // lxc-stop -k of every container added.
    ~LxcDaemons();

    // The lxcpath is workDir/dirName; the init script goes into `rootfs`.
    [[nodiscard]] Status setUp(const std::filesystem::path& workDir, const std::string& dirName,
                               const std::filesystem::path& rootfs, const std::string& cgroupParent);
    // Writes NAME's config (not started).
    [[nodiscard]] Status add(const std::string& name);
    // lxc-start -d, untimed.
    [[nodiscard]] Status start(const std::string& name) const;

    [[nodiscard]] Argv startArgv(const std::string& name) const;
    [[nodiscard]] Argv stopArgv(const std::string& name, bool kill) const;
    [[nodiscard]] Argv attachArgv(const std::string& name, const Argv& command) const;
    [[nodiscard]] Argv lsArgv() const;
    // Waits until NAME's init catches SIGPWR: lxc-start -d returns before the
    // shell has run its `trap`, and a plain lxc-stop in that window waits
    // for its timeout (60 s). The plain stop's untimed prepare.
    [[nodiscard]] Argv waitForHaltHandlerArgv(const std::string& name) const;

private:
    std::filesystem::path m_lxcPath;
    std::filesystem::path m_rootfs;
    std::filesystem::path m_log;
    std::string m_cgroupParent;
    std::vector<std::string> m_names;
};

} // namespace berth::bench
