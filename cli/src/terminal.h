// Moving bytes between the user's terminal and a console or pty: raw mode
// restored on every way out (including SIGTERM/SIGHUP/SIGINT, which end
// the relay instead of the process), the Ctrl-a q detach sequence, and
// window size changes passed on.
#pragma once

#include <functional>
#include <termios.h>

namespace berth::cli {

// Puts a terminal in raw mode; the destructor puts back what was there.
class RawTerminal {
public:
    explicit RawTerminal(int fd);
    ~RawTerminal();
    RawTerminal(const RawTerminal&) = delete;
    RawTerminal& operator=(const RawTerminal&) = delete;

    [[nodiscard]] bool active() const { return m_active; }

private:
    int m_fd;
    termios m_saved{};
    bool m_active = false;
};

enum class RelayEnd { RemoteClosed, Detached, Signalled, Stopped, Failed };

struct RelayOptions {
    int remote = -1;             // the console socket or pty master
    bool forwardInput = true;    // stdin to remote
    bool detachSequence = false; // watch stdin for Ctrl-a q
    std::function<void(unsigned short rows, unsigned short columns)> onResize;
    // Asked about twice a second; false ends the relay (the container stopped).
    std::function<bool()> stillRunning;
};

RelayEnd relay(const RelayOptions& options);

// The size of the terminal on fd, false if it is none.
bool terminalSize(int fd, unsigned short* rows, unsigned short* columns);

} // namespace berth::cli
