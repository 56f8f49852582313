#include "crun_reference.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <fstream>

#include <fcntl.h>
#include <sys/mount.h>
#include <unistd.h>

namespace berth::bench {

namespace fs = std::filesystem;

namespace {

constexpr const char* kUnifiedMount = "/sys/fs/cgroup/unified";

Status touch(const fs::path& file)
{
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return failErrno(errno, "create '" + file.string() + "'");
    ::close(fd);
    return {};
}

// Only a hybrid host has a cgroup2 mount next to the v1 controllers.
bool hostIsHybrid()
{
    std::error_code ec;
    return fs::exists(fs::path(kUnifiedMount) / "cgroup.controllers", ec) && fs::exists("/sys/fs/cgroup/memory", ec);
}

} // namespace

CrunReference::~CrunReference()
{
    if (m_nsBound)
        ::umount2(m_nsFile.c_str(), MNT_DETACH);
}

Status CrunReference::setUp(const fs::path& workDir, const fs::path& rootfs, const std::string& cgroupParent)
{
    m_bundle = workDir / "crun-bundle";
    m_stateDir = workDir / "crun-state";
    m_nsFile = workDir / "crun-mntns";
    std::error_code ec;
    fs::create_directories(m_bundle, ec);
    if (!ec)
        fs::create_directories(m_stateDir, ec);
    if (ec)
        return failWith(ec.value(), "create the crun bundle: " + ec.message(), workDir.string());
    if (Status ok = writeBundle(rootfs, cgroupParent); !ok)
        return ok;
    return createNamespace();
}

Status CrunReference::writeBundle(const fs::path& rootfs, const std::string& cgroupParent) const
{
    if (Status ok = runChecked({"crun", "spec", "--bundle", m_bundle.string()}); !ok)
        return fail(ok.error().wrap("write the default OCI spec"));
    const fs::path configFile = m_bundle / "config.json";
    std::ifstream in(configFile);
    nlohmann::json config = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (config.is_discarded() || !config.is_object())
        return failWith(EINVAL, "crun spec wrote no JSON object", configFile.string());
    config["process"]["terminal"] = false;
    config["process"]["args"] = nlohmann::json::array({"/bin/true"});
    config["root"]["path"] = rootfs.string();
    // Under the bench's parent, so the bench's cleanup covers whatever crun leaves.
    config["linux"]["cgroupsPath"] = "/" + cgroupParent + "/crun";
    std::ofstream out(configFile, std::ios::trunc);
    out << config.dump(2) << '\n';
    if (!out.flush())
        return failWith(EIO, "cannot write the OCI spec", configFile.string());
    return {};
}

Status CrunReference::createNamespace()
{
    if (Status ok = touch(m_nsFile); !ok)
        return ok;
    // unshare(1) now and then fails to bind the new namespace with EINVAL
    // here (seen in about one run of three, never twice in a row): retry.
    Status made = failWith(EINVAL, "not tried");
    for (int attempt = 0; attempt < 3 && !made; ++attempt)
        made = runChecked({"unshare", "--mount=" + m_nsFile.string(), "--propagation", "private", "true"});
    if (!made)
        return fail(made.error().wrap("create crun's mount namespace"));
    m_nsBound = true;
    if (!hostIsHybrid())
        return {};
    if (Status ok = runChecked({"nsenter", "--mount=" + m_nsFile.string(), "umount", kUnifiedMount}); !ok)
        return fail(ok.error().wrap("hide the cgroup2 mount from crun"));
    return {};
}

Argv CrunReference::runArgv() const
{
    return {"nsenter",
            "--mount=" + m_nsFile.string(),
            "crun",
            "--root",
            m_stateDir.string(),
            "run",
            "--bundle",
            m_bundle.string(),
            "berth-bench-crun"};
}

Argv CrunReference::baselineArgv() const
{
    Argv argv = enterArgv();
    argv.push_back("/bin/true");
    return argv;
}

Argv CrunReference::enterArgv() const
{
    return {"nsenter", "--mount=" + m_nsFile.string()};
}

} // namespace berth::bench
