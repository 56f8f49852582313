#include "lxc_daemon.h"

#include <fstream>

#include <sys/stat.h>

namespace berth::bench {

namespace fs = std::filesystem;

namespace {

constexpr const char* kInit = "/bench-lxc-init";

// `wait` returns when the trapped signal arrives; PID 1's exit ends the rest.
constexpr const char* kInitScript = "#!/bin/sh\ntrap 'exit 0' PWR TERM\nsleep 3600 &\nwait\n";

Status writeFile(const fs::path& file, const std::string& text)
{
    std::ofstream out(file, std::ios::trunc);
    out << text;
    if (!out.flush())
        return failWith(EIO, "cannot write", file.string());
    return {};
}

} // namespace

LxcDaemons::~LxcDaemons()
{
    for (const std::string& name : m_names)
        (void)timedRun(stopArgv(name, true), m_log); // fails for one that is not running
}

Status LxcDaemons::setUp(const fs::path& workDir, const std::string& dirName, const fs::path& rootfs,
                         const std::string& cgroupParent)
{
    m_lxcPath = workDir / dirName;
    m_log = workDir / (dirName + ".log");
    m_rootfs = rootfs;
    m_cgroupParent = cgroupParent;
    std::error_code ec;
    fs::create_directories(m_lxcPath, ec);
    if (ec)
        return failWith(ec.value(), "create the LXC path: " + ec.message(), m_lxcPath.string());
    const fs::path script = rootfs / fs::path(kInit).relative_path();
    if (Status ok = writeFile(script, kInitScript); !ok)
        return ok;
    if (::chmod(script.c_str(), 0755) != 0)
        return failErrno(errno, "chmod " + script.string());
    return {};
}

Status LxcDaemons::add(const std::string& name)
{
    const fs::path dir = m_lxcPath / name;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        return failWith(ec.value(), "create " + dir.string() + ": " + ec.message());
    const std::string cgroups = m_cgroupParent + "/lxc-" + name;
    if (Status ok = writeFile(dir / "config",
                              "lxc.uts.name = " + name + "\nlxc.rootfs.path = dir:" + m_rootfs.string() +
                                  "\nlxc.net.0.type = empty\n"
                                  "lxc.mount.auto = proc:mixed sys:ro\nlxc.autodev = 1\n"
                                  "lxc.apparmor.profile = unconfined\n"
                                  "lxc.init.cmd = " +
                                  kInit + "\nlxc.cgroup.dir.monitor = " + cgroups +
                                  "-monitor\nlxc.cgroup.dir.container = " + cgroups +
                                  "-payload\nlxc.cgroup.dir.monitor.pivot = " + m_cgroupParent + "/lxc-pivot\n");
        !ok)
        return ok;
    m_names.push_back(name);
    return {};
}

Status LxcDaemons::start(const std::string& name) const
{
    if (Result<double> ran = timedRun(startArgv(name), m_log); !ran)
        return fail(ran.error());
    return {};
}

Argv LxcDaemons::startArgv(const std::string& name) const
{
    return {"lxc-start", "-P", m_lxcPath.string(), "-n", name, "-d"};
}

Argv LxcDaemons::stopArgv(const std::string& name, bool kill) const
{
    Argv argv = {"lxc-stop", "-P", m_lxcPath.string(), "-n", name};
    if (kill)
        argv.push_back("-k");
    return argv;
}

Argv LxcDaemons::attachArgv(const std::string& name, const Argv& command) const
{
    Argv argv = {"lxc-attach", "-P", m_lxcPath.string(), "-n", name, "--"};
    argv.insert(argv.end(), command.begin(), command.end());
    return argv;
}

Argv LxcDaemons::waitForHaltHandlerArgv(const std::string& name) const
{
    // SigCgt of the init (as the host sees it), bit 29 being SIGPWR (30).
    const std::string script = "pid=$(lxc-info -P '" + m_lxcPath.string() + "' -n '" + name +
                               "' -p -H); "
                               "until [ $((0x$(sed -n 's/^SigCgt:[[:space:]]*//p' /proc/$pid/status) & "
                               "0x20000000)) -ne 0 ]; do sleep 0.01; done";
    return {"sh", "-c", script};
}

Argv LxcDaemons::lsArgv() const
{
    return {"lxc-ls", "-P", m_lxcPath.string(), "--fancy"};
}

} // namespace berth::bench
