// exec's failures before its command runs reach the caller as exec's own
// error, with the step and errno (issue #17 item 2), on the pipes and on a
// pty; a command that runs still gives its exit status.
#include "integration_env.h"
#include "lifecycle_fixture.h"

#include <QtTest/QtTest>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

using namespace berth;
using namespace berth::test;

class TestExecErrors : public QObject {
    Q_OBJECT

private:
    Engine m_engine = makeEngine();

    // With the caller's stdout and stderr, as berthctl exec without a tty.
    Result<ExecProcess> execWithPipe(const std::string& name, ExecRequest request)
    {
        int pipeFds[2];
        if (::pipe2(pipeFds, O_CLOEXEC) != 0)
            return failErrno(errno, "pipe");
        request.stdoutFd = pipeFds[1];
        request.stderrFd = pipeFds[1];
        auto process = m_engine.exec(name, request);
        ::close(pipeFds[1]);
        ::close(pipeFds[0]);
        return process;
    }

    static void verifyError(const Result<ExecProcess>& process, int code, const std::string& message,
                            bool commandNotRun)
    {
        QVERIFY2(!process, "exec reported no error");
        QCOMPARE(process.error().code, code);
        QVERIFY2(process.error().message.find(message) != std::string::npos, process.error().message.c_str());
        QCOMPARE(process.error().commandNotRun, commandNotRun);
    }

private slots:
    // The default (a user namespace of its own) and a privileged one.
    void initTestCase()
    {
        for (const auto& [name, privileged] : {std::pair{"target", false}, {"privileged", true}}) {
            CreateRequest request{.name = name,
                                  .kind = ContainerKind::Application,
                                  .privileged = privileged,
                                  .command = {"sleep", "1000"}};
            QVERIFY(m_engine.create(request));
            auto started = m_engine.start(name);
            QVERIFY2(started, started ? "" : started.error().describe().c_str());
        }
    }

    void cleanupTestCase()
    {
        (void)m_engine.destroy("target", true);
        (void)m_engine.destroy("privileged", true);
    }

    void failuresAreExecsError_data()
    {
        QTest::addColumn<QString>("container");
        QTest::addColumn<bool>("pty");
        for (const char* container : {"target", "privileged"}) {
            QTest::addRow("%s, pipes", container) << QString(container) << false;
            QTest::addRow("%s, pty", container) << QString(container) << true;
        }
    }

    void failuresAreExecsError()
    {
        QFETCH(QString, container);
        QFETCH(bool, pty);
        const std::string name = container.toStdString();
        auto exec = [&](ExecRequest request) {
            request.allocatePty = pty;
            return pty ? m_engine.exec(name, request) : execWithPipe(name, request);
        };
        verifyError(exec({.argv = {"/no/such/command"}}), ENOENT, "run '/no/such/command': No such file", true);
        verifyError(exec({.argv = {"no-such-command"}}), ENOENT, "run 'no-such-command'", true);
        verifyError(exec({.argv = {"/etc"}}), EACCES, "run '/etc': Permission denied", true);
        verifyError(exec({.argv = {"true"}, .cwd = "/no/such/dir"}), ENOENT,
                    "change directory to '/no/such/dir': No such file", false);
        QVERIFY2(
            exec({.argv = {"true"}, .cwd = "/no/such/dir"}).error().message.starts_with("exec in '" + name + "': "),
            "the error names the exec and its container");
    }

    // The command ran: its own failure is its exit status, as before.
    void aRunningCommandsFailureIsItsStatus()
    {
        const RunResult result = execCaptured(m_engine, "target", {"sh", "-c", "echo ran; exit 127"});
        QCOMPARE(result.output, std::string("ran\n"));
        QCOMPARE(result.exit.code, 127);
    }

    // The command, cloned with every signal blocked (no handler of the
    // helper's may run on memory it shares with its waiter), gets the mask
    // back before its execve.
    void commandStartsWithNoSignalBlocked()
    {
        const RunResult result = execCaptured(m_engine, "target", {"grep", "^SigBlk:", "/proc/self/status"});
        QCOMPARE(result.output, std::string("SigBlk:\t0000000000000000\n"));
    }

    // With fs.suid_dumpable at 1, the command could be traced by the
    // container's root once it changed its IDs, while it shares the
    // waiter's memory: refused, and nothing of the setting left changed.
    void suidDumpableDebugRefused()
    {
        const char* path = "/proc/sys/fs/suid_dumpable";
        char before[8] = {};
        const UniqueFd read(::open(path, O_RDONLY | O_CLOEXEC));
        QVERIFY(read && ::read(read.get(), before, sizeof before - 1) > 0);
        const auto set = [path](const char* value) {
            const UniqueFd file(::open(path, O_WRONLY | O_CLOEXEC));
            return file && ::write(file.get(), value, std::strlen(value)) == ssize_t(std::strlen(value));
        };
        QVERIFY(set("1"));
        const auto refused = execWithPipe("target", {.argv = {"true"}});
        const RunResult privileged = execCaptured(m_engine, "privileged", {"true"});
        QVERIFY(set(before));
        verifyError(refused, EPERM, "fs.suid_dumpable is 1", false);
        QCOMPARE(privileged.exit.code, 0); // root in the container is host root there anyway
    }
};

BERTH_INTEGRATION_MAIN(TestExecErrors)
#include "test_exec_errors.moc"
