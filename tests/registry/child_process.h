// Programs the registry harness runs: a server kept in the background
// (docker-registry) and commands run to their end (skopeo, openssl), each
// with its output captured, each ended by its own PID.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <sys/types.h>

namespace berth::test {

// What a command run to its end said.
struct CommandResult {
    int exitCode = -1;  // -1: did not start or was killed by a signal
    std::string output; // stdout and stderr together
};

// Runs argv[0] (searched in PATH) with the given arguments and waits for it.
CommandResult runCommand(const std::vector<std::string>& argv);

// A program started in the background, its stdout and stderr sent to files.
class BackgroundProcess {
public:
    BackgroundProcess() = default;
    BackgroundProcess(const BackgroundProcess&) = delete;
    BackgroundProcess& operator=(const BackgroundProcess&) = delete;
    ~BackgroundProcess() { stop(); }

    bool start(const std::vector<std::string>& argv, const std::filesystem::path& stdoutFile,
               const std::filesystem::path& stderrFile, std::string* why);
    // SIGTERM, then SIGKILL after two seconds; reaps the child. Idempotent.
    void stop();
    // False once the child has exited (it is reaped then).
    bool running();
    [[nodiscard]] pid_t pid() const { return m_pid; }

private:
    pid_t m_pid = -1;
};

std::string readWholeFile(const std::filesystem::path& file);
bool writeWholeFile(const std::filesystem::path& file, const std::string& data);

} // namespace berth::test
