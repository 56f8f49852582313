#include "bench_env.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

namespace berth::bench {

namespace fs = std::filesystem;

namespace {

struct MountEntry {
    std::string mountPoint;
    std::string fsType;
};

std::vector<MountEntry> readMountInfo()
{
    std::vector<MountEntry> result;
    std::ifstream in("/proc/self/mountinfo");
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string id, parent, devno, root, mountPoint, field;
        fields >> id >> parent >> devno >> root >> mountPoint;
        // Optional fields end at "-", then the filesystem type.
        while (fields >> field && field != "-") {}
        std::string fsType;
        fields >> fsType;
        result.push_back({mountPoint, fsType});
    }
    return result;
}

// Anything a runtime left mounted under the directory would otherwise make
// remove_all walk into it; deepest first, so parents come off last.
void detachMountsUnder(const fs::path& dir)
{
    const std::string prefix = dir.string() + "/";
    std::vector<std::string> points;
    for (const MountEntry& entry : readMountInfo())
        if (entry.mountPoint.starts_with(prefix))
            points.push_back(entry.mountPoint);
    std::ranges::sort(points, [](const auto& a, const auto& b) { return a.size() > b.size(); });
    for (const std::string& point : points)
        if (::umount2(point.c_str(), MNT_DETACH) != 0)
            std::fprintf(stderr, "bench: cannot detach '%s'\n", point.c_str());
}

// A v1 cgroup directory goes with rmdir only, and only once its children are gone.
void removeCgroupTree(const fs::path& top)
{
    std::error_code ec;
    if (!fs::is_directory(top, ec))
        return;
    std::vector<fs::path> dirs{top};
    for (auto it = fs::recursive_directory_iterator(top, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
        if (it->is_directory(ec))
            dirs.push_back(it->path());
    std::ranges::sort(dirs, [](const auto& a, const auto& b) { return a.string().size() > b.string().size(); });
    for (const fs::path& dir : dirs)
        if (::rmdir(dir.c_str()) != 0)
            std::fprintf(stderr, "bench: cannot remove cgroup '%s': %s\n", dir.c_str(), std::strerror(errno));
}

} // namespace

Status BenchEnvironment::enter()
{
    if (::geteuid() != 0)
        return failWith(EPERM, "the benchmark needs root: it starts containers");
    if (::unshare(CLONE_NEWNET | CLONE_NEWNS) != 0)
        return failErrno(errno, "enter private network and mount namespaces");
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        return failErrno(errno, "make mounts private");
    char templ[] = "/tmp/berth-bench-XXXXXX";
    if (!::mkdtemp(templ))
        return failErrno(errno, "create a temporary directory");
    m_tempDir = templ;
    // Containers resolve host paths under it (berth-init, the rootfs): keep it traversable.
    if (::chmod(templ, 0755) != 0)
        return failErrno(errno, std::string("chmod '") + templ + "'");
    m_cgroupParent = "berth-bench-" + std::to_string(::getpid());
    return {};
}

BenchEnvironment::~BenchEnvironment()
{
    if (!m_tempDir.empty()) {
        detachMountsUnder(m_tempDir);
        std::error_code ec;
        fs::remove_all(m_tempDir, ec);
        if (ec)
            std::fprintf(stderr, "bench: cannot remove '%s': %s\n", m_tempDir.c_str(), ec.message().c_str());
    }
    if (m_cgroupParent.empty())
        return;
    for (const MountEntry& entry : readMountInfo())
        if (entry.fsType == "cgroup" || entry.fsType == "cgroup2")
            removeCgroupTree(fs::path(entry.mountPoint) / m_cgroupParent);
}

} // namespace berth::bench
