#include "security/user_namespace.h"

#include <csignal>

#include <fcntl.h>
#include <sched.h>
#include <sys/wait.h>
#include <unistd.h>

namespace berth::security {

namespace {

// A child that does nothing but hold a new user namespace until its maps
// are written and the namespace is opened; killed and reaped on every way out.
class UsernsHolder {
public:
    UsernsHolder() = default;
    UsernsHolder(const UsernsHolder&) = delete;
    UsernsHolder& operator=(const UsernsHolder&) = delete;
    ~UsernsHolder()
    {
        m_release.reset(); // end of file: the child exits
        if (m_pid > 0) {
            ::kill(m_pid, SIGKILL);
            while (::waitpid(m_pid, nullptr, 0) < 0 && errno == EINTR) {}
        }
    }

    Status start()
    {
        int ready[2], release[2];
        if (::pipe2(ready, O_CLOEXEC) != 0)
            return failErrno(errno, "create a pipe");
        UniqueFd readyRead(ready[0]), readyWrite(ready[1]);
        if (::pipe2(release, O_CLOEXEC) != 0)
            return failErrno(errno, "create a pipe");
        UniqueFd releaseRead(release[0]);
        m_release = UniqueFd(release[1]);
        m_pid = ::fork();
        if (m_pid < 0)
            return failErrno(errno, "fork");
        if (m_pid == 0) {
            char ok = ::unshare(CLONE_NEWUSER) == 0 ? 1 : 0;
            (void)!::write(readyWrite.get(), &ok, 1);
            (void)!::read(releaseRead.get(), &ok, 1);
            ::_exit(0);
        }
        readyWrite.reset();
        char ok = 0;
        if (::read(readyRead.get(), &ok, 1) != 1 || ok != 1)
            return failWith(EPERM, "create a user namespace");
        return {};
    }

    pid_t pid() const { return m_pid; }

private:
    pid_t m_pid = -1;
    UniqueFd m_release;
};

Status writeProcFile(pid_t pid, const char* name, const std::string& text)
{
    const std::string path = "/proc/" + std::to_string(pid) + "/" + name;
    UniqueFd fd(::open(path.c_str(), O_WRONLY | O_CLOEXEC));
    if (!fd || ::write(fd.get(), text.data(), text.size()) != static_cast<ssize_t>(text.size()))
        return failErrno(errno, "write " + path);
    return {};
}

Status writeMapFiles(pid_t pid, const model::IdMap& map)
{
    if (auto gids = writeProcFile(pid, "gid_map", map.procText(model::IdKind::Group)); !gids)
        return gids;
    return writeProcFile(pid, "uid_map", map.procText(model::IdKind::User));
}

Result<UniqueFd> makeNamespace(const model::IdMap& map, Status (*write)(pid_t, const model::IdMap&))
{
    UsernsHolder holder;
    if (auto started = holder.start(); !started)
        return fail(started.error());
    if (auto written = write(holder.pid(), map); !written)
        return fail(written.error());
    const std::string ns = "/proc/" + std::to_string(holder.pid()) + "/ns/user";
    UniqueFd fd(::open(ns.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd)
        return failErrno(errno, "open " + ns);
    return fd;
}

} // namespace

Status writeIdMaps(pid_t pid, const model::IdMap& map)
{
    if (auto problem = model::idMapProblem(map))
        return failWith(EINVAL, "invalid ID map: " + *problem);
    return writeMapFiles(pid, map);
}

Result<UniqueFd> makeUserNamespace(const model::IdMap& map)
{
    return makeNamespace(map, writeIdMaps);
}

Result<UniqueFd> makeIdmapUserNamespace(const model::IdMap& map)
{
    return makeNamespace(map, writeMapFiles);
}

} // namespace berth::security
