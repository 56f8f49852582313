// System containers: busybox init as PID 1, a console, exec, clean halt,
// and a container that outlives whoever started it.
#include "integration_env.h"
#include "lifecycle_fixture.h"

#include <QtTest/QtTest>

#include <csignal>
#include <filesystem>
#include <fstream>

#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace berth;
using namespace berth::test;

namespace {

// Gone, or a zombie waiting for the host's init to reap it.
bool processRuns(pid_t pid)
{
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text;
    if (!std::getline(stat, text))
        return false;
    const auto close = text.rfind(')');
    return close != std::string::npos && close + 2 < text.size() && text[close + 2] != 'Z';
}

} // namespace

class TestLifecycleSystem : public QObject {
    Q_OBJECT

private:
    Engine m_engine = makeEngine();

    void createAndStart(const std::string& name)
    {
        auto created = m_engine.create({.name = name, .kind = ContainerKind::System});
        QVERIFY2(created, created ? "" : created.error().describe().c_str());
        auto started = m_engine.start(name);
        QVERIFY2(started, started ? "" : started.error().describe().c_str());
    }

private slots:
    void bootsExecsAndHalts()
    {
        createAndStart("sys");
        auto state = m_engine.state("sys");
        QVERIFY(state);
        QCOMPARE(state->state, RunState::Running);
        QVERIFY(state->initPid > 0);
        QVERIFY(state->startedAt > 0);

        const RunResult ps = execCaptured(m_engine, "sys", {"ps", "-o", "pid,comm"});
        QCOMPARE(ps.exit.code, 0);
        // PID 1 is busybox's init; the host's processes are not there.
        QVERIFY2(ps.output.find("    1 init") != std::string::npos, ps.output.c_str());
        QVERIFY2(ps.output.find("berth-monitor") == std::string::npos, ps.output.c_str());

        // LXC's common.conf drops for system containers, and the filter.
        const RunResult status1 = execCaptured(m_engine, "sys", {"cat", "/proc/1/status"});
        const auto bnd = status1.output.find("CapBnd:\t");
        QVERIFY2(bnd != std::string::npos, status1.output.c_str());
        const unsigned long long bounding = std::stoull(status1.output.substr(bnd + 8, 16), nullptr, 16);
        for (int dropped : {16 /* sys_module */, 17 /* sys_rawio */, 25 /* sys_time */, 32, 33 /* mac_* */})
            QVERIFY2(!(bounding & (1ULL << dropped)), status1.output.c_str());
        QVERIFY(bounding & (1ULL << 21)); // sys_admin stays: the init mounts
        QVERIFY2(status1.output.find("Seccomp:\t2") != std::string::npos, status1.output.c_str());

        const RunResult host = execCaptured(m_engine, "sys", {"hostname"});
        QCOMPARE(host.output, std::string("sys\n"));
        const RunResult status = execCaptured(m_engine, "sys", {"sh", "-c", "exit 7"});
        QCOMPARE(status.exit.code, 7);

        const auto before = std::chrono::steady_clock::now();
        auto stopped = m_engine.stop("sys", std::chrono::seconds(20));
        QVERIFY2(stopped, stopped ? "" : stopped.error().describe().c_str());
        state = m_engine.state("sys");
        QVERIFY(state);
        QCOMPARE(state->state, RunState::Stopped);
        QVERIFY(state->lastExit);
        // busybox init halted by itself (the kernel ends a pid namespace's
        // init that calls reboot with SIGINT/SIGHUP); SIGKILL would mean the
        // timeout expired.
        QVERIFY2(state->lastExit->signal != SIGKILL, state->lastError.c_str());
        QVERIFY(state->lastError.empty());
        QVERIFY(std::chrono::steady_clock::now() - before < std::chrono::seconds(20));
        QVERIFY(m_engine.destroy("sys"));
    }

    void consoleShowsInitOutputAndTakesInput()
    {
        createAndStart("cons");
        auto console = m_engine.console("cons");
        QVERIFY2(console, console ? "" : console.error().describe().c_str());
        const std::string boot = readUntil(console->get(), "activate this console", 10000);
        QVERIFY2(boot.find("Berth: busybox container cons is up") != std::string::npos, boot.c_str());
        QVERIFY2(boot.find("activate this console") != std::string::npos, boot.c_str());

        const std::string enter = "\n";
        QCOMPARE(::send(console->get(), enter.data(), enter.size(), MSG_NOSIGNAL), ssize_t(enter.size()));
        readUntil(console->get(), "# ", 10000);
        const std::string command = "echo console-$((6*7))\n";
        QCOMPARE(::send(console->get(), command.data(), command.size(), MSG_NOSIGNAL), ssize_t(command.size()));
        const std::string answer = readUntil(console->get(), "console-42", 10000);
        QVERIFY2(answer.find("console-42") != std::string::npos, answer.c_str());
        QVERIFY(m_engine.resizeConsole("cons", 0, 40, 120));

        // Everything the console showed is in the log too.
        QVERIFY(m_engine.stop("cons", std::chrono::seconds(20)));
        const std::string log = readConsoleLog(m_engine, "cons");
        QVERIFY2(log.find("is up") != std::string::npos, log.c_str());
        QVERIFY2(log.find("console-42") != std::string::npos, log.c_str());
        QVERIFY(m_engine.destroy("cons"));
    }

    void execWithPty()
    {
        createAndStart("ptyexec");
        ExecRequest request{.argv = {"sh", "-c", "tty; exit 5"}, .allocatePty = true};
        auto process = m_engine.exec("ptyexec", request);
        QVERIFY2(process, process ? "" : process.error().describe().c_str());
        QVERIFY(process->ptyMaster() >= 0);
        const std::string out = readUntil(process->ptyMaster(), "\n", 10000);
        QVERIFY2(out.find("/dev/pts/") != std::string::npos, out.c_str());
        auto status = process->wait();
        QVERIFY(status);
        QCOMPARE(status->code, 5);
        QVERIFY(m_engine.destroy("ptyexec", true));
    }

    void survivesTheKilledCaller()
    {
        QVERIFY(m_engine.create({.name = "survivor", .kind = ContainerKind::System}));
        const pid_t caller = ::fork();
        QVERIFY(caller >= 0);
        if (caller == 0) {
            Engine engine = makeEngine();
            const bool ok = engine.start("survivor").has_value();
            if (ok)
                ::kill(::getpid(), SIGKILL);
            ::_exit(1);
        }
        int status = 0;
        QCOMPARE(::waitpid(caller, &status, 0), caller);
        QVERIFY2(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "the caller failed to start the container");
        auto state = m_engine.state("survivor");
        QVERIFY(state);
        QCOMPARE(state->state, RunState::Running);
        QCOMPARE(::kill(state->initPid, 0), 0);
        QVERIFY(m_engine.stop("survivor", std::chrono::seconds(20)));
        QVERIFY(m_engine.destroy("survivor"));
    }

    void stopKillsAnInitThatIgnoresTheHaltSignal()
    {
        QVERIFY(m_engine.create({.name = "stubborn", .kind = ContainerKind::System}));
        // An init that ignores its halt signal: SIGKILL after the timeout.
        const auto config = m_engine.settings().paths.configFile("stubborn");
        {
            std::ofstream out(config, std::ios::app);
            out << "lxc.init.cmd = /bin/sh -c 'trap \"\" PWR; while :; do sleep 1; done'\n";
        }
        QVERIFY(m_engine.start("stubborn"));
        QVERIFY(m_engine.stop("stubborn", std::chrono::milliseconds(500)));
        auto state = m_engine.state("stubborn");
        QVERIFY(state && state->lastExit);
        QCOMPARE(state->lastExit->signal, SIGKILL);
        QVERIFY2(!state->lastError.empty(), "the record should say the init was killed");
        QVERIFY(m_engine.destroy("stubborn"));
    }

    // A namespace's init drops a signal it has no handler for: a halt asked
    // for while the init is still starting waits until the init takes it
    // (on the slower UML kernel a busybox init restarted and stopped at once
    // lost its halt and was killed after the timeout). Here the init is a
    // shell that sets its trap a second after it starts.
    void aHaltAskedForDuringStartupIsNotLost()
    {
        QVERIFY(m_engine.create({.name = "early", .kind = ContainerKind::System}));
        {
            std::ofstream out(m_engine.settings().paths.configFile("early"), std::ios::app);
            out << "lxc.init.cmd = /bin/sh -c 'sleep 1; trap \"exit 0\" PWR; while :; do sleep 1; done'\n";
        }
        QVERIFY(m_engine.start("early"));
        auto stopped = m_engine.stop("early", std::chrono::seconds(20));
        QVERIFY2(stopped, stopped ? "" : stopped.error().describe().c_str());
        auto state = m_engine.state("early");
        QVERIFY(state && state->lastExit);
        QVERIFY2(state->lastExit->signal == 0 && state->lastExit->code == 0, state->lastError.c_str());
        QVERIFY2(state->lastError.empty(), state->lastError.c_str());
        QVERIFY(m_engine.destroy("early"));
    }

    // Issue #20: a container that lost its monitor is unmanaged, never
    // stopped; nothing but a stop (or a forced destroy) ends it.
    void aKilledMonitorLeavesItUnmanagedUntilStopped()
    {
        createAndStart("orphan");
        auto before = m_engine.state("orphan");
        QVERIFY(before && before->monitorPid > 0);
        const pid_t oldInit = before->initPid;
        QCOMPARE(::kill(before->monitorPid, SIGKILL), 0);
        for (int i = 0; i < 100 && m_engine.state("orphan")->state != RunState::Unmanaged; ++i)
            ::usleep(10000);
        auto after = m_engine.state("orphan");
        QVERIFY(after);
        QCOMPARE(after->state, RunState::Unmanaged);
        QCOMPARE(after->initPid, oldInit);
        QVERIFY2(after->lastError.find("monitor") != std::string::npos, after->lastError.c_str());
        // A start would run a second init beside the first; exec, a console,
        // a signal and a plain destroy need the monitor or a stop first.
        auto restarted = m_engine.start("orphan");
        QVERIFY(!restarted);
        QCOMPARE(restarted.error().code, EBUSY);
        QVERIFY(!m_engine.exec("orphan", ExecRequest{.argv = {"/bin/true"}}));
        QVERIFY(!m_engine.console("orphan", 0));
        QVERIFY(!m_engine.kill("orphan", SIGTERM));
        QVERIFY(!m_engine.destroy("orphan"));
        QVERIFY(processRuns(oldInit));
        // The stop kills what its cgroup holds and does the monitor's teardown.
        auto stopped = m_engine.stop("orphan", std::chrono::seconds(20));
        QVERIFY2(stopped, stopped ? "" : stopped.error().describe().c_str());
        QVERIFY(!processRuns(oldInit));
        auto ended = m_engine.state("orphan");
        QVERIFY(ended && ended->state == RunState::Stopped);
        QVERIFY(!std::filesystem::exists(m_engine.settings().paths.monitorSocket("orphan")));
        auto again = m_engine.start("orphan");
        QVERIFY2(again, again ? "" : again.error().describe().c_str());
        QVERIFY(m_engine.stop("orphan", std::chrono::seconds(20)));
        QVERIFY(m_engine.destroy("orphan"));
    }

    // Issue #20: a damaged state file does not make a running container
    // stopped: the monitor writes it again.
    void aDamagedStateFileIsWrittenAgainByTheMonitor()
    {
        createAndStart("scribbled");
        const auto file = m_engine.settings().paths.stateFile("scribbled");
        for (const char* text : {"{\"state\":\"runn", "", "\x01 not json"}) {
            QVERIFY(std::ofstream(file, std::ios::trunc) << text);
            auto state = m_engine.state("scribbled");
            QVERIFY2(state, state ? "" : state.error().describe().c_str());
            QCOMPARE(state->state, RunState::Running);
            QVERIFY(state->initPid > 0);
        }
        QVERIFY(m_engine.stop("scribbled", std::chrono::seconds(20)));
        QVERIFY(m_engine.destroy("scribbled"));
    }

    void destroyLeavesNothing()
    {
        createAndStart("gone");
        const Paths& paths = m_engine.settings().paths;
        auto refused = m_engine.destroy("gone");
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, EBUSY);
        QVERIFY(m_engine.state("gone")->state == RunState::Running);
        auto forced = m_engine.destroy("gone", true);
        QVERIFY2(forced, forced ? "" : forced.error().describe().c_str());
        QVERIFY(!std::filesystem::exists(paths.containerDir("gone")));
        QVERIFY(!std::filesystem::exists(paths.containerRunDir("gone")));
        QVERIFY(!std::filesystem::exists(paths.logFile("gone")));
        QVERIFY(!m_engine.state("gone"));
        // The cgroup, mounts and processes are checked by the environment.
    }
};

BERTH_INTEGRATION_MAIN(TestLifecycleSystem)
#include "test_lifecycle_system.moc"
