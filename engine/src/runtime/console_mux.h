// One console or tty of a running container: the pty master the monitor
// holds, the clients attached to it, the log, and a ring of recent output
// replayed to each new client.
#pragma once

#include "berth/unique_fd.h"

#include <chrono>
#include <deque>
#include <memory>
#include <string>
#include <vector>

namespace berth::runtime {

class ConsoleLog;

class ConsoleMux {
public:
    // `log` (may be null) outlives the mux.
    ConsoleMux(UniqueFd master, std::size_t ringSize, ConsoleLog* log);

    [[nodiscard]] int masterFd() const { return m_master.get(); }
    // After a hangup (no slave open, e.g. agetty restarting) the master
    // reports POLLHUP until someone reopens the slave: poll it again later.
    [[nodiscard]] bool masterPaused(std::chrono::steady_clock::time_point now) const { return now < m_pausedUntil; }

    // Reads what the container wrote; false after a hangup (paused for a while).
    bool readMaster();
    // Output still in the kernel buffer when the container has exited.
    void drainMaster();

    // Attaches a client socket: it gets the recent output, then everything new.
    void addClient(UniqueFd client);
    [[nodiscard]] std::vector<int> clientFds() const;
    // Input from a client goes to the container; false when the client left.
    bool readClient(int fd);
    void removeClient(int fd);
    void setWindowSize(unsigned short rows, unsigned short cols);

private:
    void broadcast(const char* data, std::size_t size);
    void remember(const char* data, std::size_t size);

    UniqueFd m_master;
    std::size_t m_ringSize;
    ConsoleLog* m_log;
    std::deque<char> m_ring;
    std::vector<UniqueFd> m_clients;
    std::chrono::steady_clock::time_point m_pausedUntil{};
};

} // namespace berth::runtime
