#include "job_watcher.h"

#include "berth/model/trace.h"

#include "berth/model/error_names.h"
#include "berth/model/states.h"
#include "bus_address.h"
#include "client_call.h"
#include "image_types.h"
#include "job1_interface.h"
#include "manager1_interface.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>
#include <QEventLoop>

#include <algorithm>

namespace berth::client {
namespace {

// The job's own calls and signals go through the generated proxy; its
// properties through the bus's standard interface, which has no proxy.
const QString kPropertiesInterface = QStringLiteral("org.freedesktop.DBus.Properties");
const QString kPropertiesChanged = QStringLiteral("PropertiesChanged");
const QString kGetAll = QStringLiteral("GetAll");

// The bus's answers when the job's object or its helper is not there: a
// helper that died (or a new one, started by the call, that never had it).
bool meansJobGone(const ClientError& error)
{
    return error.kind == ErrorKind::NoHelper || error.kind == ErrorKind::HelperGone ||
           error.name == QLatin1String("org.freedesktop.DBus.Error.UnknownObject") ||
           error.name == QLatin1String("org.freedesktop.DBus.Error.UnknownMethod");
}

} // namespace

JobWatcher::JobWatcher(const QDBusConnection& bus, const QString& path, QObject* parent)
    : QObject(parent), m_bus(bus), m_path(path),
      m_job(std::make_unique<OrgBerthJob1Interface>(QLatin1String(kServiceName), path, bus))
{}

JobWatcher::~JobWatcher() = default;

void JobWatcher::watch()
{
    // Subscribing first, reading second: an end between the two shows up
    // in one or the other, never in neither (the bus keeps order).
    // The helper's owner first: a helper gone between here and the read
    // below shows up as an owner change or as the read's error.
    m_helperWatcher =
        new QDBusServiceWatcher(QLatin1String(kServiceName), m_bus, QDBusServiceWatcher::WatchForOwnerChange, this);
    connect(m_helperWatcher, &QDBusServiceWatcher::serviceOwnerChanged, this, &JobWatcher::onHelperOwnerChanged);
    connect(m_job.get(), &OrgBerthJob1Interface::Finished, this, &JobWatcher::onFinished);
    connect(m_job.get(), &OrgBerthJob1Interface::LogLine, this, &JobWatcher::onLogLine);
    m_bus.connect(QLatin1String(kServiceName), m_path, kPropertiesInterface, kPropertiesChanged, this,
                  SLOT(onPropertiesChanged(QString, QVariantMap, QStringList)));
    m_manager =
        std::make_unique<OrgBerthManager1Interface>(QLatin1String(kServiceName), QLatin1String(kObjectPath), m_bus);
    connect(m_manager.get(), &OrgBerthManager1Interface::JobItemProgress, this, &JobWatcher::onItemProgress);
    readInitialState();
}

// Asynchronous so that a GUI's event loop never waits on the helper.
void JobWatcher::readInitialState()
{
    auto message = QDBusMessage::createMethodCall(QLatin1String(kServiceName), m_path, kPropertiesInterface, kGetAll);
    message << m_job->interface();
    auto* pending = new QDBusPendingCallWatcher(m_bus.asyncCall(message), this);
    connect(pending, &QDBusPendingCallWatcher::finished, this, [this, pending] {
        pending->deleteLater();
        QDBusPendingReply<QVariantMap> reply = *pending;
        if (reply.isError()) {
            const auto error = detail::callError(reply.error());
            if (meansJobGone(error)) {
                endHelperGone();
                return;
            }
            onFinished(false, error.name, error.message);
            return;
        }
        applyInitialState(reply.value());
    });
}

void JobWatcher::applyInitialState(const QVariantMap& properties)
{
    onPropertiesChanged(m_job->interface(), properties, {});
    // Items that moved on before we subscribed; a helper without Items has none.
    if (const auto items = properties.value(QStringLiteral("Items")); items.isValid())
        if (auto read = jobItemsFromVariant(items))
            for (const ItemProgress& item : *read)
                updateItem(item);
    const QString state = properties.value(QStringLiteral("State")).toString();
    const auto known = model::parseJobState(state.toStdString());
    if (state.isEmpty() || (known && !model::isFinished(*known)))
        return;
    // It ended before we subscribed: Finished is gone, the state remains.
    // Its ErrorName/ErrorMessage say why (a helper without them: the step).
    const bool success = known == model::JobState::Succeeded;
    QString name = properties.value(QStringLiteral("ErrorName")).toString();
    QString why = properties.value(QStringLiteral("ErrorMessage")).toString();
    if (!success && name.isEmpty())
        name = QLatin1String(model::dbusErrorName(model::ErrorKind::Failed));
    if (!success && why.isEmpty())
        why = m_step.isEmpty() ? QStringLiteral("job %1 (the helper did not say why)").arg(state)
                               : QStringLiteral("job %1 at step '%2'").arg(state, m_step);
    onFinished(success, success ? QString() : name, success ? QString() : why);
}

Status JobWatcher::waitForFinished()
{
    if (!m_finished) {
        QEventLoop loop;
        connect(this, &JobWatcher::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return result();
}

Status JobWatcher::result() const
{
    if (m_finished && m_success)
        return {};
    if (!m_finished)
        return std::unexpected(ClientError{ErrorKind::Failed, QString(), QStringLiteral("job still running")});
    return std::unexpected(clientError(m_errorName, m_message));
}

Status JobWatcher::cancel()
{
    return detail::finishVoid(m_job->Cancel());
}

void JobWatcher::requestCancel()
{
    // A refused or late cancel changes nothing: the job's end says how it went.
    auto* pending = new QDBusPendingCallWatcher(m_job->Cancel(), this);
    connect(pending, &QDBusPendingCallWatcher::finished, pending, &QObject::deleteLater);
}

void JobWatcher::stopFollowing(const ClientError& why)
{
    onFinished(false, why.name, why.message);
}

void JobWatcher::onFinished(bool success, const QString& errorName, const QString& message)
{
    if (m_finished)
        return;
    m_finished = true;
    trace::point("client", "job finished");
    m_success = success;
    m_errorName = errorName;
    m_message = message;
    Q_EMIT finished(success, errorName, message);
}

// Any owner that leaves took the job with it (a new helper has no jobs).
void JobWatcher::onHelperOwnerChanged(const QString&, const QString& oldOwner, const QString&)
{
    if (!oldOwner.isEmpty())
        endHelperGone();
}

void JobWatcher::endHelperGone()
{
    stopFollowing(helperGone());
}

void JobWatcher::onLogLine(const QString& line)
{
    Q_EMIT logLine(line);
}

void JobWatcher::onPropertiesChanged(const QString& interface, const QVariantMap& changed, const QStringList&)
{
    if (interface != m_job->interface())
        return;
    if (const auto result = changed.value(QStringLiteral("Result")); result.isValid())
        m_resultValue = result.toString();
    const auto progress = changed.value(QStringLiteral("Progress"));
    const auto step = changed.value(QStringLiteral("Step"));
    if (!progress.isValid() && !step.isValid())
        return;
    if (progress.isValid())
        m_progress = progress.toDouble();
    if (step.isValid())
        m_step = step.toString();
    Q_EMIT progressChanged(m_progress, m_step);
}

void JobWatcher::onItemProgress(const QDBusObjectPath& job, const QString& item, const QString& phase, qulonglong done,
                                qulonglong total)
{
    if (job.path() == m_path && !m_finished)
        updateItem(ItemProgress{item, phase, done, total});
}

void JobWatcher::updateItem(const ItemProgress& item)
{
    auto known = std::find_if(m_items.begin(), m_items.end(),
                              [&item](const ItemProgress& seen) { return seen.item == item.item; });
    if (known == m_items.end())
        m_items << item;
    else if (*known == item)
        return; // the initial read and the signal told the same
    else
        *known = item;
    Q_EMIT itemProgress(item);
}

} // namespace berth::client
