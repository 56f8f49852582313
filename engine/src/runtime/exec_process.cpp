#include "berth/engine.h"

#include <csignal>

#include <sys/wait.h>
#include <unistd.h>

namespace berth {

ExecProcess::ExecProcess(pid_t pid, UniqueFd statusPipe, UniqueFd ptyMaster)
    : m_pid(pid), m_statusPipe(std::move(statusPipe)), m_ptyMaster(std::move(ptyMaster))
{}

ExecProcess::ExecProcess(ExecProcess&& other) noexcept
    : m_pid(std::exchange(other.m_pid, -1)), m_statusPipe(std::move(other.m_statusPipe)),
      m_ptyMaster(std::move(other.m_ptyMaster))
{}

ExecProcess& ExecProcess::operator=(ExecProcess&& other) noexcept
{
    if (this != &other) {
        this->~ExecProcess();
        m_pid = std::exchange(other.m_pid, -1);
        m_statusPipe = std::move(other.m_statusPipe);
        m_ptyMaster = std::move(other.m_ptyMaster);
    }
    return *this;
}

ExecProcess::~ExecProcess()
{
    // The waiter outside the container goes; the command itself, inside,
    // carries on as an orphan of the container's init.
    if (m_pid > 0) {
        ::kill(m_pid, SIGKILL);
        while (::waitpid(m_pid, nullptr, 0) < 0 && errno == EINTR) {}
    }
}

Result<ExitStatus> ExecProcess::wait()
{
    if (m_pid <= 0)
        return failWith(ECHILD, "this process was already waited for");
    int status = 0;
    ssize_t got;
    do {
        got = ::read(m_statusPipe.get(), &status, sizeof(status));
    } while (got < 0 && errno == EINTR);
    int waiterStatus = 0;
    while (::waitpid(m_pid, &waiterStatus, 0) < 0 && errno == EINTR) {}
    m_pid = -1;
    m_statusPipe.reset();
    if (got != sizeof(status))
        return failWith(EIO, "the command's exit status was lost (its waiter died)");
    if (WIFSIGNALED(status))
        return ExitStatus{0, WTERMSIG(status)};
    return ExitStatus{WEXITSTATUS(status), 0};
}

} // namespace berth
