#include "security_session.h"

#include "integration_env.h"

#include "berth/paths.h"

#include <QDBusArgument>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QFile>
#include <QProcess>
#include <QtTest>

namespace berth::test {
namespace {

const QString kService = QStringLiteral("org.berth.Berth1");
const QString kObject = QStringLiteral("/org/berth/Berth1");
const QString kManager = QStringLiteral("org.berth.Manager1");

bool ensureUser(const QString& user, QString* why)
{
    if (run(QStringLiteral("id"), {user}) == 0)
        return true;
    if (run(QStringLiteral("useradd"), {QStringLiteral("--system"), QStringLiteral("--no-create-home"),
                                        QStringLiteral("--shell"), QStringLiteral("/usr/sbin/nologin"), user}) == 0)
        return true;
    *why = QStringLiteral("useradd %1 failed").arg(user);
    return false;
}

QString idOf(const QString& flag, const QString& user)
{
    QString out;
    run(QStringLiteral("id"), {flag, user}, &out);
    return out.trimmed();
}

} // namespace

QString gvariantString(QString text)
{
    text.replace(QLatin1String("\\"), QLatin1String("\\\\")).replace(QLatin1String("'"), QLatin1String("\\'"));
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

QString both(const Outcome& outcome)
{
    return outcome.outText() + outcome.errText();
}

bool SecuritySession::start(QString* why)
{
    qDBusRegisterMetaType<QMap<QString, QString>>();
    if (run(QStringLiteral("getent"), {QStringLiteral("group"), QStringLiteral("berth")}) != 0 &&
        run(QStringLiteral("groupadd"), {QStringLiteral("--system"), QStringLiteral("berth")}) != 0) {
        *why = QStringLiteral("groupadd berth failed");
        return false;
    }
    if (!ensureUser(kMember, why) || !ensureUser(kOutsider, why))
        return false;
    run(QStringLiteral("gpasswd"), {QStringLiteral("-d"), kOutsider, QStringLiteral("berth")});
    if (run(QStringLiteral("gpasswd"), {QStringLiteral("-a"), kMember, QStringLiteral("berth")}) != 0) {
        *why = QStringLiteral("gpasswd -a %1 berth failed").arg(kMember);
        return false;
    }
    auto& env = IntegrationEnvironment::instance();
    m_stateRoot = QString::fromStdString(env.stateRoot().string());
    SystemBusSettings settings;
    settings.stateRoot = m_stateRoot;
    settings.cgroupParent = QString::fromStdString(env.cgroupParent());
    if (!m_bus.start(settings, why))
        return false;
    qputenv("BERTH_BUS_ADDRESS", m_bus.address().toUtf8());   // root's berthctl
    return true;
}

void SecuritySession::destroyAll()
{
    auto list = rootCall(kManager, QStringLiteral("ListContainers"));
    const auto names = qdbus_cast<QMap<QString, QString>>(list.arguments().value(0)).keys();
    for (const auto& name : names)
        rootCall(kManager, QStringLiteral("Destroy"), {name, true});
}

void SecuritySession::stop()
{
    m_bus.stop();
    run(QStringLiteral("gpasswd"), {QStringLiteral("-d"), kMember, QStringLiteral("berth")});
}

Outcome SecuritySession::runProcess(const QString& user, const QStringList& command, const QString& stdinPath)
{
    // The user's own shell opens stdin, with the user's rights, as a
    // terminal user's shell would.
    const QStringList asUser{QStringLiteral("--reuid=") + idOf(QStringLiteral("-u"), user),
                             QStringLiteral("--regid=") + idOf(QStringLiteral("-g"), user),
                             QStringLiteral("--init-groups"), QStringLiteral("--"), QStringLiteral("/bin/sh"),
                             QStringLiteral("-c"), QStringLiteral("exec \"$@\" < \"$BERTH_TEST_STDIN\""),
                             QStringLiteral("sh")};
    QProcess process;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("BERTH_BUS_ADDRESS"), m_bus.address());
    env.insert(QStringLiteral("BERTH_TEST_STDIN"), stdinPath);
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(QStringLiteral("/"));
    process.start(QStringLiteral("setpriv"), asUser + command);
    Outcome outcome;
    if (!process.waitForStarted() || !process.waitForFinished(300000))
        return outcome;
    outcome.out = process.readAllStandardOutput();
    outcome.err = process.readAllStandardError();
    outcome.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    if (qEnvironmentVariableIsSet("BERTH_TEST_VERBOSE"))
        qInfo().noquote() << user << command.join(QLatin1Char(' ')) << "->" << outcome.code << "\n" << both(outcome);
    return outcome;
}

Outcome SecuritySession::asUser(const QString& user, const QStringList& command)
{
    return runProcess(user, command, QStringLiteral("/dev/null"));
}

Outcome SecuritySession::berthctlAs(const QString& user, const QStringList& args, const QString& stdinPath)
{
    return runProcess(user, QStringList{QStringLiteral(BERTHCTL_BINARY)} + args, stdinPath);
}

Outcome SecuritySession::gdbusAs(const QString& user, const QString& interfaceAndMethod, const QStringList& args,
                                 const QStringList& wrapper)
{
    const QStringList gdbus{QStringLiteral("gdbus"),        QStringLiteral("call"),     QStringLiteral("--address"),
                            m_bus.address(),                QStringLiteral("--dest"),   kService,
                            QStringLiteral("--object-path"), kObject,                  QStringLiteral("--method"),
                            interfaceAndMethod};
    return runProcess(user, wrapper + gdbus + args, QStringLiteral("/dev/null"));
}

QDBusMessage SecuritySession::rootCall(const QString& interface, const QString& method, const QVariantList& args)
{
    auto message = QDBusMessage::createMethodCall(kService, kObject, interface, method);
    message.setArguments(args);
    return m_bus.connection().call(message, QDBus::Block, 300000);
}

QString SecuritySession::waitForJob(const QString& path)
{
    auto props = QDBusMessage::createMethodCall(kService, path, QStringLiteral("org.freedesktop.DBus.Properties"),
                                                QStringLiteral("Get"));
    props.setArguments({QStringLiteral("org.berth.Job1"), QStringLiteral("State")});
    for (int i = 0; i < 3000; ++i) {
        auto reply = m_bus.connection().call(props);
        if (reply.type() != QDBusMessage::ReplyMessage)
            return reply.errorMessage();
        const QString state = qdbus_cast<QDBusVariant>(reply.arguments().value(0)).variant().toString();
        if (state != QLatin1String("running"))
            return state == QLatin1String("succeeded") ? QString() : QStringLiteral("job ") + state;
        QTest::qWait(100);
    }
    return QStringLiteral("job timed out");
}

QString SecuritySession::rootCreate(const QString& name, const QString& kind, const QStringList& command)
{
    auto reply = rootCall(kManager, QStringLiteral("Create"),
                          {name, QStringLiteral("busybox"), QVariant::fromValue(QMap<QString, QString>{}), kind,
                           command, QString()});
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
    auto reply = rootCall(kManager, QStringLiteral("GetContainer"), {name});
    if (reply.type() != QDBusMessage::ReplyMessage)
        return reply.errorName();
    return qdbus_cast<QVariantMap>(reply.arguments().value(0)).value(QStringLiteral("state")).toString();
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
                                             QFileDevice::ReadGroup | QFileDevice::ExeGroup |
                                             QFileDevice::ReadOther | QFileDevice::ExeOther);
}

} // namespace berth::test
