#include "system_bus.h"

#include <QDBusConnectionInterface>
#include <QDBusReply>
#include <QDir>
#include <QFile>
#include <QProcessEnvironment>

#include <csignal>
#include <sys/prctl.h>
#include <sys/wait.h>

namespace berth::test {
namespace {

const QString kPolicyTarget = QStringLiteral("/usr/share/polkit-1/actions/org.berth.policy");
const QString kRulesTarget = QStringLiteral("/etc/polkit-1/rules.d/49-berth-system-test.rules");

bool writeFile(const QString& path, const QByteArray& content, QString* why)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size()) {
        *why = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                        QFileDevice::ReadOther);
    return true;
}

// The bus's own policy is a permissive copy of the system bus's defaults;
// the helper's installed policy file is included as it will ship.
QByteArray busConfig(const QString& dir)
{
    return QStringLiteral(R"(<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:path=%1/bus</listen>
  <auth>EXTERNAL</auth>
  <servicedir>%1/services</servicedir>
  <policy context="default">
    <allow user="*"/>
    <deny own="*"/>
    <deny send_type="method_call"/>
    <allow send_type="signal"/>
    <allow send_requested_reply="true" send_type="method_return"/>
    <allow send_requested_reply="true" send_type="error"/>
    <allow receive_type="method_call"/>
    <allow receive_type="method_return"/>
    <allow receive_type="error"/>
    <allow receive_type="signal"/>
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus"/>
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus.Introspectable"/>
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus.Properties"/>
  </policy>
  <include>%2/org.berth.Berth1.conf</include>
  <include ignore_missing="yes">/usr/share/dbus-1/system.d/org.freedesktop.PolicyKit1.conf</include>
</busconfig>
)")
        .arg(dir, QStringLiteral(BERTH_HELPER_SOURCE_DIR))
        .toUtf8();
}

QByteArray helperService(const SystemBusSettings& settings)
{
    return QStringLiteral("[D-BUS Service]\nName=org.berth.Berth1\nExec=%1 --root %2 --cgroup-parent %3 "
                          "--libexec-dir %4 --idle-timeout %5\nUser=root\n")
        .arg(QStringLiteral(BERTH_HELPER_BINARY), settings.stateRoot, settings.cgroupParent,
             QStringLiteral(BERTH_TEST_LIBEXECDIR), QString::number(settings.helperIdleSeconds))
        .toUtf8();
}

} // namespace

SystemBus::~SystemBus()
{
    stop();
}

bool SystemBus::writeFiles(const SystemBusSettings& settings, QString* why)
{
    m_dir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/berth-system-bus-XXXXXX"));
    if (!m_dir->isValid()) {
        *why = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    // Unprivileged test users connect to the socket inside.
    QFile::setPermissions(m_dir->path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                             QFileDevice::ReadOther | QFileDevice::ExeOther | QFileDevice::ReadGroup |
                                             QFileDevice::ExeGroup);
    const QString dir = m_dir->path();
    QDir().mkpath(dir + QStringLiteral("/services"));
    return writeFile(dir + QStringLiteral("/bus.conf"), busConfig(dir), why) &&
           writeFile(dir + QStringLiteral("/services/org.berth.Berth1.service"), helperService(settings), why) &&
           writeFile(dir + QStringLiteral("/services/org.freedesktop.PolicyKit1.service"),
                     "[D-BUS Service]\nName=org.freedesktop.PolicyKit1\nExec=/usr/lib/polkit-1/polkitd --no-debug\n"
                     "User=root\n",
                     why);
}

bool SystemBus::installPolkitFiles(QString* why)
{
    // polkitd reads actions only from its own directory. A policy already
    // there (an installed Berth) stays; ours is removed again in stop().
    if (!QFile::exists(kPolicyTarget)) {
        if (!QFile::copy(QStringLiteral(BERTH_HELPER_SOURCE_DIR "/org.berth.policy"), kPolicyTarget)) {
            *why = QStringLiteral("cannot install %1").arg(kPolicyTarget);
            return false;
        }
        m_installed << kPolicyTarget;
    }
    QFile::remove(kRulesTarget);
    if (!QFile::copy(QStringLiteral(BERTH_HELPER_SOURCE_DIR "/50-berth.rules"), kRulesTarget)) {
        *why = QStringLiteral("cannot install %1").arg(kRulesTarget);
        return false;
    }
    m_installed << kRulesTarget;
    for (const auto& file : m_installed)
        QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                                        QFileDevice::ReadOther);
    return true;
}

bool SystemBus::start(const SystemBusSettings& settings, QString* why)
{
    if (!writeFiles(settings, why) || !installPolkitFiles(why))
        return false;
    auto env = QProcessEnvironment::systemEnvironment();
    // Activated services (polkitd, the helper) take this bus as the system bus.
    env.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"), QStringLiteral("unix:path=%1/bus").arg(m_dir->path()));
    m_daemon.setProcessEnvironment(env);
    m_daemon.setProcessChannelMode(QProcess::SeparateChannels);
    // A test killed by its timeout must not leave the bus (and the lock
    // file it may have inherited) behind: the bus ends with the test.
    m_daemon.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_daemon.start(QStringLiteral("dbus-daemon"), {QStringLiteral("--config-file=%1/bus.conf").arg(m_dir->path()),
                                                   QStringLiteral("--nofork"), QStringLiteral("--print-address=1")});
    if (!m_daemon.waitForStarted() || !m_daemon.waitForReadyRead(30000)) {
        *why = QStringLiteral("dbus-daemon did not start: %1").arg(QString::fromUtf8(m_daemon.readAllStandardError()));
        return false;
    }
    m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
    m_connectionName = QStringLiteral("berth-system-test");
    auto bus = QDBusConnection::connectToBus(m_address, m_connectionName);
    if (!bus.isConnected()) {
        *why = QStringLiteral("cannot connect to %1: %2").arg(m_address, bus.lastError().message());
        return false;
    }
    return true;
}

QDBusConnection SystemBus::connection() const
{
    return QDBusConnection(m_connectionName);
}

uint SystemBus::ownerPid(const QString& name) const
{
    auto bus = connection();
    if (!bus.isConnected() || !bus.interface()->isServiceRegistered(name))
        return 0;
    QDBusReply<uint> pid = bus.interface()->servicePid(name);
    return pid.isValid() ? pid.value() : 0;
}

void SystemBus::killOwner(const QString& name)
{
    const uint pid = ownerPid(name);
    if (pid == 0)
        return;
    ::kill(pid_t(pid), SIGTERM);
    // Both are children of dbus-daemon; it reaps them. Wait until the name is gone.
    for (int i = 0; i < 100 && ownerPid(name) == pid; ++i)
        ::usleep(100000);
    if (ownerPid(name) == pid)
        ::kill(pid_t(pid), SIGKILL);
}

void SystemBus::stop()
{
    if (m_daemon.state() != QProcess::NotRunning) {
        killOwner(QStringLiteral("org.berth.Berth1"));
        killOwner(QStringLiteral("org.freedesktop.PolicyKit1"));
        QDBusConnection::disconnectFromBus(m_connectionName);
        ::kill(pid_t(m_daemon.processId()), SIGTERM);
        if (!m_daemon.waitForFinished(10000))
            ::kill(pid_t(m_daemon.processId()), SIGKILL);
        m_daemon.waitForFinished();
    }
    removePolkitFiles();
    m_dir.reset();
}

void SystemBus::removePolkitFiles()
{
    for (const auto& file : m_installed)
        QFile::remove(file);
    m_installed.clear();
}

int run(const QString& program, const QStringList& args, QString* out)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, args);
    if (!process.waitForStarted() || !process.waitForFinished(120000))
        return -1;
    if (out)
        *out = QString::fromUtf8(process.readAll());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

int runAs(const QString& user, const QStringList& command, QString* out)
{
    QString uid, gid;
    run(QStringLiteral("id"), {QStringLiteral("-u"), user}, &uid);
    run(QStringLiteral("id"), {QStringLiteral("-g"), user}, &gid);
    QStringList args{QStringLiteral("--reuid=%1").arg(uid.trimmed()), QStringLiteral("--regid=%1").arg(gid.trimmed()),
                     QStringLiteral("--init-groups"), QStringLiteral("--")};
    return run(QStringLiteral("setpriv"), args + command, out);
}

} // namespace berth::test
