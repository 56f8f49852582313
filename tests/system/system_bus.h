// A private "system" bus for one test: dbus-daemon from a generated config
// listening in a temporary directory, with activation files for the BUILT
// berth-helper (pointed at the test's state root and cgroup parent) and
// for the real polkitd, which finds the bus through DBUS_SYSTEM_BUS_ADDRESS.
// Berth's polkit policy is installed for polkitd while the bus lives.
// Everything started is ended by PID in stop().
#pragma once

#include <QDBusConnection>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace berth::test {

struct SystemBusSettings {
    QString stateRoot;    // the helper's --root
    QString cgroupParent; // the helper's --cgroup-parent
    int helperIdleSeconds = 300;
};

class SystemBus {
public:
    ~SystemBus();

    // Writes the config and service files, installs the polkit policy and
    // rules, starts dbus-daemon and connects. Returns false with a reason.
    bool start(const SystemBusSettings& settings, QString* why);
    void stop();

    [[nodiscard]] QString address() const { return m_address; }
    [[nodiscard]] QDBusConnection connection() const;
    // PID of the process that owns `name` on this bus, 0 if none.
    [[nodiscard]] uint ownerPid(const QString& name) const;

private:
    bool writeFiles(const SystemBusSettings& settings, QString* why);
    bool installPolkitFiles(QString* why);
    void removePolkitFiles();
    void killOwner(const QString& name);

    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess m_daemon;
    QString m_address;
    QString m_connectionName;
    QStringList m_installed; // polkit files this run put in place
};

// Runs a program as another user (setpriv), returns exit code; output in *out.
int runAs(const QString& user, const QStringList& command, QString* out);
// Runs a program as root and returns its exit code.
int run(const QString& program, const QStringList& args, QString* out = nullptr);

} // namespace berth::test
