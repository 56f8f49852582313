#include "client_container_source.h"

#include "bus_address.h"
#include "job_watcher.h"
#include "registry_credentials.h"

#include <QDBusServiceWatcher>

namespace berth::gui {
namespace {

// The helper signals no config change: after each of this source's calls
// that wrote `name`'s config, it says so itself (the Config tab reloads).
template <class Done> auto announcing(ContainerSource* source, const QString& name, Done done)
{
    return [source, name, done = std::move(done)](auto result) {
        if (result)
            Q_EMIT source->configChanged(name);
        done(std::move(result));
    };
}

// Answers `done` with the job's outcome once it ends.
void followJob(const QDBusConnection& bus, const QString& path, QObject* context, const StatusCallback& done)
{
    // Owned by the context, so a window closed first drops the answer too.
    auto* watcher = new client::JobWatcher(bus, path, context);
    QObject::connect(
        watcher, &client::JobWatcher::finished, context,
        [watcher, done](bool success, const QString& errorName, const QString& message) {
            watcher->deleteLater();
            done(success ? client::Status{} : client::Status{std::unexpect, client::clientError(errorName, message)});
        });
    watcher->watch();
}

// A JobHandle over the helper's job object.
class ClientJobHandle final : public JobHandle {
public:
    ClientJobHandle(const QDBusConnection& bus, const QString& path, QObject* parent)
        : JobHandle(parent), m_watcher(bus, path, this)
    {
        connect(&m_watcher, &client::JobWatcher::progressChanged, this, &JobHandle::progressChanged);
        connect(&m_watcher, &client::JobWatcher::logLine, this, &JobHandle::logLine);
        connect(&m_watcher, &client::JobWatcher::finished, this, &JobHandle::finished);
        connect(&m_watcher, &client::JobWatcher::itemProgress, this, [this](const client::ItemProgress& item) {
            Q_EMIT itemProgress(item.item, item.phase, item.done, item.total);
        });
    }

    void watch() { m_watcher.watch(); }
    // A refused or late cancel changes nothing: finished() reports the end.
    void cancel() override { m_watcher.requestCancel(); }

private:
    client::JobWatcher m_watcher;
};

// Turns a reply carrying a job path into a watched handle owned by `context`.
Callback<QDBusObjectPath> handleFor(const QDBusConnection& bus, QObject* context, Callback<JobHandle*> done)
{
    return [bus, context, done = std::move(done)](client::Result<QDBusObjectPath> job) {
        if (!job) {
            done(std::unexpected(job.error()));
            return;
        }
        auto* handle = new ClientJobHandle(bus, job->path(), context);
        done(handle);
        handle->watch();
    };
}

// The caller's own registry logins for `reference` (never the helper's to
// read); what was ignored and why is said on the job as log lines.
client::CredentialsRead loginsFor(const QString& reference)
{
    return client::readRegistryCredentials(reference, client::credentialSourcesFromEnvironment());
}

} // namespace

ClientContainerSource::ClientContainerSource(client::Client& client, QObject* parent)
    : ContainerSource(parent), m_client(client)
{
    connect(&m_client, &client::Client::containerAdded, this, &ContainerSource::containerAdded);
    connect(&m_client, &client::Client::containerRemoved, this, &ContainerSource::containerRemoved);
    connect(&m_client, &client::Client::stateChanged, this, &ContainerSource::stateChanged);
    // A helper that appears (started by any call) after another left.
    auto* helper = new QDBusServiceWatcher(QLatin1String(client::kServiceName), m_client.connection(),
                                           QDBusServiceWatcher::WatchForOwnerChange, this);
    connect(helper, &QDBusServiceWatcher::serviceOwnerChanged, this,
            [this](const QString&, const QString&, const QString& newOwner) {
                if (!newOwner.isEmpty())
                    Q_EMIT helperReplaced();
            });
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
    m_client.start(name, context, std::move(done));
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
    m_client.kill(name, signal, context, std::move(done));
}

void ClientContainerSource::freeze(const QString& name, QObject* context, StatusCallback done)
{
    m_client.freeze(name, context, std::move(done));
}

void ClientContainerSource::thaw(const QString& name, QObject* context, StatusCallback done)
{
    m_client.thaw(name, context, std::move(done));
}

void ClientContainerSource::destroy(const QString& name, bool force, QObject* context, StatusCallback done)
{
    m_client.destroy(name, force, context, std::move(done));
}

void ClientContainerSource::setLimits(const QString& name, const model::Limits& limits, QObject* context,
                                      StatusCallback done)
{
    m_client.setLimits(name, limits, context, announcing(this, name, std::move(done)));
}

void ClientContainerSource::shareFolder(const QString& name, int folderFd, const QString& target,
                                        const QString& insideUser, QObject* context, StatusCallback done)
{
    m_client.shareFolder(name, folderFd, target, insideUser, context, announcing(this, name, std::move(done)));
}

void ClientContainerSource::unshareFolder(const QString& name, const QString& target, QObject* context,
                                          StatusCallback done)
{
    m_client.unshareFolder(name, target, context, announcing(this, name, std::move(done)));
}

void ClientContainerSource::templates(QObject* context, Callback<QList<client::TemplateInfo>> done)
{
    m_client.templates(context, std::move(done));
}

void ClientContainerSource::create(const client::CreateRequest& request, QObject* context, Callback<JobHandle*> done)
{
    // An image not in the store yet is pulled by the creation: with the logins.
    client::CreateRequest sent = request;
    if (request.templateName == QLatin1String("image") && request.credentials.isEmpty())
        sent.credentials = loginsFor(request.options.value(QStringLiteral("reference"))).logins;
    m_client.createContainer(sent, context, handleFor(m_client.connection(), context, std::move(done)));
}

void ClientContainerSource::exportTo(const QString& name, int fd, QObject* context, Callback<JobHandle*> done)
{
    m_client.exportTo(name, fd, context, handleFor(m_client.connection(), context, std::move(done)));
}

void ClientContainerSource::convertToUnprivileged(const QString& name, QObject* context, Callback<JobHandle*> done)
{
    m_client.convertToUnprivileged(name, context, handleFor(m_client.connection(), context, std::move(done)));
}

void ClientContainerSource::config(const QString& name, QObject* context, Callback<QString> done)
{
    m_client.config(name, context, std::move(done));
}

void ClientContainerSource::setConfig(const QString& name, const QString& basedOn, const QString& text,
                                      QObject* context, StatusCallback done)
{
    m_client.setConfigIfUnchanged(name, basedOn, text, context, announcing(this, name, std::move(done)));
}

void ClientContainerSource::readLog(const QString& name, quint64 offset, uint maxBytes, QObject* context,
                                    Callback<client::LogChunk> done)
{
    m_client.readLog(name, offset, maxBytes, context, std::move(done));
}

void ClientContainerSource::openConsole(const QString& name, int tty, QObject* context,
                                        Callback<QDBusUnixFileDescriptor> done)
{
    m_client.openConsole(name, tty, context, std::move(done));
}

void ClientContainerSource::resizeConsole(const QString& name, int tty, ushort rows, ushort columns, QObject* context,
                                          StatusCallback done)
{
    m_client.resizeConsole(name, tty, rows, columns, context, std::move(done));
}

void ClientContainerSource::execPty(const client::ExecRequest& request, QObject* context,
                                    Callback<std::pair<uint, QDBusUnixFileDescriptor>> done)
{
    m_client.execPty(request, context, std::move(done));
}

void ClientContainerSource::bridges(QObject* context, Callback<QList<client::Bridge>> done)
{
    m_client.bridges(context, std::move(done));
}

void ClientContainerSource::createBridge(const QString& name, const client::BridgeSettings& settings, QObject* context,
                                         StatusCallback done)
{
    m_client.createBridge(name, settings, context, std::move(done));
}

void ClientContainerSource::changeBridge(const QString& name, const client::BridgeChange& change, QObject* context,
                                         StatusCallback done)
{
    m_client.changeBridge(name, change, context, std::move(done));
}

void ClientContainerSource::deleteBridge(const QString& name, bool force, QObject* context, StatusCallback done)
{
    m_client.deleteBridge(name, force, context, std::move(done));
}

void ClientContainerSource::forwards(const QString& container, QObject* context, Callback<QStringList> done)
{
    m_client.forwards(container, context, std::move(done));
}

void ClientContainerSource::addForward(const QString& container, const QString& forward, QObject* context,
                                       StatusCallback done)
{
    m_client.addForward(container, forward, context, announcing(this, container, std::move(done)));
}

void ClientContainerSource::removeForward(const QString& container, const QString& forward, QObject* context,
                                          StatusCallback done)
{
    m_client.removeForward(container, forward, context, announcing(this, container, std::move(done)));
}

void ClientContainerSource::systemCheck(QObject* context, Callback<QList<client::CheckItem>> done)
{
    m_client.systemCheck(context, std::move(done));
}

void ClientContainerSource::setAutostart(const QString& name, bool enabled, QObject* context, StatusCallback done)
{
    m_client.setAutostart(name, enabled, context, announcing(this, name, std::move(done)));
}

void ClientContainerSource::addInterface(const QString& name, const model::NetInterface& iface, QObject* context,
                                         Callback<uint> done)
{
    m_client.addInterface(name, iface, context, announcing(this, name, std::move(done)));
}

void ClientContainerSource::setInterface(const QString& name, uint index, const client::InterfaceChange& change,
                                         QObject* context, StatusCallback done)
{
    m_client.setInterface(name, index, change, context, announcing(this, name, std::move(done)));
}

void ClientContainerSource::removeInterface(const QString& name, uint index, QObject* context, StatusCallback done)
{
    m_client.removeInterface(name, index, context, announcing(this, name, std::move(done)));
}

void ClientContainerSource::images(QObject* context, Callback<QList<ImageInfo>> done)
{
    m_client.images(context, std::move(done));
}

void ClientContainerSource::image(const QString& reference, QObject* context, Callback<ImageInfo> done)
{
    m_client.image(reference, context, std::move(done));
}

void ClientContainerSource::pullImage(const QString& reference, QObject* context, Callback<JobHandle*> done)
{
    const client::CredentialsRead logins = loginsFor(reference);
    auto announce = [this, done = std::move(done), warnings = logins.warnings](client::Result<JobHandle*> job) {
        JobHandle* handle = job ? *job : nullptr;
        if (handle) {
            // The store changes when the pull ends well.
            connect(handle, &JobHandle::finished, this, [this](bool success) {
                if (success)
                    Q_EMIT imagesChanged();
            });
        }
        done(job);
        // Said once the caller follows the job (it connects in `done`).
        for (const QString& warning : warnings)
            if (handle)
                Q_EMIT handle->logLine(warning);
    };
    m_client.pullImage(reference, logins.logins, context,
                       handleFor(m_client.connection(), context, std::move(announce)));
}

void ClientContainerSource::removeImage(const QString& reference, QObject* context, StatusCallback done)
{
    m_client.removeImage(reference, context, [this, done = std::move(done)](client::Status status) {
        if (status)
            Q_EMIT imagesChanged();
        done(status);
    });
}

void ClientContainerSource::pruneImages(bool all, QObject* context, Callback<ImagePruneResult> done)
{
    m_client.pruneImages(all, context, [this, done = std::move(done)](client::Result<ImagePruneResult> result) {
        if (result)
            Q_EMIT imagesChanged();
        done(result);
    });
}

} // namespace berth::gui
