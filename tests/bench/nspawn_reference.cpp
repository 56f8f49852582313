#include "nspawn_reference.h"

#include <cstdio>
#include <fstream>

#include <sys/mount.h>

namespace berth::bench {

namespace fs = std::filesystem;

namespace {

constexpr const char* kStateDir = "/run/systemd/nspawn";

// The first directory of `dir`'s path that does not exist yet (empty: all do).
fs::path firstMissing(const fs::path& dir)
{
    fs::path missing;
    std::error_code ec;
    for (fs::path at = dir; !at.empty() && at != at.root_path() && !fs::exists(at, ec); at = at.parent_path())
        missing = at;
    return missing;
}

// The last line nspawn wrote to its stderr (empty: it wrote nothing).
std::string lastLine(const fs::path& log)
{
    std::ifstream in(log);
    std::string line, last;
    while (std::getline(in, line))
        if (!line.empty())
            last = line;
    return last;
}

} // namespace

NspawnReference::~NspawnReference()
{
    if (m_mounted)
        ::umount2(kStateDir, MNT_DETACH);
    if (m_madeDir.empty())
        return;
    std::error_code ec;
    for (fs::path at = kStateDir; !at.empty() && at != m_madeDir.parent_path(); at = at.parent_path())
        if (!fs::remove(at, ec))
            std::fprintf(stderr, "bench: cannot remove '%s'\n", at.c_str());
}

Status NspawnReference::setUp(const fs::path& workDir, const fs::path& rootfs)
{
    m_rootfs = rootfs;
    m_madeDir = firstMissing(kStateDir);
    std::error_code ec;
    fs::create_directories(kStateDir, ec);
    if (ec)
        return failWith(ec.value(), "create " + std::string(kStateDir) + ": " + ec.message());
    if (::mount("tmpfs", kStateDir, "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755") != 0)
        return failErrno(errno, std::string("mount a tmpfs on ") + kStateDir);
    m_mounted = true;
    const fs::path log = workDir / "nspawn-probe.log";
    if (Result<double> ran = timedRun(runArgv(), log); !ran) {
        m_whyNot = lastLine(log);
        if (m_whyNot.empty())
            m_whyNot = ran.error().describe();
    }
    return {};
}

Argv NspawnReference::runArgv() const
{
    return {"systemd-nspawn", "--register=no", "--keep-unit", "-q", "-D", m_rootfs.string(), "/bin/true"};
}

} // namespace berth::bench
