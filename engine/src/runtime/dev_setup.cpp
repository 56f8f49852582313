#include "runtime/dev_setup.h"

#include "fs/safe_path.h"
#include "runtime/mount_util.h"

#include <string>

#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace berth::runtime {

namespace {

struct DeviceNode {
    const char* name;
    unsigned major;
    unsigned minor;
};

// The set Docker and LXC give every container.
constexpr DeviceNode kDevices[] = {
    {"null", 1, 3}, {"zero", 1, 5}, {"full", 1, 7}, {"random", 1, 8}, {"urandom", 1, 9}, {"tty", 5, 0},
};

constexpr std::pair<const char*, const char*> kSymlinks[] = {
    {"fd", "/proc/self/fd"},       {"stdin", "/proc/self/fd/0"}, {"stdout", "/proc/self/fd/1"},
    {"stderr", "/proc/self/fd/2"}, {"ptmx", "pts/ptmx"},
};

Result<UniqueFd> openDevDir(int rootFd)
{
    return fs::openInRoot(rootFd, "dev", O_PATH | O_DIRECTORY | O_CLOEXEC);
}

// mknod works for real root; where it does not (a user namespace, a
// restricted host), bind the host's node instead, as LXC does.
Status makeDeviceNode(int rootFd, int devFd, const DeviceNode& node, bool bindHostNode)
{
    const std::string path = std::string("dev/") + node.name;
    if (!bindHostNode) {
        if (::mknodat(devFd, node.name, S_IFCHR | 0666, makedev(node.major, node.minor)) == 0) {
            // mknod honours the umask; the nodes must be usable by everyone.
            if (::fchmodat(devFd, node.name, 0666, 0) != 0)
                return failErrno(errno, "chmod device /" + path);
            return {};
        }
        if (errno != EPERM)
            return failErrno(errno, "create device /" + path);
    }
    if (auto file = ensureFileInRoot(rootFd, path, 0666); !file)
        return file;
    return bindInRoot(rootFd, path, std::string("/dev/") + node.name, false, 0);
}

Status mountDevpts(int rootFd, unsigned ptyMax)
{
    if (auto dir = ensureDirInRoot(rootFd, "dev/pts", 0755); !dir)
        return dir;
    std::string options = "newinstance,ptmxmode=0666,mode=0620,gid=5";
    if (ptyMax > 0)
        options += ",max=" + std::to_string(ptyMax);
    return mountInRoot(rootFd, "dev/pts", "devpts", "devpts", MS_NOSUID | MS_NOEXEC, options.c_str());
}

Status bindPty(int rootFd, const std::string& name, const std::string& slavePath)
{
    if (auto file = ensureFileInRoot(rootFd, "dev/" + name, 0600); !file)
        return file;
    return bindInRoot(rootFd, "dev/" + name, slavePath, false, 0);
}

} // namespace

Status setupDev(int rootFd, const DevSetup& setup)
{
    if (auto dir = ensureDirInRoot(rootFd, "dev", 0755); !dir)
        return dir;
    if (auto mounted =
            mountInRoot(rootFd, "dev", "none", "tmpfs", MS_NOSUID | MS_NOEXEC | MS_STRICTATIME, "mode=755,size=65536k");
        !mounted)
        return mounted;
    auto devFd = openDevDir(rootFd);
    if (!devFd)
        return fail(devFd.error());
    for (const DeviceNode& node : kDevices)
        if (auto made = makeDeviceNode(rootFd, devFd->get(), node, setup.bindHostNodes); !made)
            return made;
    for (const auto& [name, target] : kSymlinks)
        if (::symlinkat(target, devFd->get(), name) != 0)
            return failErrno(errno, std::string("create /dev/") + name);
    if (auto pts = mountDevpts(rootFd, setup.ptyMax); !pts)
        return pts;
    if (auto dir = ensureDirInRoot(rootFd, "dev/shm", 01777); !dir)
        return dir;
    if (auto shm = mountInRoot(rootFd, "dev/shm", "shm", "tmpfs", MS_NOSUID | MS_NODEV, "mode=1777,size=65536k"); !shm)
        return shm;
    if (!setup.consoleSlavePath.empty())
        if (auto console = bindPty(rootFd, "console", setup.consoleSlavePath); !console)
            return console;
    for (size_t i = 0; i < setup.ttySlavePaths.size(); ++i)
        if (auto tty = bindPty(rootFd, "tty" + std::to_string(i + 1), setup.ttySlavePaths[i]); !tty)
            return tty;
    return {};
}

} // namespace berth::runtime
