#include "service.h"

#include "error_names.h"
#include "logging.h"
#include "manager1_adaptor.h"
#include "network1_adaptor.h"
#include "state_names.h"
#include "store/container_store.h"
#include "validation.h"
#include "worker.h"

#include <cerrno>
#include <utility>

namespace berth::helper {

Service::Service(Engine& engine, QDBusConnection bus, Lifetime& lifetime, QObject* parent)
    : QObject(parent), m_engine(engine), m_bus(std::move(bus)), m_stateWatcher(engine.settings().paths.runDir()),
      m_lifetime(lifetime), m_authorizer(m_bus)
{
    new Manager1Adaptor(this);
    new Network1Adaptor(this);
    // An init that exits by itself is announced too, not only the changes
    // callers asked for.
    connect(&m_stateWatcher, &StateWatcher::touched, this,
            [this](const QString& name) { emitState(name.toStdString()); });
    m_removalHolders.setConnection(m_bus);
    m_removalHolders.setWatchMode(QDBusServiceWatcher::WatchForUnregistration);
    connect(&m_removalHolders, &QDBusServiceWatcher::serviceUnregistered, this, &Service::holderLeft);
    removeLeftovers();
    watchMonitors();
}

bool Service::rejected(const Status& status)
{
    if (status)
        return false;
    const auto name = errorNameFor(status.error());
    if (name == kErrorFailed) // not the caller's fault: worth a line in the log
        qCWarning(lcHelper).noquote() << message().member()
                                      << "failed:" << QString::fromStdString(status.error().describe());
    sendErrorReply(QString::fromLatin1(name.data(), qsizetype(name.size())),
                   QString::fromStdString(status.error().describe()));
    return true;
}

bool Service::rejectedUnlessExists(const std::string& name)
{
    if (ContainerStore(m_engine.settings().paths).exists(name))
        return false;
    return rejected(fail(Error::missingContainer(name)));
}

void Service::authorizeAndRun(const Needs& needs, std::function<Status()> work, std::function<void()> onSuccess)
{
    authorizeAndRun(Authorizer::always(needs), std::move(work), std::move(onSuccess));
}

void Service::authorizeAndRun(Authorizer::NeedsOf needsOf, std::function<Status()> work,
                              std::function<void()> onSuccess)
{
    runAuthorized<void>(std::move(needsOf), std::move(work),
                        [onSuccess = std::move(onSuccess)](const DelayedReply& reply, const AuthorizationResult&) {
                            if (onSuccess)
                                onSuccess();
                            reply.ok();
                        });
}

void Service::authorizeThen(Authorizer::NeedsOf needsOf, Granted granted)
{
    setDelayedReply(true);
    m_lifetime.touch();
    DelayedReply reply(connection(), message());
    auto hold = std::make_shared<LifetimeHold>(m_lifetime); // polkit may take a while to answer
    m_authorizer.check(
        message(), std::move(needsOf),
        [reply, hold, granted = std::move(granted), asked = trace::Clock::now()](const AuthorizationResult& auth) {
            if (trace::enabled())
                trace::record("helper", "authorize " + reply.call().member().toStdString(), asked, trace::Clock::now());
            if (!auth.allowed) {
                reply.error(QString::fromLatin1(kErrorNotAuthorized.data()), auth.why);
                return;
            }
            granted(reply, auth);
        });
}

void Service::authorizeJob(const Needs& needs, const QString& operation, const std::string& container, Job::Work work,
                           Job::Done done, Job::ResultSlot result)
{
    authorizeJobFor(
        needs, operation, container,
        [work = std::move(work)](const Progress& progress, const CallerIdentity&) { return work(progress); },
        std::move(done), std::move(result));
}

void Service::authorizeJobFor(const Needs& needs, const QString& operation, const std::string& container,
                              CallerWork work, Job::Done done, Job::ResultSlot result)
{
    authorizeThen(Authorizer::always(needs), [=, this](const DelayedReply& reply, const AuthorizationResult& auth) {
        startJob(
            reply, auth.uid, operation, container,
            [work, caller = auth.caller](const Progress& progress) { return work(progress, caller); }, done, result);
    });
}

void Service::startJob(const DelayedReply& reply, uint owner, const QString& operation, const std::string& container,
                       Job::Work work, Job::Done done, Job::ResultSlot result)
{
    // Counted again here: other jobs may have started while polkit was asked.
    if (auto room = validateJobCount(runningJobs()); !room) {
        reply.error(room.error());
        return;
    }
    auto* job = new Job(m_nextJob++, operation, QString::fromStdString(container), owner, m_authorizer, this);
    connect(job, &Job::progressed, this, &Service::JobProgress);
    connect(job, &Job::itemProgressed, this, &Service::JobItemProgress);
    if (!job->start(
            m_bus, m_lifetime, std::move(work), done ? std::move(done) : [](const Status&) {}, std::move(result))) {
        delete job;
        reply.error(Error::make(EBUSY, "could not register the job's object on the bus"));
        return;
    }
    reply.ok({QVariant::fromValue(job->path())});
}

std::size_t Service::runningJobs() const
{
    std::size_t running = 0;
    for (const auto* job : findChildren<Job*>(QString(), Qt::FindDirectChildrenOnly))
        running += job->running() ? 1 : 0;
    return running;
}

void Service::watchMonitors()
{
    auto names = m_engine.list();
    if (!names)
        return;
    for (const std::string& name : *names)
        if (auto state = m_engine.state(name)) {
            m_stateWatcher.watchMonitor(QString::fromStdString(name), state->monitorPid);
            m_announcedStates[name] = QString::fromLatin1(runStateName(state->state).data());
        }
}

void Service::emitState(const std::string& name)
{
    m_stateWatcher.ensureWatching(); // the first start since boot makes the run directory
    auto state = m_engine.state(name);
    if (!state)
        return; // destroyed meanwhile, or not a container's directory
    m_stateWatcher.watchMonitor(QString::fromStdString(name), state->monitorPid);
    const QString text = QString::fromLatin1(runStateName(state->state).data());
    const auto known = m_announcedStates.find(name);
    // Neither announced nor there at the helper's start: it was stopped as
    // far as anyone knows (a start's directory appears before its monitor
    // holds the lock and reads as stopped for a moment).
    const QString before =
        known != m_announcedStates.end() ? known->second : QString::fromLatin1(runStateName(RunState::Stopped).data());
    if (before == text)
        return;
    m_announcedStates[name] = text;
    Q_EMIT StateChanged(QString::fromStdString(name), text);
}

} // namespace berth::helper
