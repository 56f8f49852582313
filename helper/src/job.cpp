#include "job.h"

#include "berth/model/trace.h"

#include "authorizer.h"
#include "delayed_reply.h"
#include "error_names.h"
#include "job1_adaptor.h"
#include "lifetime.h"
#include "logging.h"
#include "worker.h"

#include <QDBusMessage>
#include <QPointer>
#include <QTimer>

#include <algorithm>
#include <cerrno>

namespace berth::helper {
namespace {

constexpr auto kKeepFinishedJob = std::chrono::minutes(1);
const QString kJobInterface = QStringLiteral("org.berth.Job1");

} // namespace

Job::Job(uint id, QString operation, QString container, uint ownerUid, Authorizer& authorizer, QObject* parent)
    : QObject(parent), m_id(id), m_operation(std::move(operation)), m_container(std::move(container)),
      m_owner(ownerUid), m_authorizer(authorizer)
{
    new Job1Adaptor(this);
}

QDBusObjectPath Job::path() const
{
    return QDBusObjectPath(QStringLiteral("/org/berth/Berth1/job/%1").arg(m_id));
}

QString Job::state() const
{
    const std::string_view name = model::wireName(m_state);
    return QString::fromLatin1(name.data(), qsizetype(name.size()));
}

bool Job::start(QDBusConnection bus, Lifetime& lifetime, Work work, Done done, ResultSlot result)
{
    m_bus = std::move(bus);
    m_resultSlot = std::move(result);
    if (!m_bus.registerObject(path().path(), this, QDBusConnection::ExportAdaptors))
        return false;
    Progress progress(
        [this](const ProgressEvent& event) {
            QMetaObject::invokeMethod(
                this, [this, event] { report(event); }, Qt::QueuedConnection);
        },
        &m_cancel);
    runInWorker<Status>(
        this, lifetime, [work = std::move(work), progress] { return work(progress); },
        [this, done = std::move(done)](Status status) {
            done(status);
            finish(status);
        });
    return true;
}

void Job::report(const ProgressEvent& event)
{
    if (event.item) {
        reportItem(*event.item);
        return;
    }
    if (!event.logLine.empty()) {
        Q_EMIT LogLine(QString::fromStdString(event.logLine));
        return;
    }
    m_step = QString::fromStdString(event.step);
    m_progress = event.fraction;
    announceProperties();
    Q_EMIT progressed(path(), m_progress, m_step);
}

// Items keeps every report (late subscribers read the latest); the
// signal goes out as ItemThrottle allows.
void Job::reportItem(const ItemProgress& item)
{
    const JobItem entry{QString::fromStdString(item.id), QString::fromStdString(item.phase), item.done, item.total};
    auto known =
        std::find_if(m_items.begin(), m_items.end(), [&entry](const JobItem& seen) { return seen.item == entry.item; });
    if (known == m_items.end())
        m_items << entry;
    else
        *known = entry;
    if (m_throttle.shouldSend(item.id, item.phase, item.done, item.total, ItemThrottle::Clock::now()))
        Q_EMIT itemProgressed(path(), entry.item, entry.phase, entry.done, entry.total);
}

void Job::finish(const Status& status)
{
    if (status && m_resultSlot)
        m_result = QString::fromStdString(*m_resultSlot);
    const bool cancelled = !status && status.error().code == ECANCELED;
    m_state = status ? model::JobState::Succeeded : cancelled ? model::JobState::Cancelled : model::JobState::Failed;
    if (status)
        m_progress = 1;
    if (!status) {
        m_errorName = QString::fromLatin1(errorNameFor(status.error()).data());
        m_errorMessage = QString::fromStdString(status.error().describe());
        if (!cancelled)
            qCWarning(lcHelper).noquote() << "job" << m_operation << m_container << "failed:" << m_errorMessage;
    }
    announceProperties();
    trace::point("helper", "job finished: " + m_operation.toStdString());
    Q_EMIT Finished(bool(status), m_errorName, m_errorMessage);
    // Stays a while so a caller that subscribes late can still read the outcome.
    QTimer::singleShot(kKeepFinishedJob, this, [this] {
        m_bus.unregisterObject(path().path());
        deleteLater();
    });
}

void Job::announceProperties()
{
    auto signal = QDBusMessage::createSignal(path().path(), QStringLiteral("org.freedesktop.DBus.Properties"),
                                             QStringLiteral("PropertiesChanged"));
    const QVariantMap changed{{QStringLiteral("Progress"), m_progress},
                              {QStringLiteral("Step"), m_step},
                              {QStringLiteral("State"), state()},
                              {QStringLiteral("ErrorName"), m_errorName},
                              {QStringLiteral("ErrorMessage"), m_errorMessage},
                              {QStringLiteral("Result"), m_result}};
    signal << kJobInterface << changed << QStringList();
    m_bus.send(signal);
}

void Job::Cancel()
{
    setDelayedReply(true);
    DelayedReply reply(connection(), message());
    m_authorizer.callerUid(message(), [self = QPointer<Job>(this), reply](bool ok, uint uid) {
        if (!self) {
            reply.ok(); // finished and gone meanwhile: nothing left to cancel
            return;
        }
        if (!ok || (uid != 0 && uid != self->m_owner)) {
            reply.error(QString::fromLatin1(kErrorNotAuthorized.data()),
                        QStringLiteral("only the job's owner may cancel it"));
            return;
        }
        self->m_cancel = true;
        reply.ok();
    });
}

} // namespace berth::helper
