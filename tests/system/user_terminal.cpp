#include "user_terminal.h"

#include "berthctl_run.h"
#include "system_bus.h"

#include <QDeadlineTimer>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <vector>

#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

namespace berth::test {
UserTerminal::~UserTerminal()
{
    kill();
    if (m_master >= 0)
        ::close(m_master);
}

bool UserTerminal::start(const QString& user, const QStringList& command, const QString& busAddress, QString* why)
{
    // Everything the child needs is prepared before the fork.
    QStringList argv{QStringLiteral("setpriv"), QStringLiteral("--reuid=") + idOf(QStringLiteral("-u"), user),
                     QStringLiteral("--regid=") + idOf(QStringLiteral("-g"), user), QStringLiteral("--init-groups"),
                     QStringLiteral("--")};
    argv += command;
    std::vector<QByteArray> storage;
    for (const QString& arg : argv)
        storage.push_back(arg.toLocal8Bit());
    std::vector<char*> args;
    for (QByteArray& arg : storage)
        args.push_back(arg.data());
    args.push_back(nullptr);
    const QByteArray bus = busAddress.toLocal8Bit();
    winsize size{};
    size.ws_row = 24;
    size.ws_col = 80;
    m_pid = ::forkpty(&m_master, nullptr, nullptr, &size);
    if (m_pid < 0) {
        *why = QStringLiteral("forkpty: %1").arg(QString::fromLocal8Bit(::strerror(errno)));
        return false;
    }
    if (m_pid == 0) {
        ::setenv("BERTH_BUS_ADDRESS", bus.constData(), 1);
        ::setenv("LC_ALL", "C", 1);
        ::setenv("TERM", "xterm", 1);
        // As a login on a terminal: default signal handling, nothing blocked.
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        for (int sig : {SIGINT, SIGQUIT, SIGTSTP, SIGHUP, SIGTERM})
            ::signal(sig, SIG_DFL);
        if (::chdir("/") != 0)
            ::_exit(126);
        ::execvp("setpriv", args.data());
        ::_exit(127);
    }
    return true;
}

void UserTerminal::kill()
{
    if (!running())
        return;
    ::kill(m_pid, SIGKILL);
    reap(true);
}

void UserTerminal::type(const QByteArray& keys)
{
    qsizetype done = 0;
    while (done < keys.size()) {
        const ssize_t wrote = ::write(m_master, keys.constData() + done, std::size_t(keys.size() - done));
        if (wrote < 0 && errno == EINTR)
            continue;
        if (wrote <= 0)
            return;
        done += wrote;
    }
}

bool UserTerminal::readSome(int timeoutMs)
{
    pollfd fd{m_master, POLLIN, 0};
    const int ready = ::poll(&fd, 1, timeoutMs);
    if (ready <= 0)
        return ready == 0 || errno == EINTR;
    char buffer[4096];
    const ssize_t got = ::read(m_master, buffer, sizeof(buffer));
    if (got <= 0)
        return got < 0 && errno == EINTR; // EIO: every slave side is closed
    m_screen.append(buffer, got);
    return true;
}

bool UserTerminal::waitFor(const QByteArray& text, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (true) {
        const qsizetype at = m_screen.indexOf(text, m_seen);
        if (at >= 0) {
            m_seen = at + text.size();
            return true;
        }
        if (deadline.hasExpired())
            return false;
        if (!readSome(int(std::min<qint64>(deadline.remainingTime(), 200))) && m_screen.indexOf(text, m_seen) < 0)
            return false;
    }
}

void UserTerminal::reap(bool block)
{
    int status = 0;
    if (::waitpid(m_pid, &status, block ? 0 : WNOHANG) != m_pid)
        return;
    m_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int UserTerminal::waitForExit(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (running() && !deadline.hasExpired()) {
        if (!readSome(100)) // keeps the pty drained, so the command never blocks writing
            ::usleep(50000);
        reap(false);
    }
    return running() ? -1 : m_status;
}

} // namespace berth::test
