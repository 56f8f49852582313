// berth-init as PID 1 of a new pid namespace: exit statuses, signal
// forwarding, and what happens to processes the command leaves behind.
#include "child_process.h"
#include "integration_env.h"

#include <QtTest/QtTest>

#include <algorithm>
#include <cstdlib>

#include <fcntl.h>
#include <sys/ioctl.h>
#include <termios.h>

using berth::test::ChildProcess;

namespace {

const char* const kInit = BERTH_BUILD_LIBEXECDIR "/berth-init";

// berth-init with stdin from `input` and stdout+stderr into `output`.
struct InitRun {
    ChildProcess process;
    berth::UniqueFd input;  // write end of the command's stdin
    berth::UniqueFd output; // read end of its stdout and stderr
};

bool startInit(const QStringList& args, InitRun& run)
{
    int in[2], out[2];
    if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0)
        return false;
    std::vector<std::string> strings{kInit};
    for (const QString& a : args)
        strings.push_back(a.toStdString());
    std::vector<char*> argv;
    for (std::string& s : strings)
        argv.push_back(s.data());
    argv.push_back(nullptr);
    std::fflush(stdout);
    const pid_t pid = berth::test::forkInto(CLONE_NEWPID);
    if (pid == 0) {
        ::dup2(in[0], STDIN_FILENO);
        ::dup2(out[1], STDOUT_FILENO);
        ::dup2(out[1], STDERR_FILENO);
        ::execv(kInit, argv.data());
        ::_exit(99);
    }
    ::close(in[0]);
    ::close(out[1]);
    run.process = ChildProcess(pid);
    run.input = berth::UniqueFd(in[1]);
    run.output = berth::UniqueFd(out[0]);
    return pid > 0;
}

// berth-init as the engine starts it: leading its own session with a pty
// slave as its controlling terminal and stdio. `master` is the other side.
bool startInitOnTerminal(const QStringList& args, ChildProcess& process, berth::UniqueFd& master)
{
    master = berth::UniqueFd(::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC));
    if (!master || ::grantpt(master.get()) != 0 || ::unlockpt(master.get()) != 0)
        return false;
    const std::string slave = ::ptsname(master.get());
    std::vector<std::string> strings{kInit};
    for (const QString& a : args)
        strings.push_back(a.toStdString());
    std::vector<char*> argv;
    for (std::string& s : strings)
        argv.push_back(s.data());
    argv.push_back(nullptr);
    std::fflush(stdout);
    const pid_t pid = berth::test::forkInto(CLONE_NEWPID);
    if (pid == 0) {
        const int tty = ::open(slave.c_str(), O_RDWR | O_NOCTTY);
        if (::setsid() < 0 || tty < 0 || ::ioctl(tty, TIOCSCTTY, 0) != 0)
            ::_exit(98);
        for (int fd = 0; fd < 3; ++fd)
            ::dup2(tty, fd);
        ::execv(kInit, argv.data());
        ::_exit(99);
    }
    process = ChildProcess(pid);
    return pid > 0;
}

// Exit code of berth-init itself; -1 when it did not exit normally.
int exitCode(int status)
{
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

} // namespace

class TestBerthInit : public QObject {
    Q_OBJECT

private:
    QString m_notExecutable;

private slots:
    void initTestCase()
    {
        const auto file = berth::test::IntegrationEnvironment::instance().stateRoot() / "not-executable";
        QFile f(QString::fromStdString(file.string()));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("echo should not run\n");
        f.close();
        QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        m_notExecutable = f.fileName();
    }

    void exitStatus_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("expected");
        QTest::addColumn<QString>("message");
        QTest::newRow("exit code") << QStringList{"sh", "-c", "exit 7"} << 7 << "";
        QTest::newRow("after --") << QStringList{"--", "sh", "-c", "exit 3"} << 3 << "";
        QTest::newRow("success") << QStringList{"true"} << 0 << "";
        QTest::newRow("killed by a signal") << QStringList{"sh", "-c", "kill -9 $$"} << 128 + SIGKILL << "";
        QTest::newRow("terminated by a signal") << QStringList{"sh", "-c", "kill -TERM $$"} << 128 + SIGTERM << "";
        QTest::newRow("missing command") << QStringList{"/nonexistent/cmd"} << 127
                                         << "berth-init: cannot run '/nonexistent/cmd': No such file or directory";
        QTest::newRow("not on PATH") << QStringList{"berth-no-such-command"} << 127
                                     << "berth-init: cannot run 'berth-no-such-command': No such file or directory";
        QTest::newRow("not executable") << QStringList{m_notExecutable} << 126
                                        << "berth-init: cannot run '" + m_notExecutable + "': Permission denied";
        QTest::newRow("no command") << QStringList{} << 2 << "usage: berth-init";
        // The orphan keeps running after the command: berth-init ends it.
        QTest::newRow("orphan left behind") << QStringList{"sh", "-c", "sleep 100 & exit 0"} << 0 << "";
        QTest::newRow("orphan ignoring SIGTERM")
            << QStringList{"sh", "-c", "(trap '' TERM; exec sleep 100) & exit 5"} << 5 << "";
    }

    void exitStatus()
    {
        QFETCH(QStringList, args);
        QFETCH(int, expected);
        QFETCH(QString, message);
        InitRun run;
        QVERIFY(startInit(args, run));
        run.input.reset();
        const QString output = QString::fromStdString(berth::test::readAll(run.output.get()));
        QCOMPARE(exitCode(run.process.wait()), expected);
        if (!message.isEmpty())
            QVERIFY2(output.contains(message), qPrintable(output));
    }

    void forwardsSignals_data()
    {
        QTest::addColumn<int>("signal");
        QTest::addColumn<int>("expected");
        QTest::newRow("SIGTERM") << int(SIGTERM) << 128 + SIGTERM;
        QTest::newRow("SIGINT") << int(SIGINT) << 128 + SIGINT;
        QTest::newRow("SIGHUP") << int(SIGHUP) << 128 + SIGHUP;
        QTest::newRow("SIGUSR1") << int(SIGUSR1) << 128 + SIGUSR1;
        // Halt requests from the engine become SIGTERM for the command.
        QTest::newRow("SIGPWR") << int(SIGPWR) << 128 + SIGTERM;
        QTest::newRow("SIGRTMIN+3") << int(SIGRTMIN + 3) << 128 + SIGTERM;
    }

    void forwardsSignals()
    {
        QFETCH(int, signal);
        QFETCH(int, expected);
        InitRun run;
        QVERIFY(startInit({"sh", "-c", "echo ready; exec sleep 100"}, run));
        // Once the command runs, berth-init has blocked its signals.
        QCOMPARE(berth::test::readLine(run.output.get()), std::string("ready"));
        QCOMPARE(::kill(run.process.pid(), signal), 0);
        QCOMPARE(exitCode(run.process.wait()), expected);
    }

    // Processes left behind get SIGTERM first, so they can clean up.
    void orphansGetSigterm()
    {
        InitRun run;
        QVERIFY(
            startInit({"sh", "-c",
                       "sh -c 'trap \"echo got-term; exit 0\" TERM; echo armed; sleep 100 & wait' & read line; exit 4"},
                      run));
        QCOMPARE(berth::test::readLine(run.output.get()), std::string("armed"));
        QCOMPARE(::write(run.input.get(), "\n", 1), ssize_t(1));
        const std::string rest = berth::test::readAll(run.output.get());
        QCOMPARE(exitCode(run.process.wait()), 4);
        QVERIFY2(rest.find("got-term") != std::string::npos, rest.c_str());
    }

    // The command leads its own session and process group (pid 2 in the
    // namespace, after berth-init).
    void commandHasItsOwnSession()
    {
        InitRun run;
        QVERIFY(startInit({"sh", "-c", "exec grep -E '^NS(pid|pgid|sid):' /proc/self/status"}, run));
        run.input.reset();
        const QStringList lines =
            QString::fromStdString(berth::test::readAll(run.output.get())).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(exitCode(run.process.wait()), 0);
        QCOMPARE(lines.size(), 3);
        for (const QString& line : lines)
            QVERIFY2(line.section('\t', -1) == "2", qPrintable(line));
    }

    // The terminal berth-init was given becomes the command's controlling
    // terminal with the command's group in the foreground: a shell gets job
    // control and Ctrl-C reaches the foreground job (issue #16, item 5).
    void commandGetsTheTerminal()
    {
        ChildProcess process;
        berth::UniqueFd master;
        QVERIFY(startInitOnTerminal({"sh", "-c", "exec cat /proc/self/stat"}, process, master));
        std::string output;
        char buffer[4096];
        ssize_t got;
        while ((got = ::read(master.get(), buffer, sizeof buffer)) > 0 || (got < 0 && errno == EINTR))
            output.append(buffer, size_t(std::max<ssize_t>(got, 0)));
        QCOMPARE(exitCode(process.wait()), 0);
        // Fields after "(cat) ": state ppid pgrp session tty_nr tpgid.
        const QStringList fields = QString::fromStdString(output).section(')', -1).split(' ', Qt::SkipEmptyParts);
        QVERIFY2(fields.size() > 5, output.c_str());
        QVERIFY2(fields.at(4) != "0", output.c_str());          // it has a controlling terminal
        QVERIFY2(fields.at(5) == fields.at(2), output.c_str()); // and its group is the foreground one
    }
};

BERTH_INTEGRATION_MAIN(TestBerthInit)
#include "test_berth_init.moc"
