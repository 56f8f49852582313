#include "integration_env.h"

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <net/if.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace berth::test {

namespace fs = std::filesystem;

namespace {

bool bringLoopbackUp()
{
    const int sock = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (sock < 0)
        return false;
    ifreq req{};
    std::snprintf(req.ifr_name, IFNAMSIZ, "lo");
    bool ok = ::ioctl(sock, SIOCGIFFLAGS, &req) == 0;
    req.ifr_flags |= IFF_UP;
    ok = ok && ::ioctl(sock, SIOCSIFFLAGS, &req) == 0;
    ::close(sock);
    return ok;
}

} // namespace

IntegrationEnvironment& IntegrationEnvironment::instance()
{
    static IntegrationEnvironment env;
    return env;
}

std::vector<fs::path> cgroupHierarchies()
{
    std::vector<fs::path> result;
    std::ifstream in("/proc/self/mountinfo");
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string id, parent, devno, root, mountPoint, field;
        fields >> id >> parent >> devno >> root >> mountPoint;
        while (fields >> field && field != "-") {}
        std::string fsType;
        fields >> fsType;
        if (fsType == "cgroup" || fsType == "cgroup2")
            result.emplace_back(mountPoint);
    }
    return result;
}

std::set<std::string> currentMounts()
{
    std::set<std::string> result;
    std::ifstream in("/proc/self/mountinfo");
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string id, parent, devno, root, mountPoint;
        fields >> id >> parent >> devno >> root >> mountPoint;
        result.insert(mountPoint + " (" + root + ")");
    }
    return result;
}

std::set<std::string> currentLinks()
{
    std::set<std::string> result;
    if (struct if_nameindex* names = ::if_nameindex()) {
        for (struct if_nameindex* n = names; n->if_index != 0; ++n)
            result.insert(n->if_name);
        ::if_freenameindex(names);
    }
    return result;
}

bool IntegrationEnvironment::setUp(const std::string& testName, std::string* why)
{
    if (::geteuid() != 0) {
        *why = "integration tests need root (they create namespaces and cgroups)";
        return false;
    }
    if (::unshare(CLONE_NEWNET) != 0 || !bringLoopbackUp()) {
        *why = "cannot enter a private network namespace";
        return false;
    }
    char templ[] = "/tmp/berth-itest-XXXXXX";
    if (!::mkdtemp(templ)) {
        *why = "cannot create a temporary state root";
        return false;
    }
    m_stateRoot = templ;
    // Containers resolve host paths such as /tmp through it: keep it traversable.
    ::chmod(templ, 0755);
    m_cgroupParent = "berth-test-" + testName + "-" + std::to_string(::getpid());
    m_mountsAtStart = currentMounts();
    m_linksAtStart = currentLinks();
    return true;
}

// Processes the test started and left in its cgroup parent: they were
// reported as leftovers; end them so they cannot hold the test runner's
// output pipe open.
static void killProcessesUnder(const fs::path& parent)
{
    for (int round = 0; round < 50; ++round) {
        bool found = false;
        std::error_code ec;
        for (auto it = fs::recursive_directory_iterator(parent, ec); it != fs::recursive_directory_iterator();
             it.increment(ec)) {
            // A frozen task cannot die: thaw whatever a failed test left frozen.
            if (it->path().filename() == "freezer.state")
                std::ofstream(it->path()) << "THAWED";
            if (it->path().filename() != "cgroup.procs")
                continue;
            std::ifstream procs(it->path());
            pid_t pid;
            while (procs >> pid) {
                ::kill(pid, SIGKILL);
                found = true;
            }
        }
        if (!found)
            return;
        ::usleep(20000);
    }
}

void IntegrationEnvironment::tearDown()
{
    for (const fs::path& hierarchy : cgroupHierarchies())
        killProcessesUnder(hierarchy / m_cgroupParent);
    // Deepest first: a v1 cgroup directory is removed with rmdir only.
    for (const fs::path& hierarchy : cgroupHierarchies()) {
        const fs::path parent = hierarchy / m_cgroupParent;
        std::error_code ec;
        if (!fs::exists(parent, ec))
            continue;
        std::vector<fs::path> dirs;
        for (auto it = fs::recursive_directory_iterator(parent, ec); it != fs::recursive_directory_iterator();
             it.increment(ec))
            if (it->is_directory(ec))
                dirs.push_back(it->path());
        for (auto it = dirs.rbegin(); it != dirs.rend(); ++it)
            ::rmdir(it->c_str());
        ::rmdir(parent.c_str());
    }
    std::error_code ec;
    if (!m_stateRoot.empty())
        fs::remove_all(m_stateRoot, ec);
}

EngineSettings IntegrationEnvironment::engineSettings() const
{
    EngineSettings settings;
    settings.paths = Paths(m_stateRoot);
    settings.cgroupParent = m_cgroupParent;
    settings.libexecDir = BERTH_BUILD_LIBEXECDIR;
    return settings;
}

std::vector<std::string> IntegrationEnvironment::leftovers() const
{
    std::vector<std::string> found;
    for (const std::string& mount : currentMounts())
        if (!m_mountsAtStart.contains(mount))
            found.push_back("mount " + mount);
    for (const std::string& link : currentLinks())
        if (!m_linksAtStart.contains(link))
            found.push_back("link " + link);
    for (const fs::path& hierarchy : cgroupHierarchies()) {
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(hierarchy / m_cgroupParent, ec))
            if (entry.is_directory(ec))
                found.push_back("cgroup " + entry.path().string());
    }
    const std::string marker = "/" + m_cgroupParent;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator("/proc", ec)) {
        const std::string pid = entry.path().filename();
        if (pid.find_first_not_of("0123456789") != std::string::npos)
            continue;
        std::ifstream cgroups(entry.path() / "cgroup");
        std::string line;
        while (std::getline(cgroups, line)) {
            if (line.find(marker + "/") != std::string::npos || line.ends_with(marker)) {
                found.push_back("process " + pid + " in cgroup " + line);
                break;
            }
        }
    }
    return found;
}

int runIntegrationTest(const char* name, const std::function<int()>& run)
{
    IntegrationEnvironment& env = IntegrationEnvironment::instance();
    std::string why;
    if (!env.setUp(name, &why)) {
        std::fprintf(stderr, "FAIL! %s: %s\n", name, why.c_str());
        return 1;
    }
    const int failures = run();
    const std::vector<std::string> left = env.leftovers();
    for (const std::string& item : left)
        std::fprintf(stderr, "FAIL! %s left behind: %s\n", name, item.c_str());
    env.tearDown();
    return failures + static_cast<int>(left.size());
}

} // namespace berth::test
