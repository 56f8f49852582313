#include "client.h"

#include "bus_address.h"
#include "client_call.h"
#include "manager1_interface.h"
#include "network1_interface.h"

#include <QDBusMetaType>

#include <climits>

namespace berth::client {

using detail::andThen;
using detail::eachOf;
using detail::finish;
using detail::finishVoid;

void registerClientTypes()
{
    qDBusRegisterMetaType<QMap<QString, QString>>();
    qDBusRegisterMetaType<QMap<QString, QVariantMap>>();
    qDBusRegisterMetaType<QList<QVariantMap>>();
    registerWireTypes();
}

Client::Client(QObject* parent) : Client(helperBus(), parent) {}

Client::Client(const QDBusConnection& bus, QObject* parent) : QObject(parent), m_bus(bus)
{
    init();
}

Client::~Client() = default;

void Client::init()
{
    registerClientTypes();
    const QString service = QLatin1String(kServiceName);
    const QString path = QLatin1String(kObjectPath);
    m_manager = std::make_unique<OrgBerthManager1Interface>(service, path, m_bus);
    m_network = std::make_unique<OrgBerthNetwork1Interface>(service, path, m_bus);
    // Calls may wait for a person to answer polkit's prompt, and WaitExec
    // for a command's end: no client-side timeout.
    m_manager->setTimeout(INT_MAX);
    m_network->setTimeout(INT_MAX);
    connect(m_manager.get(), &OrgBerthManager1Interface::ContainerAdded, this, &Client::containerAdded);
    connect(m_manager.get(), &OrgBerthManager1Interface::ContainerRemoved, this, &Client::containerRemoved);
    connect(m_manager.get(), &OrgBerthManager1Interface::StateChanged, this, &Client::stateChanged);
    connect(m_manager.get(), &OrgBerthManager1Interface::ExecExited, this, &Client::execExited);
    connect(m_manager.get(), &OrgBerthManager1Interface::JobProgress, this, &Client::jobProgress);
    connect(m_manager.get(), &OrgBerthManager1Interface::JobItemProgress, this,
            [this](const QDBusObjectPath& job, const QString& item, const QString& phase, qulonglong done,
                   qulonglong total) {
                Q_EMIT jobItemProgress(job, ItemProgress{item, phase, done, total});
            });
}

QDBusConnection Client::connection() const
{
    return m_bus;
}

Result<QMap<QString, QString>> Client::listContainers()
{
    return finish(m_manager->ListContainers());
}

Result<ContainerInfo> Client::container(const QString& name)
{
    return andThen(finish(m_manager->GetContainer(name)), containerInfoFromMap);
}

Result<QDBusObjectPath> Client::create(const CreateRequest& r)
{
    if (r.inputFd < 0)
        return finish(
            m_manager->Create(r.name, r.templateName, createOptions(r), wireText(r.kind), r.command, r.network));
    return finish(m_manager->CreateFromFile(r.name, r.templateName, createOptions(r), wireText(r.kind), r.command,
                                            r.network, QDBusUnixFileDescriptor(r.inputFd)));
}

Status Client::start(const QString& name)
{
    return finishVoid(m_manager->Start(name));
}

Status Client::startWith(const QString& name, const QStringList& command)
{
    return finishVoid(m_manager->StartWith(name, command));
}

Result<QDBusObjectPath> Client::stop(const QString& name, uint timeoutSeconds)
{
    return finish(m_manager->Stop(name, timeoutSeconds));
}

Status Client::kill(const QString& name, int signal)
{
    return finishVoid(m_manager->Kill(name, signal));
}

Status Client::freeze(const QString& name)
{
    return finishVoid(m_manager->Freeze(name));
}

Status Client::thaw(const QString& name)
{
    return finishVoid(m_manager->Thaw(name));
}

Status Client::destroy(const QString& name, bool force)
{
    return finishVoid(m_manager->Destroy(name, force));
}

Result<QString> Client::config(const QString& name)
{
    return finish(m_manager->GetConfig(name));
}

Result<LogChunk> Client::readLog(const QString& name, quint64 offset, uint maxBytes)
{
    auto reply = m_manager->GetLog(name, offset, maxBytes);
    reply.waitForFinished();
    if (reply.isError())
        return std::unexpected(detail::callError(reply.error()));
    return LogChunk{reply.argumentAt<0>(), reply.argumentAt<1>(), reply.argumentAt<2>()};
}

Status Client::setConfig(const QString& name, const QString& text)
{
    return finishVoid(m_manager->SetConfig(name, text));
}

Status Client::setConfigIfUnchanged(const QString& name, const QString& basedOn, const QString& text)
{
    return finishVoid(m_manager->SetConfigIfUnchanged(name, basedOn, text));
}

Status Client::setLimits(const QString& name, const model::Limits& limits)
{
    return finishVoid(m_manager->SetLimits(name, limitArgsMap(limits)));
}

Status Client::shareFolder(const QString& name, int folderFd, const QString& target, const QString& insideUser)
{
    return finishVoid(m_manager->ShareFolder(name, QDBusUnixFileDescriptor(folderFd), target, insideUser));
}

Status Client::unshareFolder(const QString& name, const QString& target)
{
    return finishVoid(m_manager->UnshareFolder(name, target));
}

Result<QList<ContainerStats>> Client::stats()
{
    return andThen(finish(m_manager->GetStats()), statsFromReply);
}

Result<QDBusObjectPath> Client::exportTo(const QString& name, int fd)
{
    return finish(m_manager->Export(name, QDBusUnixFileDescriptor(fd)));
}

Result<QDBusObjectPath> Client::convertToUnprivileged(const QString& name)
{
    return finish(m_manager->ConvertContainer(name));
}

Result<QDBusUnixFileDescriptor> Client::openConsole(const QString& name, int tty)
{
    return finish(m_manager->OpenConsole(name, tty));
}

Status Client::resizeConsole(const QString& name, int tty, ushort rows, ushort columns)
{
    return finishVoid(m_manager->ResizeConsole(name, tty, rows, columns));
}

Result<std::pair<uint, QDBusUnixFileDescriptor>> Client::execPty(const ExecRequest& r)
{
    auto reply = m_manager->ExecPty(r.name, r.argv, r.env, r.cwd);
    reply.waitForFinished();
    if (reply.isError())
        return std::unexpected(detail::callError(reply.error()));
    return std::pair{reply.argumentAt<0>(), reply.argumentAt<1>()};
}

Result<uint> Client::execWithFds(const ExecRequest& r, int stdinFd, int stdoutFd, int stderrFd)
{
    return finish(m_manager->ExecWithFds(r.name, r.argv, r.env, r.cwd, QDBusUnixFileDescriptor(stdinFd),
                                         QDBusUnixFileDescriptor(stdoutFd), QDBusUnixFileDescriptor(stderrFd)));
}

Result<ExecStatus> Client::waitExec(uint id)
{
    auto reply = m_manager->WaitExec(id);
    reply.waitForFinished();
    if (reply.isError())
        return std::unexpected(detail::callError(reply.error()));
    return ExecStatus{reply.argumentAt<0>(), reply.argumentAt<1>()};
}

Result<ExecStatus> Client::waitRemoved(const QString& name)
{
    auto reply = m_manager->WaitRemoved(name);
    reply.waitForFinished();
    if (reply.isError())
        return std::unexpected(detail::callError(reply.error()));
    return ExecStatus{reply.argumentAt<0>(), reply.argumentAt<1>()};
}

Result<QList<TemplateInfo>> Client::templates()
{
    return andThen(finish(m_manager->ListTemplates()),
                   [](const QList<QVariantMap>& maps) { return eachOf<TemplateInfo>(maps, templateInfoFromMap); });
}

Result<QList<CheckItem>> Client::systemCheck()
{
    return andThen(finish(m_manager->SystemCheck()),
                   [](const QList<QVariantMap>& maps) { return eachOf<CheckItem>(maps, checkItemFromMap); });
}

Result<QList<Bridge>> Client::bridges()
{
    return andThen(finish(m_network->ListBridges()),
                   [](const QList<QVariantMap>& maps) { return eachOf<Bridge>(maps, bridgeFromMap); });
}

Status Client::createBridge(const QString& name, const BridgeSettings& s)
{
    return finishVoid(m_network->CreateBridge(name, s.address, s.dhcpRange, s.nat, s.domain, s.mtu));
}

Status Client::changeBridge(const QString& name, const BridgeChange& change)
{
    return finishVoid(m_network->ChangeBridge(name, bridgeChangeMap(change)));
}

Status Client::deleteBridge(const QString& name, bool force)
{
    return finishVoid(m_network->DeleteBridge(name, force));
}

Result<QStringList> Client::forwards(const QString& container)
{
    return finish(m_network->ListForwards(container));
}

Status Client::addForward(const QString& container, const QString& forward)
{
    return finishVoid(m_network->AddForward(container, forward));
}

Status Client::removeForward(const QString& container, const QString& forward)
{
    return finishVoid(m_network->RemoveForward(container, forward));
}

Result<QDBusObjectPath> Client::createContainer(const CreateRequest& r)
{
    if (r.inputFd < 0)
        return finish(m_manager->CreateContainer(r.name, r.templateName, createOptions(r), wireText(r.kind), r.command,
                                                 createSetupMap(r)));
    return finish(m_manager->CreateContainerFromFile(r.name, r.templateName, createOptions(r), wireText(r.kind),
                                                     r.command, createSetupMap(r), QDBusUnixFileDescriptor(r.inputFd)));
}

Status Client::setAutostart(const QString& name, bool enabled)
{
    return finishVoid(m_manager->SetAutostart(name, enabled));
}

Result<uint> Client::addInterface(const QString& name, const model::NetInterface& iface)
{
    return finish(m_manager->AddInterface(name, interfaceSettingsMap(iface)));
}

Status Client::setInterface(const QString& name, uint index, const InterfaceChange& change)
{
    return finishVoid(m_manager->SetInterface(name, index, interfaceChangeMap(change)));
}

Status Client::removeInterface(const QString& name, uint index)
{
    return finishVoid(m_manager->RemoveInterface(name, index));
}

} // namespace berth::client
