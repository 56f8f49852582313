// Engine::exec: a command inside a running container.
#include "berth/engine.h"

#include "berth/model/id_map.h"
#include "berth/model/trace.h"
#include "berth/names.h"
#include "cgroup/delegation.h"
#include "common/pidfd.h"
#include "core/engine_checks.h"
#include "core/lost_monitor.h"
#include "runtime/container_environment.h"
#include "runtime/exec_in_container.h"
#include "runtime/monitor_client.h"
#include "runtime/plan_builder.h"
#include "runtime/spawn_monitor.h"
#include "runtime/state_file.h"

#include <cerrno>
#include <cstdint>
#include <fstream>
#include <iterator>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace berth {

namespace {

Result<std::vector<UniqueFd>> openCgroupProcs(const std::vector<std::string>& files)
{
    std::vector<UniqueFd> fds;
    for (const std::string& recorded : files) {
        auto file = cgroup::joinableProcsFile(recorded);
        if (!file)
            return fail(file.error());
        UniqueFd fd(::open(file->c_str(), O_WRONLY | O_CLOEXEC));
        if (!fd)
            return failErrno(errno, "open " + file->string());
        fds.push_back(std::move(fd));
    }
    return fds;
}

// Whether the running init has a user namespace of its own: taken from the
// init, not the config, which may have changed since the start. The pidfd
// still alive after the look proves the pid was the init's.
Result<bool> hasOwnUserNamespace(pid_t initPid, int initPidfd)
{
    struct stat ours {
    }, theirs{};
    const std::string path = "/proc/" + std::to_string(initPid) + "/ns/user";
    if (::stat("/proc/self/ns/user", &ours) != 0 || ::stat(path.c_str(), &theirs) != 0)
        return failErrno(errno, "read the container's user namespace");
    if (pidfdSignal(initPidfd, 0) != 0)
        return failErrno(errno, "the container's init");
    return ours.st_ino != theirs.st_ino || ours.st_dev != theirs.st_dev;
}

// The host ID that ID 0 inside is, from /proc/<init>/uid_map or gid_map.
Result<std::uint32_t> hostRootId(pid_t initPid, model::IdKind kind)
{
    const char* file = kind == model::IdKind::User ? "/uid_map" : "/gid_map";
    const std::string path = "/proc/" + std::to_string(initPid) + file;
    std::ifstream in(path);
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const auto map = model::parseProcIdMap(kind, text);
    if (auto root = map ? map->toHost(kind, 0) : std::nullopt)
        return *root;
    return failWith(ENOENT, path + " maps no root");
}

std::vector<std::string> capabilityNames(const std::vector<int>& caps)
{
    std::vector<std::string> names;
    for (int cap : caps)
        names.emplace_back(security::capabilityName(cap));
    return names;
}

Result<runtime::ExecContext> execContext(const EngineSettings& settings, const std::string& name,
                                         const ExecRequest& request)
{
    auto spec = runtime::loadContainerSpec(settings, name);
    if (!spec)
        return fail(spec.error());
    auto recorded = runtime::readState(settings.paths.stateFile(name));
    if (!recorded)
        return fail(recorded.error());
    runtime::ExecContext context;
    auto procs = openCgroupProcs(recorded->cgroupProcsFiles);
    if (!procs)
        return fail(procs.error());
    context.cgroupProcs = std::move(*procs);
    auto caps = security::planCapabilities(spec->kind, capabilityNames(spec->capDrop),
                                           capabilityNames(spec->capKeep.value_or(std::vector<int>{})),
                                           spec->capKeep.has_value());
    if (!caps)
        return fail(caps.error());
    context.capabilities = *caps;
    trace::point("engine", "exec: config and state read");
    auto seccomp = security::buildDefaultSeccomp(spec->kind, context.capabilities.keep,
                                                 spec->privileged() ? security::UserNamespace::Host
                                                                    : security::UserNamespace::Own);
    if (!seccomp)
        return fail(seccomp.error());
    context.seccomp = std::move(*seccomp);
    trace::point("engine", "exec: seccomp filter built");
    context.noNewPrivs = spec->noNewPrivs;
    context.argv = request.argv;
    context.env = runtime::containerEnvironment(spec->environment, request.env);
    context.cwd = request.cwd.empty() ? "/" : request.cwd;

    auto reply =
        runtime::askMonitor(settings.paths.monitorSocket(name), runtime::PidfdRequest{}, std::chrono::seconds(10));
    if (!reply)
        return fail(reply.error());
    if (!reply->fd)
        return failWith(EPROTO, "the monitor sent no pidfd");
    context.initPidfd = std::move(reply->fd);
    auto userns = hasOwnUserNamespace(recorded->initPid, context.initPidfd.get());
    if (!userns)
        return fail(userns.error());
    context.userNamespace = *userns;
    if (context.userNamespace) {
        auto uid = hostRootId(recorded->initPid, model::IdKind::User);
        auto gid = hostRootId(recorded->initPid, model::IdKind::Group);
        if (!uid || !gid)
            return fail(uid ? gid.error() : uid.error());
        context.rootUid = *uid;
        context.rootGid = *gid;
    }
    return context;
}

} // namespace

Result<ExecProcess> Engine::exec(const std::string& name, const ExecRequest& request)
{
    if (auto valid = validateContainerName(name); !valid)
        return fail(valid.error());
    if (request.argv.empty())
        return failWith(EINVAL, "exec needs a command");
    if (!runtime::monitorAlive(m_settings.paths, name))
        return fail(noMonitorError(m_settings, name).error());
    // A command joining a frozen cgroup would freeze too, and its caller wait without a word.
    if (auto current = state(name); current && current->state == RunState::Frozen)
        return failWith(EBUSY, "container '" + name + "' is frozen: unfreeze (thaw) it first");
    auto context = execContext(m_settings, name, request);
    if (!context)
        return fail(context.error().wrap("exec in '" + name + "'"));
    trace::point("engine", "exec: monitor asked, joining");
    auto process = runtime::execInContainer(*context, request);
    trace::point("engine", "exec: command started");
    if (!process)
        return fail(process.error().wrap("exec in '" + name + "'"));
    return process;
}

} // namespace berth
