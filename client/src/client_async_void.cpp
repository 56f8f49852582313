// The callback forms of the calls whose reply is empty, each on its
// generated proxy method (no method is called by name).
#include "client.h"

#include "client_call.h"
#include "manager1_interface.h"
#include "network1_interface.h"

namespace berth::client {

using detail::whenDoneVoid;

void Client::start(const QString& name, QObject* context, StatusCallback done)
{
    whenDoneVoid(m_manager->Start(name), context, std::move(done));
}

void Client::kill(const QString& name, int signal, QObject* context, StatusCallback done)
{
    whenDoneVoid(m_manager->Kill(name, signal), context, std::move(done));
}

void Client::freeze(const QString& name, QObject* context, StatusCallback done)
{
    whenDoneVoid(m_manager->Freeze(name), context, std::move(done));
}

void Client::thaw(const QString& name, QObject* context, StatusCallback done)
{
    whenDoneVoid(m_manager->Thaw(name), context, std::move(done));
}

void Client::destroy(const QString& name, bool force, QObject* context, StatusCallback done)
{
    whenDoneVoid(m_manager->Destroy(name, force), context, std::move(done));
}

void Client::setConfigIfUnchanged(const QString& name, const QString& basedOn, const QString& text, QObject* context,
                                  StatusCallback done)
{
    whenDoneVoid(m_manager->SetConfigIfUnchanged(name, basedOn, text), context, std::move(done));
}

void Client::setLimits(const QString& name, const model::Limits& limits, QObject* context, StatusCallback done)
{
    whenDoneVoid(m_manager->SetLimits(name, limitArgsMap(limits)), context, std::move(done));
}

void Client::shareFolder(const QString& name, int folderFd, const QString& target, const QString& insideUser,
                         QObject* context, StatusCallback done)
{
    whenDoneVoid(m_manager->ShareFolder(name, QDBusUnixFileDescriptor(folderFd), target, insideUser), context,
                 std::move(done));
}

void Client::unshareFolder(const QString& name, const QString& target, QObject* context, StatusCallback done)
{
    whenDoneVoid(m_manager->UnshareFolder(name, target), context, std::move(done));
}

void Client::resizeConsole(const QString& name, int tty, ushort rows, ushort columns, QObject* context,
                           StatusCallback done)
{
    whenDoneVoid(m_manager->ResizeConsole(name, tty, rows, columns), context, std::move(done));
}

void Client::createBridge(const QString& name, const BridgeSettings& s, QObject* context, StatusCallback done)
{
    whenDoneVoid(m_network->CreateBridge(name, s.address, s.dhcpRange, s.nat, s.domain, s.mtu), context,
                 std::move(done));
}

void Client::changeBridge(const QString& name, const BridgeChange& change, QObject* context, StatusCallback done)
{
    whenDoneVoid(m_network->ChangeBridge(name, bridgeChangeMap(change)), context, std::move(done));
}

void Client::deleteBridge(const QString& name, bool force, QObject* context, StatusCallback done)
{
    whenDoneVoid(m_network->DeleteBridge(name, force), context, std::move(done));
}

void Client::addForward(const QString& container, const QString& forward, QObject* context, StatusCallback done)
{
    whenDoneVoid(m_network->AddForward(container, forward), context, std::move(done));
}

void Client::removeForward(const QString& container, const QString& forward, QObject* context, StatusCallback done)
{
    whenDoneVoid(m_network->RemoveForward(container, forward), context, std::move(done));
}

void Client::setAutostart(const QString& name, bool enabled, QObject* context, StatusCallback done)
{
    whenDoneVoid(m_manager->SetAutostart(name, enabled), context, std::move(done));
}

void Client::setInterface(const QString& name, uint index, const InterfaceChange& change, QObject* context,
                          StatusCallback done)
{
    whenDoneVoid(m_manager->SetInterface(name, index, interfaceChangeMap(change)), context, std::move(done));
}

void Client::removeInterface(const QString& name, uint index, QObject* context, StatusCallback done)
{
    whenDoneVoid(m_manager->RemoveInterface(name, index), context, std::move(done));
}

} // namespace berth::client
