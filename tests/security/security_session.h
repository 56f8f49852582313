// What every security test shares: the private bus with the real polkitd
// and the built helper (tests/system's harness), a member of group berth
// and a local user outside it, and ways to act as each of them (berthctl,
// gdbus) and as root (the test's own setup).
#pragma once

#include "berthctl_run.h"
#include "helper_calls.h"
#include "system_bus.h"
#include "test_users.h"

#include <QDBusMessage>
#include <QStringList>

namespace berth::test {

// In group berth: manages containers without a password (50-berth.rules).
inline const QString kMember = kTestUser;
// Any local user: may read, may change nothing.
inline const QString kOutsider = QStringLiteral("berth-test-outsider");

class SecuritySession {
public:
    // Makes the users (the member in group berth, the outsider not), starts
    // the bus. Returns false with a reason.
    bool start(QString* why);
    void destroyAll(); // every container, stopped first
    void stop();       // stops the bus, leaves the member outside the group again

    // berthctl as `user`, its stdin redirected from `stdinPath` by the
    // user's own shell (so the user opens it with the user's rights).
    Outcome berthctlAs(const QString& user, const QStringList& args,
                       const QString& stdinPath = QStringLiteral("/dev/null"));
    // `gdbus call` of INTERFACE.METHOD as `user`; `wrapper` runs first and
    // execs gdbus (berth-fd-open hands it descriptors a shell cannot open).
    Outcome gdbusAs(const QString& user, const QString& interfaceAndMethod, const QStringList& args,
                    const QStringList& wrapper = {});

    // Any command as `user` (stdin /dev/null).
    Outcome asUser(const QString& user, const QStringList& command);

    // Root's calls for the setup (root may do everything).
    QDBusMessage rootCall(const QString& interface, const QString& method, const QVariantList& args = {});
    // Creates a busybox container as root and waits for the job; "" or why not.
    QString rootCreate(const QString& name, const QString& kind, const QStringList& command = {});
    // The same, privileged (berth.privileged: no user namespace, root inside is the host's root).
    QString rootCreatePrivileged(const QString& name, const QString& kind);
    QString config(const QString& name);
    QString setConfig(const QString& name, const QString& text); // as root; "" or the error
    QString state(const QString& name);
    // Waits for a job to end: "" when it succeeded, else why not.
    QString waitForJob(const QString& path);

    // The container's root as the host sees it.
    [[nodiscard]] QString rootfs(const QString& name) const;
    [[nodiscard]] QString monitorSocket(const QString& name) const;
    // Copies the escape probe into the container's root (as root, the setup).
    bool installProbe(const QString& name);

    [[nodiscard]] QString busAddress() const { return m_bus.address(); }

private:
    SystemBus m_bus;
    QString m_stateRoot;
};

} // namespace berth::test
