#include "lxc_reference.h"

#include <cerrno>
#include <fstream>

namespace berth::bench {

namespace fs = std::filesystem;

namespace {

constexpr const char* kName = "berth-bench-lxc";

} // namespace

Status LxcReference::setUp(const fs::path& workDir, const fs::path& rootfs, const std::string& cgroupParent)
{
    m_lxcPath = workDir / "lxc";
    m_configFile = workDir / "lxc.conf";
    std::error_code ec;
    fs::create_directories(m_lxcPath, ec);
    if (ec)
        return failWith(ec.value(), "create the LXC path: " + ec.message(), m_lxcPath.string());
    std::ofstream out(m_configFile, std::ios::trunc);
    out << "lxc.uts.name = " << kName << '\n'
        << "lxc.rootfs.path = dir:" << rootfs.string() << '\n'
        << "lxc.net.0.type = empty\n"
        << "lxc.mount.auto = proc:mixed sys:ro\n"
        << "lxc.autodev = 1\n"
        << "lxc.apparmor.profile = unconfined\n"
        // Without these LXC leaves an "lxc.pivot" cgroup behind at the root.
        << "lxc.cgroup.dir.monitor = " << cgroupParent << "/lxc-monitor\n"
        << "lxc.cgroup.dir.container = " << cgroupParent << "/lxc-payload\n"
        << "lxc.cgroup.dir.monitor.pivot = " << cgroupParent << "/lxc-pivot\n";
    if (!out.flush())
        return failWith(EIO, "cannot write the LXC config", m_configFile.string());
    return {};
}

Argv LxcReference::runArgv() const
{
    return {"lxc-execute", "-P", m_lxcPath.string(), "-n", kName, "-f", m_configFile.string(),
            "--", "/bin/true"};
}

} // namespace berth::bench
