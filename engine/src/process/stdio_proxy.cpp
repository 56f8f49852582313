#include "process/stdio_proxy.h"

#include <csignal>

#include <fcntl.h>
#include <linux/capability.h>
#include <linux/close_range.h>
#include <poll.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace berth::runtime {

namespace {

constexpr std::size_t kChunk = 16384;

void closeFd(int& fd)
{
    if (fd >= 0)
        ::close(fd);
    fd = -1;
}

// Writes everything to a caller's descriptor, which may be non-blocking
// (its open file description is shared with the caller).
bool writeAll(int fd, const char* data, std::size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n > 0) {
            data += n;
            size -= std::size_t(n);
        } else if (n < 0 && errno == EAGAIN) {
            pollfd ready{fd, POLLOUT, 0};
            (void)::poll(&ready, 1, -1);
        } else if (n == 0 || errno != EINTR) {
            return false;
        }
    }
    return true;
}

enum class Copied { Data, Nothing, End };

// One read of the command's output pipe, forwarded to the caller. A caller
// that stopped reading ends the stream: the command then gets EPIPE, as it
// would writing to the caller's pipe itself.
Copied forwardOnce(int pipe, int caller)
{
    char buffer[kChunk];
    const ssize_t n = ::read(pipe, buffer, sizeof buffer);
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return Copied::Nothing;
    if (n <= 0)
        return Copied::End;
    return writeAll(caller, buffer, std::size_t(n)) ? Copied::Data : Copied::End;
}

struct Proxy {
    int in = -1; // the caller's stdin (never closed here: it may also be its stdout)
    int inPipe = -1;
    int out[2] = {-1, -1}; // the caller's stdout, stderr
    int outPipe[2] = {-1, -1};
    int done = -1; // the command's pidfd: readable once it has exited
    char pending[kChunk];
    std::size_t pendingStart = 0, pendingEnd = 0;

    [[nodiscard]] bool hasPending() const { return pendingStart < pendingEnd; }
};

// The caller's stdin ended (or failed): the command reads EOF.
void endInput(Proxy& p)
{
    p.in = -1;
    p.pendingStart = p.pendingEnd = 0;
    closeFd(p.inPipe);
}

void readInput(Proxy& p)
{
    const ssize_t n = ::read(p.in, p.pending, sizeof p.pending);
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return;
    if (n <= 0) {
        endInput(p);
        return;
    }
    p.pendingStart = 0;
    p.pendingEnd = std::size_t(n);
}

void writeInput(Proxy& p)
{
    const ssize_t n = ::write(p.inPipe, p.pending + p.pendingStart, p.pendingEnd - p.pendingStart);
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return;
    if (n <= 0) { // EPIPE: the command closed its stdin; the rest is dropped
        endInput(p);
        return;
    }
    p.pendingStart += std::size_t(n);
}

// One poll round; false once the command has exited.
bool step(Proxy& p)
{
    pollfd fds[5];
    int* owners[5];
    nfds_t count = 0;
    auto watch = [&](int& fd, short events) {
        fds[count] = {fd, events, 0};
        owners[count++] = &fd;
    };
    watch(p.done, POLLIN);
    if (p.in >= 0 && !p.hasPending())
        watch(p.in, POLLIN);
    if (p.inPipe >= 0 && p.hasPending())
        watch(p.inPipe, POLLOUT);
    for (int& pipe : p.outPipe)
        if (pipe >= 0)
            watch(pipe, POLLIN);
    if (::poll(fds, count, -1) < 0)
        return errno == EINTR;
    for (nfds_t i = 0; i < count; ++i) {
        if (fds[i].revents == 0)
            continue;
        if (owners[i] == &p.done)
            p.done = -1; // the caller's, not closed here
        else if (owners[i] == &p.in)
            readInput(p);
        else if (owners[i] == &p.inPipe)
            writeInput(p);
        else if (owners[i] == &p.outPipe[0] || owners[i] == &p.outPipe[1]) {
            const int which = owners[i] == &p.outPipe[0] ? 0 : 1;
            if (forwardOnce(p.outPipe[which], p.out[which]) == Copied::End)
                closeFd(p.outPipe[which]);
        }
    }
    return p.done >= 0;
}

// The proxy only reads and writes descriptors the caller opened: it needs
// no privilege, and without CAP_FSETID the kernel strips a set-user-ID bit
// from a file it writes into, as it would for the caller (without
// CAP_SYS_RESOURCE, quotas hold too).
void dropCapabilities()
{
    __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct none[_LINUX_CAPABILITY_U32S_3] = {};
    if (::syscall(SYS_capset, &header, none) != 0)
        ::_exit(126);
}

} // namespace

Result<StdioPipes> makeStdioPipes(const CallerStdio& caller)
{
    StdioPipes pipes;
    for (std::size_t i = 0; i < 3; ++i) {
        if (caller[i] < 0)
            continue;
        int ends[2];
        if (::pipe2(ends, O_CLOEXEC) != 0)
            return failErrno(errno, "pipe for the command's stdio");
        // stdin: the command reads [0]; stdout, stderr: it writes [1].
        pipes.command[i].reset(i == 0 ? ends[0] : ends[1]);
        pipes.proxy[i].reset(i == 0 ? ends[1] : ends[0]);
        if (::fcntl(pipes.proxy[i].get(), F_SETFL, O_NONBLOCK) != 0)
            return failErrno(errno, "make the stdio pipe non-blocking");
    }
    return pipes;
}

Status giveCommandEnds(const StdioPipes& pipes, uid_t rootUid, gid_t rootGid)
{
    for (const UniqueFd& end : pipes.command)
        if (end && ::fchown(end.get(), rootUid, rootGid) != 0)
            return failErrno(errno, "give the command's stdio pipe to the container's root");
    return {};
}

void copyStdio(const CallerStdio& caller, const StdioPipes& pipes, int commandPidfd)
{
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    ::sigaction(SIGPIPE, &ignore, nullptr);
    dropCapabilities();
    Proxy p;
    p.in = caller[0];
    p.inPipe = pipes.proxy[0].get();
    for (int i = 0; i < 2; ++i) {
        p.out[i] = caller[std::size_t(i) + 1];
        p.outPipe[i] = pipes.proxy[std::size_t(i) + 1].get();
    }
    p.done = commandPidfd;
    while (step(p)) {}
    // The command is gone: stdin is no more use; what it wrote is in the
    // pipes, forwarded until they are empty (a child it left running may
    // keep a pipe open: that output is not waited for).
    closeFd(p.inPipe);
    for (int i = 0; i < 2; ++i)
        while (p.outPipe[i] >= 0 && forwardOnce(p.outPipe[i], p.out[i]) == Copied::Data) {}
}

void closeAllExcept(const int* keep, std::size_t count)
{
    unsigned next = 0; // the lowest descriptor not yet decided
    for (std::size_t i = 0; i < count; ++i) {
        if (keep[i] < 0 || unsigned(keep[i]) < next)
            continue;
        if (unsigned(keep[i]) > next)
            ::syscall(SYS_close_range, next, unsigned(keep[i]) - 1, 0U);
        next = unsigned(keep[i]) + 1;
    }
    ::syscall(SYS_close_range, next, ~0U, 0U);
}

} // namespace berth::runtime
