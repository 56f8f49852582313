#include "runtime/spare_monitor.h"

#include "berth/model/trace.h"

#include <cerrno>
#include <system_error>
#include <thread>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>

namespace berth::runtime {
namespace {

// A spare loads and waits at the lowest priority (makeReady), in its
// process group (its first process is a session leader, the monitor proper
// stays in its group): nice 19 rather than SCHED_IDLE, which would keep it
// from a start until the machine idles, and which only its own pid could
// take back. Needed now, the whole group is given the normal priority; the
// spare also takes it back itself once assigned.
constexpr int kSpareNice = 19;

void setGroupNice(const SpawnedMonitor& process, int nice)
{
    (void)::setpriority(PRIO_PGRP, static_cast<id_t>(process.first), nice);
}

void wake(const SpawnedMonitor& process)
{
    setGroupNice(process, 0);
}

// Reaps a spare's first process (it exits as soon as it has forked).
void reapFirst(SpawnedMonitor& process)
{
    if (process.first <= 0)
        return;
    wake(process);
    while (::waitpid(process.first, nullptr, 0) < 0 && errno == EINTR) {}
    process.first = -1;
}

} // namespace

SpareMonitor::~SpareMonitor()
{
    if (auto spare = take()) {
        spare->assignment.reset(); // an empty assignment: the spare exits
        reapFirst(spare->process);
    }
}

Result<pid_t> SpareMonitor::start(const std::string& name, const std::vector<std::string>& commandOverride)
{
    std::optional<Ready> spare = take();
    if (spare && !assign(*spare, name, commandOverride)) {
        // It died before it took the container (killed by someone): a new one does the start.
        spare->assignment.reset();
        reapFirst(spare->process);
        spare.reset();
    }
    if (!spare) {
        auto started = spawnMonitor(m_settings, name, commandOverride);
        makeReadySoon();
        return started;
    }
    trace::point("engine", "start: handed to the spare monitor");
    // After the report: spawned beside the launch, the spare's exec and
    // fork slowed the container's placement in its cgroups (3 -> 10 ms).
    auto reported = awaitMonitorReport(spare->process);
    makeReadySoon();
    return reported;
}

std::optional<SpareMonitor::Ready> SpareMonitor::take()
{
    const std::lock_guard lock(m_mutex);
    return std::exchange(m_ready, std::nullopt);
}

bool SpareMonitor::assign(Ready& spare, const std::string& name, const std::vector<std::string>& commandOverride)
{
    wake(spare.process);
    std::string words = name + '\0';
    for (const std::string& word : commandOverride)
        words.append(word).push_back('\0');
    const int fd = spare.assignment.get();
    for (std::size_t sent = 0; sent < words.size();) {
        // MSG_NOSIGNAL: a spare that died must not end the helper with SIGPIPE.
        const ssize_t n = ::send(fd, words.data() + sent, words.size() - sent, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        sent += static_cast<std::size_t>(n);
    }
    // The end of the assignment, then the spare's "taken": without it (it
    // died before reading), nothing was done for the container and a
    // monitor spawned for the start takes over.
    if (::shutdown(fd, SHUT_WR) != 0)
        return false;
    char taken[5];
    ssize_t got = 0;
    do {
        got = ::recv(fd, taken, sizeof taken, MSG_WAITALL);
    } while (got < 0 && errno == EINTR);
    spare.assignment.reset();
    return got == static_cast<ssize_t>(sizeof taken);
}

void SpareMonitor::makeReadySoon()
{
    try {
        std::thread([self = shared_from_this()] { self->makeReady(); }).detach();
    } catch (const std::system_error&) {
        // No thread: the next start spawns its monitor itself.
    }
}

void SpareMonitor::makeReady()
{
    const trace::Span traced("engine", "make a spare monitor ready");
    {
        const std::lock_guard lock(m_mutex);
        if (m_ready)
            return; // another start made one meanwhile
    }
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0)
        return; // the next start spawns its monitor itself
    UniqueFd ours(pair[0]), theirs(pair[1]);
    auto spawned = spawnMonitorProcess(m_settings, {}, {}, theirs.get());
    if (!spawned)
        return;
    // It loads and waits in what the machine has to spare (posix_spawn
    // sets no nice value), never ahead of a start's or a command's work.
    setGroupNice(*spawned, kSpareNice);
    const std::lock_guard lock(m_mutex);
    if (m_ready) {
        // Another start made one meanwhile: this one is not needed.
        ours.reset();
        reapFirst(*spawned);
        return;
    }
    m_ready = Ready{std::move(*spawned), std::move(ours)};
}

} // namespace berth::runtime
