// pidfdOpen and pidfdSignal (engine/src/common/pidfd.h), the engine's one
// pidfd wrapper, on a child of the test's own: no root needed.
#include "common/pidfd.h"

#include <QtTest/QtTest>

#include <cerrno>
#include <csignal>

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

class TestPidfd : public QObject {
    Q_OBJECT

private:
    // A child that waits to be killed.
    static pid_t sleeper()
    {
        const pid_t pid = ::fork();
        if (pid == 0) {
            ::pause();
            ::_exit(0);
        }
        return pid;
    }

private slots:
    void signalZeroWhileAliveThenEsrch()
    {
        const pid_t child = sleeper();
        QVERIFY(child > 0);
        berth::UniqueFd pidfd = berth::pidfdOpen(child);
        QVERIFY(pidfd);
        QCOMPARE(berth::pidfdSignal(pidfd.get(), 0), 0);
        QCOMPARE(berth::pidfdSignal(pidfd.get(), SIGKILL), 0);
        pollfd pfd{pidfd.get(), POLLIN, 0};
        QCOMPARE(::poll(&pfd, 1, -1), 1); // readable once it has exited
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
        // Reaped: the pid may be anyone's now, the pidfd still names the dead child.
        QCOMPARE(berth::pidfdSignal(pidfd.get(), 0), -1);
        QCOMPARE(errno, ESRCH);
    }

    void noSuchProcess()
    {
        const pid_t child = sleeper();
        QVERIFY(child > 0);
        ::kill(child, SIGKILL);
        QCOMPARE(::waitpid(child, nullptr, 0), child);
        errno = 0;
        const berth::UniqueFd pidfd = berth::pidfdOpen(child);
        QVERIFY(!pidfd);
        QCOMPARE(errno, ESRCH);
    }

    void pidfdIsCloseOnExec()
    {
        const berth::UniqueFd pidfd = berth::pidfdOpen(::getpid());
        QVERIFY(pidfd);
        QVERIFY(::fcntl(pidfd.get(), F_GETFD) & FD_CLOEXEC);
    }

    void notAPidfd()
    {
        QCOMPARE(berth::pidfdSignal(STDIN_FILENO, 0), -1);
        QVERIFY(errno == EBADF || errno == EINVAL);
    }
};

QTEST_GUILESS_MAIN(TestPidfd)
#include "test_pidfd.moc"
