#include "lxc_reference.h"

#include "berth/model/id_map.h"

#include <cerrno>
#include <fstream>

#include <sys/mount.h>
#include <sys/stat.h>

namespace berth::bench {

namespace fs = std::filesystem;

namespace {

constexpr const char* kUidMapCopy = "berth-bench-lxc-uid-map";

// The container's root reaches its rootfs by path after entering its user
// namespace: the rootfs is bound at a path under the bench's directory,
// which is opened to search (0711) for it.
Result<fs::path> reachableRootfs(const fs::path& workDir, const fs::path& rootfs, const std::string& name)
{
    const fs::path bound = workDir / (name + "-rootfs");
    std::error_code ec;
    fs::create_directories(bound, ec);
    if (ec)
        return failWith(ec.value(), "create " + bound.string() + ": " + ec.message());
    if (::chmod(workDir.c_str(), 0711) != 0)
        return failErrno(errno, "chmod " + workDir.string());
    if (::mount(rootfs.c_str(), bound.c_str(), nullptr, MS_BIND, nullptr) != 0)
        return failErrno(errno, "bind " + rootfs.string() + " at " + bound.string());
    return bound;
}

} // namespace

Status LxcReference::setUp(const fs::path& workDir, const fs::path& rootfs, const std::string& cgroupParent,
                           std::optional<std::uint32_t> idBase)
{
    m_lxcPath = workDir / m_name;
    m_configFile = workDir / (m_name + ".conf");
    m_rootfs = rootfs;
    std::error_code ec;
    fs::create_directories(m_lxcPath, ec);
    if (ec)
        return failWith(ec.value(), "create the LXC path: " + ec.message(), m_lxcPath.string());
    if (idBase) {
        auto bound = reachableRootfs(workDir, rootfs, m_name);
        if (!bound)
            return fail(bound.error());
        m_rootfs = *bound;
    }
    std::ofstream out(m_configFile, std::ios::trunc);
    out << "lxc.uts.name = " << m_name << '\n'
        << "lxc.rootfs.path = dir:" << m_rootfs.string() << '\n'
        << "lxc.net.0.type = empty\n"
        << "lxc.mount.auto = proc:mixed sys:ro\n"
        << "lxc.autodev = 1\n"
        << "lxc.apparmor.profile = unconfined\n"
        // Without these LXC leaves an "lxc.pivot" cgroup behind at the root.
        << "lxc.cgroup.dir.monitor = " << cgroupParent << "/" << m_name << "-monitor\n"
        << "lxc.cgroup.dir.container = " << cgroupParent << "/" << m_name << "-payload\n"
        << "lxc.cgroup.dir.monitor.pivot = " << cgroupParent << "/" << m_name << "-pivot\n";
    if (idBase) {
        // As root LXC writes the maps itself (no newuidmap, no /etc/subuid entry for root).
        for (const model::IdMapEntry& entry : model::blockIdMap(*idBase).entries)
            out << "lxc.idmap = " << model::formatIdMapEntry(entry) << '\n';
        out << "lxc.rootfs.options = idmap=container\n";
    }
    if (!out.flush())
        return failWith(EIO, "cannot write the LXC config", m_configFile.string());
    return {};
}

Argv LxcReference::runArgv() const
{
    return {"lxc-execute", "-P", m_lxcPath.string(), "-n", m_name, "-f", m_configFile.string(), "--", "/bin/true"};
}

Result<std::uint32_t> LxcReference::hostRoot() const
{
    Argv argv = runArgv();
    argv.back() = "/bin/sh";
    argv.insert(argv.end(), {"-c", std::string("cat /proc/self/uid_map > /") + kUidMapCopy});
    if (Status ok = runChecked(argv); !ok)
        return fail(ok.error());
    const fs::path copy = m_rootfs / kUidMapCopy;
    std::ifstream in(copy);
    std::uint32_t inside = 1, host = 0;
    in >> inside >> host;
    std::error_code ec;
    fs::remove(copy, ec);
    if (!in || inside != 0)
        return failWith(EIO, "LXC's container wrote no uid_map", copy.string());
    return host;
}

} // namespace berth::bench
