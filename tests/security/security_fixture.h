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

inline const QFileDevice::Permissions kPublic = QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                QFileDevice::ReadGroup | QFileDevice::ReadOther;
inline const QFileDevice::Permissions kRootOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
inline const QFileDevice::Permissions kPublicDir = kPublic | QFileDevice::ExeOwner | QFileDevice::ExeGroup |
                                                   QFileDevice::ExeOther;

bool writeFile(const QString& path, const QByteArray& data, QFileDevice::Permissions mode);
QByteArray readFile(const QString& path);

class SecurityFixture : public QObject {
    Q_OBJECT
protected:
    SecuritySession m_session;
    QTemporaryDir m_files{QStringLiteral("/tmp/berth-security-XXXXXX")};   // readable by the member

    // Runs once the session is up and the baseline is read.
    virtual void setUpScene() {}
    // Root makes kBridge (removed again at the end).
    void createBridge();
    // The member's application container `app`, running.
    void startMemberApp();

    // A file the member can read (configs to set).
    QString publicFile(const QString& name, const QByteArray& data);
    Outcome memberSetConfig(const QString& container, const QString& text);
    Outcome memberCreateApp(const QString& name, const QStringList& extra = {});
    Outcome memberProbe(const QString& container, const QStringList& args);
    void destroy(const QString& name);
    // Waits for the job a member's gdbus call started, if it started one, so
    // that what the job did (or did not) is there to check.
    void waitForJobOf(const Outcome& gdbus);

private:
    HostState m_baseline;
    HostState m_before;
    bool m_bridge = false;

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
};

} // namespace berth::test
