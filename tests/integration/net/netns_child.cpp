#include "netns_child.h"

#include <cerrno>
#include <csignal>
#include <cstring>

#include <fcntl.h>
#include <sched.h>
#include <sys/wait.h>
#include <unistd.h>

namespace berth::test {

namespace {

int waitExit(pid_t pid)
{
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

[[noreturn]] void holderMain(int readyFd, int keepAliveFd)
{
    const char result = ::unshare(CLONE_NEWNET) == 0 ? 'y' : 'n';
    if (::write(readyFd, &result, 1) != 1)
        ::_exit(1);
    ::close(readyFd);
    char byte;
    while (::read(keepAliveFd, &byte, 1) < 0 && errno == EINTR) {}
    ::_exit(0);
}

bool enterNetns(pid_t pid)
{
    const std::string path = "/proc/" + std::to_string(pid) + "/ns/net";
    UniqueFd ns(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    return ns && ::setns(ns.get(), CLONE_NEWNET) == 0;
}

std::string readAll(int fd)
{
    std::string text;
    char buffer[512];
    ssize_t n = 0;
    while ((n = ::read(fd, buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR))
        if (n > 0)
            text.append(buffer, static_cast<size_t>(n));
    return text;
}

} // namespace

NetnsChild::~NetnsChild()
{
    m_keepAlive.reset();
    if (m_pid > 0)
        waitExit(m_pid);
}

Status NetnsChild::start()
{
    int ready[2], keep[2];
    if (::pipe2(ready, O_CLOEXEC) != 0 || ::pipe2(keep, O_CLOEXEC) != 0)
        return failErrno(errno, "pipe");
    UniqueFd readyRead(ready[0]), readyWrite(ready[1]), keepRead(keep[0]);
    m_keepAlive.reset(keep[1]);
    m_pid = ::fork();
    if (m_pid < 0)
        return failErrno(errno, "fork namespace holder");
    if (m_pid == 0) {
        m_keepAlive.reset();
        holderMain(readyWrite.get(), keepRead.get());
    }
    readyWrite.reset();
    char result = 0;
    if (::read(readyRead.get(), &result, 1) != 1 || result != 'y')
        return failWith(EIO, "the namespace holder could not unshare its network namespace");
    return {};
}

Status NetnsChild::run(const std::function<Status()>& body) const
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return failErrno(errno, "pipe");
    UniqueFd readEnd(fds[0]), writeEnd(fds[1]);
    const pid_t pid = ::fork();
    if (pid < 0)
        return failErrno(errno, "fork");
    if (pid == 0) {
        Status ok = enterNetns(m_pid) ? body() : failErrno(errno, "setns");
        const std::string message = ok ? std::string() : ok.error().describe();
        const bool sent =
            ::write(writeEnd.get(), message.data(), message.size()) == static_cast<ssize_t>(message.size());
        ::_exit(ok ? 0 : sent ? 1 : 2);
    }
    writeEnd.reset();
    const std::string message = readAll(readEnd.get());
    const int status = waitExit(pid);
    if (status != 0)
        return failWith(EIO, message.empty() ? "child exited with " + std::to_string(status) : message);
    return {};
}

int NetnsChild::exec(const std::vector<std::string>& argv) const
{
    const pid_t pid = ::fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        std::vector<char*> args;
        for (const std::string& arg : argv)
            args.push_back(const_cast<char*>(arg.c_str()));
        args.push_back(nullptr);
        if (enterNetns(m_pid))
            ::execv(args[0], args.data());
        ::_exit(127);
    }
    return waitExit(pid);
}

} // namespace berth::test
