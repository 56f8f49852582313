// Asks whether the sender of a call may perform polkit actions, without
// ever blocking: the caller's uid comes from the bus daemon, root is
// allowed at once, anyone else is checked with polkit's CheckAuthorization
// (subject: the caller's unique bus name, interaction allowed). Answers
// arrive through the callback on the main thread.
#pragma once

#include "host_reason.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <map>
#include <vector>
#include <initializer_list>

namespace berth::helper {

// Polkit action ids (helper/org.berth.policy).
inline constexpr const char* kActionCreate = "org.berth.container.create";
inline constexpr const char* kActionManage = "org.berth.container.manage";
inline constexpr const char* kActionConsole = "org.berth.container.console";
inline constexpr const char* kActionDestroy = "org.berth.container.destroy";
inline constexpr const char* kActionNetwork = "org.berth.network.configure";
inline constexpr const char* kActionHostAccess = "org.berth.host.bind-mount";
// Pull, remove and prune images of the shared store (issue #21).
inline constexpr const char* kActionImageManage = "org.berth.image.manage";

// Who is calling, as the bus daemon saw the connection: its uid and, when
// the bus tells them (dbus-daemon 1.14 does), its groups (primary and
// supplementary, from SO_PEERGROUPS).
struct CallerIdentity {
    uint uid = uint(-1);
    bool groupsKnown = false;
    std::vector<uint> groups;
};

// What a call needs: its actions, asked in order, and why the host action
// is among them (the refusal names each reason, so a person learns which
// line or argument needs an administrator).
struct Needs {
    Needs(QStringList actionList = {}) : actions(std::move(actionList)) {}
    Needs(std::initializer_list<QString> actionList) : actions(actionList) {}

    // Adds the host action (once) when there are reasons, and the reasons.
    void needHost(const HostReasons& more);

    QStringList actions;
    HostReasons hostReasons;
};

struct AuthorizationResult {
    bool allowed = false;
    uint uid = uint(-1); // the caller's, when the bus told it
    QString why;         // for people, when refused
    CallerIdentity caller;
};

class Authorizer : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(const AuthorizationResult&)>;

    explicit Authorizer(QDBusConnection bus, QObject* parent = nullptr);

    // Every action must be allowed; they are asked in order, stopping at the first refusal.
    void check(const QDBusMessage& call, const Needs& needs, Callback done);
    // The same for needs that depend on who calls (whose folder is shared).
    using NeedsOf = std::function<Needs(const CallerIdentity&)>;
    void check(const QDBusMessage& call, NeedsOf needsOf, Callback done);
    // Needs that are the same whoever calls.
    static NeedsOf always(Needs needs);
    // Only the caller's uid (for ownership checks such as a job's Cancel).
    void callerUid(const QDBusMessage& call, std::function<void(bool ok, uint uid)> done);

    // The caller's uid and groups (GetConnectionCredentials).
    void callerIdentity(const QDBusMessage& call, std::function<void(bool ok, const CallerIdentity&)> done);

private:
    void checkActions(const QString& sender, const CallerIdentity& caller, QStringList actions,
                      const HostReasons& reasons, Callback done);
    void askPolkit(const QString& sender, const QString& action, std::function<void(bool, QString)> done);

    QDBusConnection m_bus;
    // By unique bus name: the bus took a connection's credentials when it
    // connected and never reuses its name, so one answer holds for all of
    // its calls (a command's second call no longer waits for the bus).
    std::map<QString, CallerIdentity> m_identities;
};

} // namespace berth::helper
