#include "terminal.h"

#include "escape_detector.h"
#include "local_fd.h"

#include <QByteArray>

#include <array>
#include <cerrno>
#include <optional>
#include <tuple>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace berth::cli {
namespace {

int g_signalPipe = -1;

extern "C" void onRelaySignal(int signal)
{
    const int saved = errno;
    const char byte = char(signal);
    if (g_signalPipe >= 0)
        (void)!::write(g_signalPipe, &byte, 1);
    errno = saved;
}

// Handlers that only write to a pipe, for the relay's lifetime; any thread
// (QtDBus has one) may take the signal, the relay loop reads the pipe.
class SignalPipe {
public:
    static constexpr std::array<int, 4> kSignals{SIGWINCH, SIGTERM, SIGHUP, SIGINT};

    SignalPipe()
    {
        auto pipe = client::LocalFd::pipe(O_NONBLOCK);
        if (!pipe)
            return;
        std::tie(m_read, m_write) = std::move(*pipe);
        g_signalPipe = m_write.get();
        struct sigaction action {};
        action.sa_handler = onRelaySignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        for (size_t i = 0; i < kSignals.size(); ++i)
            ::sigaction(kSignals[i], &action, &m_previous[i]);
    }
    ~SignalPipe()
    {
        for (size_t i = 0; i < kSignals.size(); ++i)
            ::sigaction(kSignals[i], &m_previous[i], nullptr);
        g_signalPipe = -1;
    }
    [[nodiscard]] int readEnd() const { return m_read.get(); }

private:
    client::LocalFd m_read;
    client::LocalFd m_write;
    std::array<struct sigaction, kSignals.size()> m_previous{};
};

bool writeAll(int fd, const char* data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN) {
            pollfd p{fd, POLLOUT, 0};
            ::poll(&p, 1, -1);
            continue;
        }
        if (n <= 0)
            return false;
        data += n;
        size -= size_t(n);
    }
    return true;
}

// -1: error or end; else bytes read into buffer.
ssize_t readSome(int fd, QByteArray& buffer)
{
    buffer.resize(8192);
    ssize_t n;
    do {
        n = ::read(fd, buffer.data(), size_t(buffer.size()));
    } while (n < 0 && errno == EINTR);
    buffer.resize(n > 0 ? n : 0);
    return n > 0 ? n : -1;
}

// Drains the signal pipe; true when a terminating signal arrived.
bool handleSignals(int pipeFd, const RelayOptions& options)
{
    char signals[16];
    const ssize_t n = ::read(pipeFd, signals, sizeof signals);
    bool terminate = false;
    for (ssize_t i = 0; i < n; ++i) {
        if (signals[i] == SIGWINCH) {
            unsigned short rows = 0, columns = 0;
            if (options.onResize && terminalSize(STDIN_FILENO, &rows, &columns))
                options.onResize(rows, columns);
        } else {
            terminate = true;
        }
    }
    return terminate;
}

} // namespace

RawTerminal::RawTerminal(int fd) : m_fd(fd)
{
    if (!::isatty(fd) || ::tcgetattr(fd, &m_saved) != 0)
        return;
    termios raw = m_saved;
    ::cfmakeraw(&raw);
    m_active = ::tcsetattr(fd, TCSANOW, &raw) == 0;
}

RawTerminal::~RawTerminal()
{
    if (m_active)
        ::tcsetattr(m_fd, TCSAFLUSH, &m_saved);
}

bool terminalSize(int fd, unsigned short* rows, unsigned short* columns)
{
    winsize size{};
    if (::ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0)
        return false;
    *rows = size.ws_row;
    *columns = size.ws_col;
    return true;
}

namespace {

// One side each: what the remote wrote goes to stdout, what the user typed
// to the remote (through the detach detector). nullopt: keep going.
std::optional<RelayEnd> pumpRemote(int remote, QByteArray& buffer)
{
    if (readSome(remote, buffer) < 0)
        return RelayEnd::RemoteClosed;
    if (!writeAll(STDOUT_FILENO, buffer.constData(), size_t(buffer.size())))
        return RelayEnd::Failed;
    return std::nullopt;
}

std::optional<RelayEnd> pumpInput(const RelayOptions& options, EscapeDetector& escape, QByteArray& buffer,
                                  bool* inputOpen)
{
    if (readSome(STDIN_FILENO, buffer) < 0) {
        // End of input: the remote side keeps its output coming.
        *inputOpen = false;
        return std::nullopt;
    }
    bool detach = false;
    const QByteArray pass = options.detachSequence ? escape.feed(buffer, &detach) : buffer;
    if (!writeAll(options.remote, pass.constData(), size_t(pass.size())))
        return RelayEnd::RemoteClosed;
    return detach ? std::optional(RelayEnd::Detached) : std::nullopt;
}

constexpr short kReadable = POLLIN | POLLHUP | POLLERR;

} // namespace

RelayEnd relay(const RelayOptions& options)
{
    SignalPipe signals;
    EscapeDetector escape;
    bool inputOpen = options.forwardInput;
    QByteArray buffer;
    for (;;) {
        std::array<pollfd, 3> fds{
            {{options.remote, POLLIN, 0}, {signals.readEnd(), POLLIN, 0}, {inputOpen ? STDIN_FILENO : -1, POLLIN, 0}}};
        const int ready = ::poll(fds.data(), fds.size(), 500);
        if (ready < 0 && errno != EINTR)
            return RelayEnd::Failed;
        if (fds[1].revents & POLLIN && handleSignals(signals.readEnd(), options))
            return RelayEnd::Signalled;
        if (fds[0].revents & kReadable) {
            if (auto end = pumpRemote(options.remote, buffer))
                return *end;
        }
        if (fds[2].revents & kReadable) {
            if (auto end = pumpInput(options, escape, buffer, &inputOpen))
                return *end;
        }
        if (ready == 0 && options.stillRunning && !options.stillRunning())
            return RelayEnd::Stopped;
    }
}

} // namespace berth::cli
