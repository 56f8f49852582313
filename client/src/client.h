// berth::client::Client: every call of org.berth.Manager1 and
// org.berth.Network1 with typed results. Each call has a blocking form (for
// berthctl) and a callback form that never blocks (for the GUI): the
// callback runs on the event loop of `context`'s thread, and not at all if
// `context` is gone by then.
#pragma once

#include "client_error.h"
#include "client_types.h"
#include "image_types.h"
#include "berth/model/limits.h"

#include <QDBusConnection>
#include <QDBusObjectPath>
#include <QDBusPendingCall>
#include <QDBusUnixFileDescriptor>
#include <QObject>

#include <functional>
#include <memory>
#include <utility>

class OrgBerthManager1Interface;
class OrgBerthNetwork1Interface;

namespace berth::client {

template <class T> using Callback = std::function<void(Result<T>)>;
using StatusCallback = std::function<void(Status)>;

class Client : public QObject {
    Q_OBJECT
public:
    // The helper's bus from the environment (see bus_address.h).
    explicit Client(QObject* parent = nullptr);
    explicit Client(const QDBusConnection& bus, QObject* parent = nullptr);
    ~Client() override;

    [[nodiscard]] QDBusConnection connection() const;

    // Containers
    Result<QMap<QString, QString>> listContainers();
    Result<ContainerInfo> container(const QString& name);
    Result<QDBusObjectPath> create(const CreateRequest& request); // a job
    Status start(const QString& name);
    // With `command` as its init for this run (lxc-start NAME -- CMD).
    Status startWith(const QString& name, const QStringList& command);
    Result<QDBusObjectPath> stop(const QString& name, uint timeoutSeconds); // a job
    Status kill(const QString& name, int signal);
    Status freeze(const QString& name);
    Status thaw(const QString& name);
    Status destroy(const QString& name, bool force);
    Result<QString> config(const QString& name);
    Status setConfig(const QString& name, const QString& text);
    // Only while the config is still `basedOn` (what config() returned
    // before the edits): ErrorKind::Changed otherwise, nothing written.
    Status setConfigIfUnchanged(const QString& name, const QString& basedOn, const QString& text);
    // Up to maxBytes of the console log from `offset` (needs the console right).
    Result<LogChunk> readLog(const QString& name, quint64 offset, uint maxBytes = 1u << 20);
    // SetLimits a{ss}: the set fields, printed by model::limitArgsText.
    Status setLimits(const QString& name, const model::Limits& limits);
    // Shared folders: `folderFd` (not owned) is a directory the caller opened
    // with O_RDONLY | O_DIRECTORY; both apply at the next start.
    Status shareFolder(const QString& name, int folderFd, const QString& target, const QString& insideUser);
    Status unshareFolder(const QString& name, const QString& target);
    Result<QList<ContainerStats>> stats();
    Result<QDBusObjectPath> exportTo(const QString& name, int fd); // a job; fd not owned
    // A stopped privileged container gets a user namespace of its own.
    Result<QDBusObjectPath> convertToUnprivileged(const QString& name); // a job

    // Consoles and exec
    Result<QDBusUnixFileDescriptor> openConsole(const QString& name, int tty);
    Status resizeConsole(const QString& name, int tty, ushort rows, ushort columns);
    Result<std::pair<uint, QDBusUnixFileDescriptor>> execPty(const ExecRequest& request);
    Result<uint> execWithFds(const ExecRequest& request, int stdinFd, int stdoutFd, int stderrFd);
    Result<ExecStatus> waitExec(uint id);
    // A container started by this client with berth.remove_when_stopped:
    // lets the helper remove it once stopped, and answers how it ended.
    Result<ExecStatus> waitRemoved(const QString& name);

    // Templates and host
    Result<QList<TemplateInfo>> templates();
    Result<QList<CheckItem>> systemCheck();

    // Network
    Result<QList<Bridge>> bridges();
    Status createBridge(const QString& name, const BridgeSettings& settings);
    Status changeBridge(const QString& name, const BridgeChange& change);
    Status deleteBridge(const QString& name, bool force);
    Result<QStringList> forwards(const QString& container);
    Status addForward(const QString& container, const QString& forward);
    Status removeForward(const QString& container, const QString& forward);

    // One-call creation and narrow config changes.
    Result<QDBusObjectPath> createContainer(const CreateRequest& request); // a job, with request.setup
    Status setAutostart(const QString& name, bool enabled);
    // One interface of the config, from the container's next start on.
    Result<uint> addInterface(const QString& name, const model::NetInterface& iface); // its index
    Status setInterface(const QString& name, uint index, const InterfaceChange& change);
    Status removeInterface(const QString& name, uint index);

    // The image store (client_images.cpp). A pull is a job: its items
    // (layers) through JobWatcher::itemProgress, the image's id in
    // JobWatcher::resultValue() once it succeeded.
    Result<QDBusObjectPath> pullImage(const QString& reference, const QList<RegistryLogin>& credentials);
    Result<QList<ImageInfo>> images();
    Result<ImageInfo> image(const QString& reference); // NotFound when the store has none
    Status removeImage(const QString& reference);      // Busy naming the containers using it
    Result<PruneResult> pruneImages(bool all);
    void pullImage(const QString& reference, const QList<RegistryLogin>& credentials, QObject* context,
                   Callback<QDBusObjectPath> done);
    void images(QObject* context, Callback<QList<ImageInfo>> done);
    void image(const QString& reference, QObject* context, Callback<ImageInfo> done);
    void removeImage(const QString& reference, QObject* context, StatusCallback done);
    void pruneImages(bool all, QObject* context, Callback<PruneResult> done);

    // Non-blocking forms (client_async.cpp).
    void listContainers(QObject* context, Callback<QMap<QString, QString>> done);
    void container(const QString& name, QObject* context, Callback<ContainerInfo> done);
    void stats(QObject* context, Callback<QList<ContainerStats>> done);
    void templates(QObject* context, Callback<QList<TemplateInfo>> done);
    void systemCheck(QObject* context, Callback<QList<CheckItem>> done);
    void bridges(QObject* context, Callback<QList<Bridge>> done);
    void config(const QString& name, QObject* context, Callback<QString> done);
    void create(const CreateRequest& request, QObject* context, Callback<QDBusObjectPath> done);
    void stop(const QString& name, uint timeoutSeconds, QObject* context, Callback<QDBusObjectPath> done);
    void exportTo(const QString& name, int fd, QObject* context, Callback<QDBusObjectPath> done);
    void convertToUnprivileged(const QString& name, QObject* context, Callback<QDBusObjectPath> done);
    void openConsole(const QString& name, int tty, QObject* context, Callback<QDBusUnixFileDescriptor> done);
    void readLog(const QString& name, quint64 offset, uint maxBytes, QObject* context, Callback<LogChunk> done);
    void execPty(const ExecRequest& request, QObject* context, Callback<std::pair<uint, QDBusUnixFileDescriptor>> done);
    void forwards(const QString& container, QObject* context, Callback<QStringList> done);
    // The calls whose reply is empty (client_async_void.cpp).
    void start(const QString& name, QObject* context, StatusCallback done);
    void kill(const QString& name, int signal, QObject* context, StatusCallback done);
    void freeze(const QString& name, QObject* context, StatusCallback done);
    void thaw(const QString& name, QObject* context, StatusCallback done);
    void destroy(const QString& name, bool force, QObject* context, StatusCallback done);
    void setConfigIfUnchanged(const QString& name, const QString& basedOn, const QString& text, QObject* context,
                              StatusCallback done);
    void setLimits(const QString& name, const model::Limits& limits, QObject* context, StatusCallback done);
    void shareFolder(const QString& name, int folderFd, const QString& target, const QString& insideUser,
                     QObject* context, StatusCallback done);
    void unshareFolder(const QString& name, const QString& target, QObject* context, StatusCallback done);
    void resizeConsole(const QString& name, int tty, ushort rows, ushort columns, QObject* context,
                       StatusCallback done);
    void createBridge(const QString& name, const BridgeSettings& settings, QObject* context, StatusCallback done);
    void changeBridge(const QString& name, const BridgeChange& change, QObject* context, StatusCallback done);
    void deleteBridge(const QString& name, bool force, QObject* context, StatusCallback done);
    void addForward(const QString& container, const QString& forward, QObject* context, StatusCallback done);
    void removeForward(const QString& container, const QString& forward, QObject* context, StatusCallback done);

    // Non-blocking forms of the one-call creation and narrow changes (client_async.cpp).
    void createContainer(const CreateRequest& request, QObject* context, Callback<QDBusObjectPath> done);
    void setAutostart(const QString& name, bool enabled, QObject* context, StatusCallback done);
    void addInterface(const QString& name, const model::NetInterface& iface, QObject* context, Callback<uint> done);
    void setInterface(const QString& name, uint index, const InterfaceChange& change, QObject* context,
                      StatusCallback done);
    void removeInterface(const QString& name, uint index, QObject* context, StatusCallback done);

Q_SIGNALS:
    void containerAdded(const QString& name);
    void containerRemoved(const QString& name);
    void stateChanged(const QString& name, const QString& state);
    void execExited(uint id, int status);
    void jobProgress(const QDBusObjectPath& job, double fraction, const QString& step);
    // An item of a job moved on (JobItemProgress); JobWatcher filters its own job's.
    void jobItemProgress(const QDBusObjectPath& job, const berth::client::ItemProgress& item);

private:
    void init();

    QDBusConnection m_bus;
    std::unique_ptr<OrgBerthManager1Interface> m_manager;
    std::unique_ptr<OrgBerthNetwork1Interface> m_network;
};

// Registers the container types the replies use; Client does it itself.
void registerClientTypes();

} // namespace berth::client
