// berth-monitor: one per running container. It starts the container,
// holds its console, answers requests on its socket, records how it ended
// and tears everything down.
#pragma once

#include "berth/engine.h"
#include "cgroup/cgroup_manager.h"
#include "cgroup/container_cgroup.h"
#include "runtime/console_log.h"
#include "runtime/console_mux.h"
#include "runtime/container_network.h"
#include "runtime/state_file.h"

#include <chrono>
#include <memory>
#include <optional>
#include <vector>

namespace berth::runtime {

struct MonitorOptions {
    std::string name;
    EngineSettings settings;
    std::vector<std::string> commandOverride;
    int syncFd = -1; // the engine waits here for "running" or an error
};

class Monitor {
public:
    explicit Monitor(MonitorOptions options);
    // Runs until the container has stopped and everything is torn down.
    int run();

private:
    struct PendingReply {
        UniqueFd connection;
    };

    [[nodiscard]] Status setUp();
    void registerWithMachined(const std::filesystem::path& rootfs);
    void releaseCgroupParent();
    // Kills what the container's cgroup holds and removes it: the end of a
    // run or of a failed start; nothing else removes it.
    [[nodiscard]] Status removeCgroup();
    void noteProblem(const std::string& note);
    [[nodiscard]] Status applyConfiguredLimits(const Limits& limits, const cgroup::Layout& layout);
    [[nodiscard]] Status openConsoles(unsigned ttyCount, std::size_t ringSize);
    [[nodiscard]] Status listen();
    void reportStart(const Status& result);
    void loop();
    void settle();
    void handleSignals();
    void acceptConnection();
    void handleRequest(UniqueFd connection);
    void reply(int connection, bool ok, const Error* error = nullptr, int fd = -1);
    void requestStop(std::chrono::milliseconds timeout, UniqueFd waiter);
    void sendSignal(int signal);
    void sendHaltWhenTaken();
    void escalateStop();
    void checkNetworkServices();
    void onInitExited(int waitStatus);
    void tearDown();
    void undoLaunch();
    [[nodiscard]] Status recordState(RunState state);
    void recordStopped();

    MonitorOptions m_options;
    Paths m_paths;
    UniqueFd m_lock;
    UniqueFd m_signalFd;
    UniqueFd m_listen;
    std::unique_ptr<ConsoleLog> m_log;                      // before m_consoles, which write to it
    std::unique_ptr<cgroup::CgroupManager> m_cgroupManager; // cgroupfs or systemd's scope, chosen once
    std::optional<cgroup::ContainerCgroup> m_cgroup;
    std::vector<ConsoleMux> m_consoles; // [0] = /dev/console, then tty1..N
    std::vector<UniqueFd> m_slaves;     // kept until the init owns them
    std::vector<std::string> m_slavePaths;
    std::string m_cgroupParent;
    NetworkPlan m_network;
    bool m_hasForwards = false;
    pid_t m_initPid = 0;
    UniqueFd m_pidfd;
    int m_haltSignal = 0;
    int m_stopSignal = 9;
    bool m_stopSignalSent = false;
    std::chrono::steady_clock::time_point m_initLaunched;
    bool m_haltWaiting = false; // for the starting init to take it
    std::int64_t m_startedAt = 0;
    RunState m_state = RunState::Starting;
    std::optional<ExitStatus> m_exit;
    std::string m_exitNote;
    std::optional<std::chrono::steady_clock::time_point> m_killDeadline;
    std::optional<std::chrono::steady_clock::time_point> m_nextServiceCheck;
    // When a container still running gets the set-up's memory given back.
    std::optional<std::chrono::steady_clock::time_point> m_settleAt;
    std::vector<UniqueFd> m_waiters; // replied to when the container has stopped
};

} // namespace berth::runtime
