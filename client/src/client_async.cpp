// The callback forms: a QDBusPendingCallWatcher owned by the caller's
// context object, so a context destroyed first silently drops the answer.
#include "client.h"

#include "client_call.h"
#include "manager1_interface.h"
#include "network1_interface.h"

#include <QDBusPendingCallWatcher>

namespace berth::client {
namespace {

// Raw is the D-Bus reply type; convert turns it into the callback's T.
template <class Raw, class T, class Convert>
void whenDone(const QDBusPendingCall& call, QObject* context, Convert convert, Callback<T> done)
{
    auto* watcher = new QDBusPendingCallWatcher(call, context);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context,
                     [watcher, convert = std::move(convert), done = std::move(done)] {
                         watcher->deleteLater();
                         QDBusPendingReply<Raw> reply = *watcher;
                         done(detail::andThen(detail::finish(reply), convert));
                     });
}

template <class T> auto same()
{
    return [](const T& value) { return Result<T>(value); };
}

template <class T, class From> auto eachMap(From from)
{
    return [from](const QList<QVariantMap>& maps) { return detail::eachOf<T>(maps, from); };
}

} // namespace

void Client::listContainers(QObject* context, Callback<QMap<QString, QString>> done)
{
    using Map = QMap<QString, QString>;
    whenDone<Map, Map>(m_manager->ListContainers(), context, same<Map>(), std::move(done));
}

void Client::container(const QString& name, QObject* context, Callback<ContainerInfo> done)
{
    whenDone<QVariantMap, ContainerInfo>(m_manager->GetContainer(name), context, containerInfoFromMap, std::move(done));
}

void Client::stats(QObject* context, Callback<QList<ContainerStats>> done)
{
    whenDone<QMap<QString, QVariantMap>, QList<ContainerStats>>(m_manager->GetStats(), context, statsFromReply,
                                                                std::move(done));
}

void Client::templates(QObject* context, Callback<QList<TemplateInfo>> done)
{
    whenDone<QList<QVariantMap>, QList<TemplateInfo>>(m_manager->ListTemplates(), context,
                                                      eachMap<TemplateInfo>(templateInfoFromMap), std::move(done));
}

void Client::systemCheck(QObject* context, Callback<QList<CheckItem>> done)
{
    whenDone<QList<QVariantMap>, QList<CheckItem>>(m_manager->SystemCheck(), context,
                                                   eachMap<CheckItem>(checkItemFromMap), std::move(done));
}

void Client::bridges(QObject* context, Callback<QList<Bridge>> done)
{
    whenDone<QList<QVariantMap>, QList<Bridge>>(m_network->ListBridges(), context, eachMap<Bridge>(bridgeFromMap),
                                                std::move(done));
}

void Client::config(const QString& name, QObject* context, Callback<QString> done)
{
    whenDone<QString, QString>(m_manager->GetConfig(name), context, same<QString>(), std::move(done));
}

void Client::create(const CreateRequest& r, QObject* context, Callback<QDBusObjectPath> done)
{
    auto call = r.inputFd < 0 ? m_manager->Create(r.name, r.templateName, createOptions(r), wireText(r.kind), r.command,
                                                  r.network)
                              : m_manager->CreateFromFile(r.name, r.templateName, createOptions(r), wireText(r.kind),
                                                          r.command, r.network, QDBusUnixFileDescriptor(r.inputFd));
    whenDone<QDBusObjectPath, QDBusObjectPath>(call, context, same<QDBusObjectPath>(), std::move(done));
}

void Client::stop(const QString& name, uint timeoutSeconds, QObject* context, Callback<QDBusObjectPath> done)
{
    whenDone<QDBusObjectPath, QDBusObjectPath>(m_manager->Stop(name, timeoutSeconds), context, same<QDBusObjectPath>(),
                                               std::move(done));
}

void Client::exportTo(const QString& name, int fd, QObject* context, Callback<QDBusObjectPath> done)
{
    whenDone<QDBusObjectPath, QDBusObjectPath>(m_manager->Export(name, QDBusUnixFileDescriptor(fd)), context,
                                               same<QDBusObjectPath>(), std::move(done));
}

void Client::convertToUnprivileged(const QString& name, QObject* context, Callback<QDBusObjectPath> done)
{
    whenDone<QDBusObjectPath, QDBusObjectPath>(m_manager->ConvertContainer(name), context, same<QDBusObjectPath>(),
                                               std::move(done));
}

void Client::openConsole(const QString& name, int tty, QObject* context, Callback<QDBusUnixFileDescriptor> done)
{
    whenDone<QDBusUnixFileDescriptor, QDBusUnixFileDescriptor>(m_manager->OpenConsole(name, tty), context,
                                                               same<QDBusUnixFileDescriptor>(), std::move(done));
}

void Client::readLog(const QString& name, quint64 offset, uint maxBytes, QObject* context, Callback<LogChunk> done)
{
    auto* watcher = new QDBusPendingCallWatcher(m_manager->GetLog(name, offset, maxBytes), context);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context, [watcher, done = std::move(done)] {
        watcher->deleteLater();
        QDBusPendingReply<QByteArray, quint64, quint64> reply = *watcher;
        if (reply.isError())
            done(std::unexpected(detail::callError(reply.error())));
        else
            done(LogChunk{reply.argumentAt<0>(), reply.argumentAt<1>(), reply.argumentAt<2>()});
    });
}

void Client::execPty(const ExecRequest& r, QObject* context, Callback<std::pair<uint, QDBusUnixFileDescriptor>> done)
{
    auto* watcher = new QDBusPendingCallWatcher(m_manager->ExecPty(r.name, r.argv, r.env, r.cwd), context);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context, [watcher, done = std::move(done)] {
        watcher->deleteLater();
        QDBusPendingReply<uint, QDBusUnixFileDescriptor> reply = *watcher;
        if (reply.isError())
            done(std::unexpected(detail::callError(reply.error())));
        else
            done(std::pair{reply.argumentAt<0>(), reply.argumentAt<1>()});
    });
}

void Client::forwards(const QString& container, QObject* context, Callback<QStringList> done)
{
    whenDone<QStringList, QStringList>(m_network->ListForwards(container), context, same<QStringList>(),
                                       std::move(done));
}

void Client::createContainer(const CreateRequest& r, QObject* context, Callback<QDBusObjectPath> done)
{
    auto call = r.inputFd < 0 ? m_manager->CreateContainer(r.name, r.templateName, createOptions(r), wireText(r.kind),
                                                           r.command, createSetupMap(r))
                              : m_manager->CreateContainerFromFile(r.name, r.templateName, createOptions(r),
                                                                   wireText(r.kind), r.command, createSetupMap(r),
                                                                   QDBusUnixFileDescriptor(r.inputFd));
    whenDone<QDBusObjectPath, QDBusObjectPath>(call, context, same<QDBusObjectPath>(), std::move(done));
}

} // namespace berth::client
