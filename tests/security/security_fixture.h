// What every security test class shares: the session started and stopped
// once, the host's state read before each test and anything it changed
// written back (the test fails then), the member's files, and the calls
// most attacks begin with. A test class derives from it and sets its scene
// (containers, a bridge) in setUpScene().
#pragma once

#include "host_state.h"
#include "security_session.h"

#include <QFile>
#include <QObject>
#include <QTemporaryDir>

namespace berth::test {

// A Berth bridge the member may attach containers to.
inline const QString kBridge = QStringLiteral("sbr0");

inline const QFileDevice::Permissions kPublic =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
inline const QFileDevice::Permissions kRootOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
inline const QFileDevice::Permissions kPublicDir =
    kPublic | QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther;

bool writeFile(const QString& path, const QByteArray& data, QFileDevice::Permissions mode);
QByteArray readFile(const QString& path);

// The capabilities an application container keeps (Docker's default set).
inline const QString kApplicationCaps = QStringLiteral(
    "chown dac_override fowner fsetid kill setgid setuid setpcap net_bind_service net_raw sys_chroot mknod "
    "audit_write setfcap");

// An application container's config made a system container's (busybox
// init), keeping `caps` when given, else the system set.
QString asSystemConfig(QString config, const QString& caps = {});
// Whether a config gives the container a user namespace of its own.
bool hasIdMap(const QString& config);

class SecurityFixture : public QObject {
    Q_OBJECT
protected:
    SecuritySession m_session;
    QTemporaryDir m_files{QStringLiteral("/tmp/berth-security-XXXXXX")}; // readable by the member

    // Runs once the session is up and the baseline is read.
    virtual void setUpScene() {}
    // Root makes kBridge (removed again at the end).
    void createBridge();
    // The member's application container `app`, running.
    void startMemberApp();
    // The member's system container `sys` (busybox init), running.
    void startMemberSystem();
    // A _data() column "container" with both: every new container is
    // unprivileged, so the attacks run in a user namespace of its own.
    static void memberContainerRows();

    // A file the member can read (configs to set).
    QString publicFile(const QString& name, const QByteArray& data);
    Outcome memberSetConfig(const QString& container, const QString& text);
    Outcome memberCreateApp(const QString& name, const QStringList& extra = {});
    // "application" (memberCreateApp) or "system" (busybox init).
    Outcome memberCreate(const QString& name, const QString& kind, const QStringList& extra = {});
    // A _data() column "kind" with both.
    static void kindRows();
    Outcome memberProbe(const QString& container, const QStringList& args);
    // Root (the administrator) gives the container a user namespace of its
    // own: the block Berth gave it, else the next of the blocks written by
    // hand from 1000000000 on. Returns the map's host base, 0 when it failed.
    quint32 makeUnprivileged(const QString& name, const QString& config = {});
    int initPid(const QString& name);
    // The container's init's /proc/PID/uid_map, as the host reads it.
    QString initUidMap(const QString& name);
    void destroy(const QString& name);
    // Waits for the job a member's gdbus call started, if it started one, so
    // that what the job did (or did not) is there to check.
    void waitForJobOf(const Outcome& gdbus);

private:
    HostState m_baseline;
    HostState m_before;
    bool m_bridge = false;
    quint32 m_nextBase = 1000000000;

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
};

} // namespace berth::test
