#include "podman_reference.h"

#include "hyperfine_rounds.h"

namespace berth::bench {

namespace fs = std::filesystem;

PodmanReference::~PodmanReference()
{
    if (!m_base.empty())
        (void)timedRun(podman({"rm", "-af", "-t", "0"}), m_log);
}

Status PodmanReference::setUp(const fs::path& workDir, const std::string& image, const std::string& cgroupParent,
                              const Argv& enter)
{
    const fs::path dir = workDir / "podman";
    m_log = workDir / "podman.log";
    m_cgroupParent = cgroupParent;
    m_base = enter;
    m_base.insert(m_base.end(), {"podman", "--root", (dir / "root").string(), "--runroot", (dir / "run").string(),
                                 "--tmpdir", (dir / "tmp").string(), "--storage-driver", "overlay", "--cgroup-manager",
                                 "cgroupfs", "--events-backend", "file"});
    m_image = image;
    if (Result<double> ran = timedRun(podman({"pull", "-q", "--tls-verify=false", m_image}), m_log); !ran)
        return fail(ran.error().wrap("podman pull"));
    return {};
}

Status PodmanReference::startSleeper(const std::string& name)
{
    Argv argv = podman({"run", "-d", "--name", name});
    const Argv options = runOptions();
    argv.insert(argv.end(), options.begin(), options.end());
    argv.insert(argv.end(), {m_image, "/bin/sleep", "3600"});
    if (Result<double> ran = timedRun(argv, m_log); !ran)
        return fail(ran.error().wrap("podman run -d"));
    return {};
}

Argv PodmanReference::runArgv(const Argv& command) const
{
    Argv argv = podman({"run", "--rm"});
    const Argv options = runOptions();
    argv.insert(argv.end(), options.begin(), options.end());
    argv.push_back(m_image);
    argv.insert(argv.end(), command.begin(), command.end());
    return argv;
}

Argv PodmanReference::execArgv(const std::string& name, const Argv& command) const
{
    Argv argv = podman({"exec", name});
    argv.insert(argv.end(), command.begin(), command.end());
    return argv;
}

Argv PodmanReference::podman(const Argv& args) const
{
    Argv argv = m_base;
    argv.insert(argv.end(), args.begin(), args.end());
    return argv;
}

Argv PodmanReference::runOptions() const
{
    return {"--network",        "none",     "--cgroup-parent", "/" + m_cgroupParent + "/podman", "--ulimit",
            "nofile=1024:1024", "--ulimit", "nproc=1024:1024"};
}

} // namespace berth::bench
