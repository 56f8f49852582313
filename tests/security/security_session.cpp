#include "security_session.h"

#include "integration_bus.h"
#include "integration_env.h"

#include "berth/paths.h"

#include <QDBusArgument>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QFile>

namespace berth::test {

bool SecuritySession::start(QString* why)
{
    qDBusRegisterMetaType<QMap<QString, QString>>();
    if (!ensureMember(kMember, why) || !ensureNonMember(kOutsider, why))
        return false;
    m_stateRoot = QString::fromStdString(IntegrationEnvironment::instance().stateRoot().string());
    return startTestBus(m_bus, why); // root's berthctl finds the bus too
}

void SecuritySession::destroyAll()
{
    destroyAllContainers(m_bus);
}

void SecuritySession::stop()
{
    m_bus.stop();
    removeFromGroup(kMember, kBerthGroup);
}

Outcome SecuritySession::asUser(const QString& user, const QStringList& command)
{
    return runAsUser(user, command, m_bus.address());
}

Outcome SecuritySession::berthctlAs(const QString& user, const QStringList& args, const QString& stdinPath)
{
    return runAsUser(user, QStringList{QStringLiteral(BERTHCTL_BINARY)} + args, m_bus.address(), stdinPath);
}

Outcome SecuritySession::gdbusAs(const QString& user, const QString& interfaceAndMethod, const QStringList& args,
                                 const QStringList& wrapper)
{
    return runAsUser(user, wrapper + gdbusCall(m_bus, interfaceAndMethod) + args, m_bus.address());
}

QDBusMessage SecuritySession::rootCall(const QString& interface, const QString& method, const QVariantList& args)
{
    return callHelper(m_bus, interface, method, args);
}

QString SecuritySession::waitForJob(const QString& path)
{
    const QString state = berth::test::waitForJob(m_bus, path);
    return state == QLatin1String("succeeded") ? QString() : QStringLiteral("job ") + state;
}

QString SecuritySession::rootCreate(const QString& name, const QString& kind, const QStringList& command)
{
    auto reply = rootCall(
        kManager, QStringLiteral("Create"),
        {name, QStringLiteral("busybox"), QVariant::fromValue(QMap<QString, QString>{}), kind, command, QString()});
    if (reply.type() != QDBusMessage::ReplyMessage)
        return reply.errorMessage();
    return waitForJob(qdbus_cast<QDBusObjectPath>(reply.arguments().value(0)).path());
}

QString SecuritySession::rootCreatePrivileged(const QString& name, const QString& kind)
{
    const QMap<QString, QString> options{{QStringLiteral("berth.privileged"), QStringLiteral("true")}};
    auto reply =
        rootCall(kManager, QStringLiteral("Create"),
                 {name, QStringLiteral("busybox"), QVariant::fromValue(options), kind, QStringList(), QString()});
    if (reply.type() != QDBusMessage::ReplyMessage)
        return reply.errorMessage();
    return waitForJob(qdbus_cast<QDBusObjectPath>(reply.arguments().value(0)).path());
}

QString SecuritySession::config(const QString& name)
{
    return rootCall(kManager, QStringLiteral("GetConfig"), {name}).arguments().value(0).toString();
}

QString SecuritySession::setConfig(const QString& name, const QString& text)
{
    auto reply = rootCall(kManager, QStringLiteral("SetConfig"), {name, text});
    return reply.type() == QDBusMessage::ReplyMessage ? QString() : reply.errorMessage();
}

QString SecuritySession::state(const QString& name)
{
    return containerState(m_bus, name);
}

QString SecuritySession::rootfs(const QString& name) const
{
    return QString::fromStdString(Paths(m_stateRoot.toStdString()).rootfsDir(name.toStdString()).string());
}

QString SecuritySession::monitorSocket(const QString& name) const
{
    return QString::fromStdString(Paths(m_stateRoot.toStdString()).monitorSocket(name.toStdString()).string());
}

bool SecuritySession::installProbe(const QString& name)
{
    const QString target = rootfs(name) + QStringLiteral("/berth-escape-probe");
    QFile::remove(target);
    return QFile::copy(QStringLiteral(BERTH_ESCAPE_PROBE), target) &&
           QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                             QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                             QFileDevice::ExeOther);
}

} // namespace berth::test
