#include "client_container_source.h"

#include "job_watcher.h"

namespace berth::gui {
namespace {

// Answers `done` with the job's outcome once it ends.
void followJob(const QDBusConnection& bus, const QString& path, QObject* context, const StatusCallback& done)
{
    // Owned by the context, so a window closed first drops the answer too.
    auto* watcher = new client::JobWatcher(bus, path, context);
    QObject::connect(watcher, &client::JobWatcher::finished, context,
            [watcher, done](bool success, const QString& errorName, const QString& message) {
                watcher->deleteLater();
                done(success ? client::Status{}
                             : client::Status{std::unexpect, client::clientError(errorName, message)});
            });
    watcher->watch();
}

} // namespace

ClientContainerSource::ClientContainerSource(client::Client& client, QObject* parent)
    : ContainerSource(parent), m_client(client)
{
    connect(&m_client, &client::Client::containerAdded, this, &ContainerSource::containerAdded);
    connect(&m_client, &client::Client::containerRemoved, this, &ContainerSource::containerRemoved);
    connect(&m_client, &client::Client::stateChanged, this, &ContainerSource::stateChanged);
}

void ClientContainerSource::listContainers(QObject* context, Callback<QMap<QString, QString>> done)
{
    m_client.listContainers(context, std::move(done));
}

void ClientContainerSource::container(const QString& name, QObject* context, Callback<client::ContainerInfo> done)
{
    m_client.container(name, context, std::move(done));
}

void ClientContainerSource::stats(QObject* context, Callback<QList<client::ContainerStats>> done)
{
    m_client.stats(context, std::move(done));
}

void ClientContainerSource::start(const QString& name, QObject* context, StatusCallback done)
{
    m_client.callManager(QStringLiteral("Start"), {name}, context, std::move(done));
}

void ClientContainerSource::stop(const QString& name, uint timeoutSeconds, QObject* context, StatusCallback done)
{
    m_client.stop(name, timeoutSeconds, context,
                  [bus = m_client.connection(), context, done = std::move(done)](client::Result<QDBusObjectPath> job) {
                      if (!job) {
                          done(client::Status{std::unexpect, job.error()});
                          return;
                      }
                      followJob(bus, job->path(), context, done);
                  });
}


void ClientContainerSource::kill(const QString& name, int signal, QObject* context, StatusCallback done)
{
    m_client.callManager(QStringLiteral("Kill"), {name, signal}, context, std::move(done));
}

void ClientContainerSource::freeze(const QString& name, QObject* context, StatusCallback done)
{
    m_client.callManager(QStringLiteral("Freeze"), {name}, context, std::move(done));
}

void ClientContainerSource::thaw(const QString& name, QObject* context, StatusCallback done)
{
    m_client.callManager(QStringLiteral("Thaw"), {name}, context, std::move(done));
}

void ClientContainerSource::destroy(const QString& name, bool force, QObject* context, StatusCallback done)
{
    m_client.callManager(QStringLiteral("Destroy"), {name, force}, context, std::move(done));
}

void ClientContainerSource::setLimits(const QString& name, const QMap<QString, QString>& limits, QObject* context,
                                      StatusCallback done)
{
    m_client.callManager(QStringLiteral("SetLimits"), {name, QVariant::fromValue(limits)}, context, std::move(done));
}

} // namespace berth::gui
