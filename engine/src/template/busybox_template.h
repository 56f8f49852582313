// The busybox template: an instant rootfs from the host's busybox-static.
#pragma once

#include "berth/error.h"

#include <filesystem>
#include <string>

namespace berth::templates {

struct BusyboxOptions {
    std::string hostname;
    // Must be statically linked (Debian: busybox-static).
    std::filesystem::path busybox = "/bin/busybox";
    // Gettys on tty1..ttys in the inittab; 0 = only the console shell.
    unsigned ttys = 0;
};

// Fills `rootfs` (created 0755 when missing) with busybox, a symlink to
// /bin/busybox for every applet, the standard directories and the files
// busybox init and a login need. Every write goes through fds inside the
// rootfs, so symlinks already in it cannot redirect a write to the host.
[[nodiscard]] Status buildBusyboxRootfs(const std::filesystem::path& rootfs, const BusyboxOptions& options);

} // namespace berth::templates
