// Containers marked berth.remove_when_stopped (berthctl run --rm, docker's
// AutoRemove): the helper destroys them once they have stopped, so they go
// even when the caller that ran them detached or was killed. The caller of
// Start holds the removal for as long as it stays on the bus, so that it
// can still read the log and the exit status: WaitRemoved (or its leaving
// the bus) lets the removal happen and answers with how the command ended.
#include "service.h"

#include "error_names.h"
#include "logging.h"
#include "runtime/plan_builder.h"
#include "store/container_lock.h"
#include "store/container_store.h"
#include "validation.h"
#include "worker.h"

#include <QDBusConnectionInterface>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QTimer>

#include <cerrno>
#include <climits>
#include <thread>

namespace berth::helper {
namespace {

// poll()'s longest wait; waitStopped is asked again after each.
constexpr std::chrono::milliseconds kLongWait{INT_MAX};

bool markedForRemoval(const EngineSettings& settings, const std::string& name)
{
    auto spec = runtime::loadContainerSpec(settings, name);
    return spec && spec->removeWhenStopped;
}

Result<ContainerState> waitUntilStopped(Engine& engine, const std::string& name)
{
    for (;;) {
        auto state = engine.waitStopped(name, kLongWait);
        if (state || state.error().code != ETIMEDOUT)
            return state;
    }
}

// A failure that may be gone a moment later: the lock taken, a monitor
// still exiting (its socket reset or refused, a wait that timed out).
bool mayPass(const Error& error)
{
    switch (error.code) {
    case EBUSY:
    case EAGAIN:
    case EINTR:
    case ECONNRESET:
    case ECONNREFUSED:
    case EPIPE:
    case ETIMEDOUT:
        return true;
    default:
        return false;
    }
}

constexpr int kRemoveAttempts = 8;
constexpr auto kKeepRemovedExit = std::chrono::minutes(1);
constexpr auto kFirstRetryDelay = std::chrono::milliseconds(50); // doubled after each try

// The stop that ended it may hold the container's lock a moment longer:
// wait for the lock, then destroy; another operation may take it in between,
// and a failure that may pass is tried again, a few times, before it is
// reported.
Status destroyWhenFree(Engine& engine, const std::string& name)
{
    Status destroyed;
    auto delay = kFirstRetryDelay;
    for (int attempt = 0; attempt < kRemoveAttempts; ++attempt, delay *= 2) {
        if (!ContainerStore(engine.settings().paths).exists(name))
            return {}; // someone destroyed it already
        if (auto free = ContainerLock::acquire(engine.settings().paths, name, true); !free)
            return fail(free.error());
        destroyed = engine.destroy(name);
        if (destroyed || !mayPass(destroyed.error()))
            return destroyed;
        auto state = engine.state(name);
        if (state && state->state != RunState::Stopped)
            return destroyed; // started again: it stays, and its next start watches it again
        qCInfo(lcHelper).noquote() << "removing" << QString::fromStdString(name)
                                   << "failed, trying again:" << QString::fromStdString(destroyed.error().describe());
        std::this_thread::sleep_for(delay);
    }
    return destroyed;
}

} // namespace

void Service::removeWhenStopped(const std::string& name, const QString& holder)
{
    if (!markedForRemoval(m_engine.settings(), name))
        return;
    auto& entry = m_removals[name];
    entry = RemovalEntry{};
    entry.hold = std::make_shared<LifetimeHold>(m_lifetime); // until it is removed
    entry.run = ++m_removalRuns;
    holdRemoval(entry, holder);
    runInWorker<Result<ContainerState>>(
        this, m_lifetime, [this, name] { return waitUntilStopped(m_engine, name); },
        [this, name, run = entry.run](Result<ContainerState> state) {
            auto found = m_removals.find(name);
            if (found == m_removals.end() || found->second.run != run)
                return; // removed, or watched anew by a later start
            // A wait that failed counts as killed: the run is over either way.
            found->second.exit = state && state->lastExit ? *state->lastExit
                                 : state                  ? ExitStatus{}
                                                          : ExitStatus{0, SIGKILL};
            removeIfReleased(name);
        });
}

void Service::removeUnlessStarted(const std::string& name, const QString& creator)
{
    if (!markedForRemoval(m_engine.settings(), name))
        return;
    auto& entry = m_removals[name];
    entry = RemovalEntry{};
    entry.hold = std::make_shared<LifetimeHold>(m_lifetime);
    entry.run = ++m_removalRuns;
    entry.exit = ExitStatus{}; // nothing ran: nothing to wait for but the start
    holdRemoval(entry, creator);
    removeIfReleased(name);
}

void Service::removeLeftovers()
{
    auto names = m_engine.list();
    if (!names)
        return;
    for (const std::string& name : *names) {
        auto state = m_engine.state(name);
        // One that never ran is left alone: its caller may be about to start it.
        if (state && (state->state != RunState::Stopped || state->lastExit))
            removeWhenStopped(name, {});
    }
}

void Service::holderLeft(const QString& holder)
{
    m_removalHolders.removeWatchedService(holder);
    for (auto& [name, entry] : m_removals) {
        if (entry.holder != holder)
            continue;
        entry.holder.clear();
        removeIfReleased(name);
    }
}

void Service::holdRemoval(RemovalEntry& entry, const QString& holder)
{
    if (holder.isEmpty())
        return;
    entry.holder = holder;
    // Watched first, then asked: a holder that leaves between the two is
    // seen by one or the other. Asked without blocking the helper.
    m_removalHolders.addWatchedService(holder);
    auto* asked =
        new QDBusPendingCallWatcher(m_bus.interface()->asyncCall(QStringLiteral("NameHasOwner"), holder), this);
    connect(asked, &QDBusPendingCallWatcher::finished, this, [this, asked, holder] {
        asked->deleteLater();
        const QDBusPendingReply<bool> owned = *asked;
        if (owned.isError() || !owned.value())
            holderLeft(holder);
    });
}

void Service::removeIfReleased(const std::string& name)
{
    auto& entry = m_removals.at(name);
    if (!entry.exit || entry.removing || (!entry.holder.isEmpty() && !entry.holderWaits))
        return;
    entry.removing = true;
    runInWorker<Status>(
        this, m_lifetime, [this, name] { return destroyWhenFree(m_engine, name); },
        [this, name](Status destroyed) {
            auto node = m_removals.extract(name);
            const ExitStatus exit = *node.mapped().exit;
            if (!destroyed) {
                // Said to every waiter (run --rm exits non-zero) and logged;
                // the next helper's start tries again.
                const Error error = destroyed.error().wrap("'" + name + "' stopped but was not removed");
                qCWarning(lcHelper).noquote() << QString::fromStdString(error.describe());
                for (const DelayedReply& waiter : node.mapped().waiters)
                    waiter.error(error);
                return;
            }
            Q_EMIT ContainerRemoved(QString::fromStdString(name));
            m_removedExits[name] = exit;
            QTimer::singleShot(kKeepRemovedExit, this, [this, name] { m_removedExits.erase(name); });
            for (const DelayedReply& waiter : node.mapped().waiters)
                waiter.ok({exit.shellStatus(), exit.signal});
        });
}

int Service::WaitRemoved(const QString& qname, int& signal)
{
    const std::string name = qname.toStdString();
    if (rejected(validateName(name)))
        return 0;
    auto found = m_removals.find(name);
    if (auto removed = m_removedExits.find(name); found == m_removals.end() && removed != m_removedExits.end()) {
        signal = removed->second.signal;
        return removed->second.shellStatus();
    }
    if (found == m_removals.end()) {
        rejected(failWith(ENOENT, "container '" + name + "' is not waiting to be removed when it stops"));
        return 0;
    }
    setDelayedReply(true);
    m_lifetime.touch();
    found->second.waiters.emplace_back(connection(), message());
    // Anyone may wait; only the caller that started it lets it go early.
    if (message().service() == found->second.holder)
        found->second.holderWaits = true;
    removeIfReleased(name);
    return 0;
}

} // namespace berth::helper
