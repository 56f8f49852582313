#include "cgroup_move.h"

#include <cstdio>
#include <fstream>
#include <map>

#include <unistd.h>

namespace berth::bench {

namespace fs = std::filesystem;

namespace {

// /proc/self/cgroup: "1:name=systemd:/x" and "0::/y" by hierarchy name.
std::map<std::string, std::string> ownCgroups()
{
    std::map<std::string, std::string> result;
    std::ifstream in("/proc/self/cgroup");
    std::string line;
    while (std::getline(in, line)) {
        const auto first = line.find(':');
        const auto second = line.find(':', first + 1);
        if (first != std::string::npos && second != std::string::npos)
            result[line.substr(first + 1, second - first - 1)] = line.substr(second + 1);
    }
    return result;
}

fs::path cgroup2Mount()
{
    std::error_code ec;
    if (fs::exists("/sys/fs/cgroup/unified/cgroup.procs", ec))
        return "/sys/fs/cgroup/unified";
    return "/sys/fs/cgroup";
}

bool writePid(const fs::path& cgroup)
{
    std::ofstream out(cgroup / "cgroup.procs");
    out << ::getpid();
    return static_cast<bool>(out.flush());
}

} // namespace

Status CgroupMove::enter(const std::string& cgroupParent, const std::string& leaf)
{
    const std::map<std::string, std::string> own = ownCgroups();
    std::vector<std::pair<fs::path, std::string>> targets;
    if (own.contains("name=systemd"))
        targets.emplace_back("/sys/fs/cgroup/systemd", own.at("name=systemd"));
    if (own.contains(""))
        targets.emplace_back(cgroup2Mount(), own.at(""));
    for (const auto& [mount, was] : targets) {
        const fs::path cgroup = mount / cgroupParent / leaf;
        std::error_code ec;
        fs::create_directories(cgroup, ec);
        if (ec || !writePid(cgroup))
            return failWith(EIO, "cannot move the bench into its cgroup", cgroup.string());
        m_moved.emplace_back(mount, was);
    }
    return {};
}

CgroupMove::~CgroupMove()
{
    for (const auto& [mount, was] : m_moved)
        if (!writePid(mount / fs::path(was).relative_path()))
            std::fprintf(stderr, "bench: cannot move back to cgroup '%s' of %s\n", was.c_str(), mount.c_str());
}

} // namespace berth::bench
