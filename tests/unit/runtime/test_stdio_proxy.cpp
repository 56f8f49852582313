// The exec's stdio copying with plain processes (no container, no root): a
// forked "waiter" forks the "command" on the exec's pipes and copies while
// it runs, as the exec's waiter does; the "caller" is this test on its own
// pipes. Input and output larger than a pipe holds, EOF passed
// on, the end when the command has exited even if a child of it keeps its
// output open, and a command that never reads its stdin.
#include "process/stdio_proxy.h"

#include <QtTest>

#include <algorithm>
#include <csignal>
#include <functional>

#include <fcntl.h>
#include <poll.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace berth;
using namespace berth::runtime;

namespace {

struct Ran {
    QByteArray out;
    QByteArray err;
    int commandStatus = -1; // the waiter's, which ends with the command's exit code
};

void copyAll(int from, int to)
{
    char buffer[4096];
    for (ssize_t n; (n = ::read(from, buffer, sizeof buffer)) > 0;)
        if (::write(to, buffer, std::size_t(n)) != n)
            break;
}

// Writes `input` into `fd` while reading `outs` until both end; all non-blocking.
void pump(int in, QByteArray input, int out, int err, Ran& ran)
{
    ::fcntl(in, F_SETFL, O_NONBLOCK);
    int open[2] = {out, err};
    QByteArray* sinks[2] = {&ran.out, &ran.err};
    while (open[0] >= 0 || open[1] >= 0) {
        pollfd fds[3] = {{in, POLLOUT, 0}, {open[0], POLLIN, 0}, {open[1], POLLIN, 0}};
        if (::poll(fds, 3, -1) < 0)
            continue;
        if (in >= 0 && fds[0].revents) {
            const ssize_t n = ::write(in, input.constData(), std::size_t(input.size()));
            if (n > 0)
                input.remove(0, n);
            if ((n < 0 && errno == EPIPE) || input.isEmpty()) {
                ::close(in);
                in = -1;
            }
        }
        for (int i = 0; i < 2; ++i) {
            if (open[i] < 0 || !fds[i + 1].revents)
                continue;
            char buffer[65536];
            const ssize_t n = ::read(open[i], buffer, sizeof buffer);
            if (n > 0) {
                sinks[i]->append(buffer, n);
            } else {
                ::close(open[i]);
                open[i] = -1;
            }
        }
    }
    if (in >= 0)
        ::close(in);
}

// Runs `command` (in a child, on the proxy's pipes: 0, 1, 2 dup'ed; it
// also keeps `alsoKeep`) with `input` as the caller's stdin.
Ran run(const QByteArray& input, const std::function<int()>& command, int alsoKeep = -1)
{
    int in[2], out[2], err[2];
    Ran ran;
    if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0)
        return ran;
    const CallerStdio caller{in[0], out[1], err[1]};
    auto pipes = makeStdioPipes(caller);
    if (!pipes)
        return ran;
    const pid_t waiter = ::fork();
    if (waiter == 0) {
        std::vector<int> keep(caller.begin(), caller.end());
        for (const auto* ends : {&pipes->proxy, &pipes->command})
            for (const UniqueFd& fd : *ends)
                keep.push_back(fd.get());
        std::sort(keep.begin(), keep.end());
        closeAllExcept(keep.data(), keep.size());
        const pid_t child = ::fork();
        if (child == 0) {
            for (int fd = 0; fd < 3; ++fd)
                ::dup2(pipes->command[std::size_t(fd)].get(), fd);
            std::vector<int> commandKeeps{0, 1, 2, alsoKeep};
            std::sort(commandKeeps.begin(), commandKeeps.end());
            closeAllExcept(commandKeeps.data(), commandKeeps.size());
            ::_exit(command());
        }
        for (const UniqueFd& fd : pipes->command)
            ::close(fd.get());
        const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, child, 0));
        if (pidfd < 0)
            ::_exit(100);
        copyStdio(caller, *pipes, pidfd);
        int status = 0;
        ::waitpid(child, &status, 0);
        ::_exit(WIFEXITED(status) ? WEXITSTATUS(status) : 101);
    }
    for (int fd : {in[0], out[1], err[1]})
        ::close(fd);
    pipes = {};
    pump(in[1], input, out[0], err[0], ran);
    ::waitpid(waiter, &ran.commandStatus, 0);
    return ran;
}

QByteArray bigInput()
{
    QByteArray input;
    for (int i = 0; input.size() < 1024 * 1024; ++i)
        input += QByteArray::number(i) + '\n';
    return input;
}

} // namespace

class TestStdioProxy : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { std::signal(SIGPIPE, SIG_IGN); }

    // A megabyte each way at once: neither side waits for the other.
    void bothWaysWithoutDeadlock()
    {
        const QByteArray input = bigInput();
        const Ran ran = run(input, [] {
            char buffer[4096];
            for (ssize_t n; (n = ::read(0, buffer, sizeof buffer)) > 0;) {
                if (::write(1, buffer, std::size_t(n)) != n || ::write(2, buffer, std::size_t(n)) != n)
                    return 1;
            }
            return 3; // reached only with the caller's EOF
        });
        QVERIFY(WIFEXITED(ran.commandStatus));
        QCOMPARE(WEXITSTATUS(ran.commandStatus), 3);
        QCOMPARE(ran.out.size(), input.size());
        QVERIFY(ran.out == input);
        QVERIFY(ran.err == input);
    }

    // The command ends without reading; what it wrote still arrives and
    // the copying ends (the caller's writes then fail with EPIPE).
    void commandThatNeverReads()
    {
        const Ran ran = run(bigInput(), [] { return ::write(1, "bye\n", 4) == 4 ? 0 : 1; });
        QCOMPARE(ran.out, QByteArray("bye\n"));
        QVERIFY(ran.err.isEmpty());
        QVERIFY(WIFEXITED(ran.commandStatus) && WEXITSTATUS(ran.commandStatus) == 0);
    }

    // A child left behind holds stdout open: the exec still ends once the
    // command has exited and its output is forwarded.
    void childKeepsOutputOpen()
    {
        int hold[2];
        QCOMPARE(::pipe(hold), 0);
        const Ran ran = run(
            "in\n",
            [&] {
                if (::fork() == 0) {
                    // Only its stdio and the pipe it waits on, as after an exec.
                    const int keep[] = {0, 1, 2, hold[0]};
                    closeAllExcept(keep, std::size(keep));
                    char byte;
                    (void)!::read(hold[0], &byte, 1); // until the test lets go
                    ::_exit(0);
                }
                copyAll(0, 1);
                return 0;
            },
            hold[0]);
        ::close(hold[0]);
        ::close(hold[1]);
        QCOMPARE(ran.out, QByteArray("in\n"));
        QVERIFY(WIFEXITED(ran.commandStatus) && WEXITSTATUS(ran.commandStatus) == 0);
    }

    void closeAllExceptKeepsOnlyThose()
    {
        int a[2], b[2];
        QCOMPARE(::pipe(a), 0);
        QCOMPARE(::pipe(b), 0);
        const pid_t child = ::fork();
        if (child == 0) {
            int keep[] = {-1, 0, 1, 2, a[1], a[1], b[0]};
            std::sort(std::begin(keep), std::end(keep));
            closeAllExcept(keep, std::size(keep));
            const bool right = ::fcntl(a[1], F_GETFD) >= 0 && ::fcntl(b[0], F_GETFD) >= 0 &&
                               ::fcntl(a[0], F_GETFD) < 0 && ::fcntl(b[1], F_GETFD) < 0;
            ::_exit(right ? 0 : 1);
        }
        int status = 0;
        ::waitpid(child, &status, 0);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
        for (int fd : {a[0], a[1], b[0], b[1]})
            ::close(fd);
    }
};

QTEST_GUILESS_MAIN(TestStdioProxy)
#include "test_stdio_proxy.moc"
