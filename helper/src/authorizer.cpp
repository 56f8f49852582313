#include "authorizer.h"

#include "dbus_types.h"
#include "logging.h"

#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>

namespace berth::helper {
namespace {

constexpr uint kAllowUserInteraction = 1;
constexpr std::size_t kRememberedCallers = 256;

// Calls `handle` with the finished call, on the main thread, then lets the watcher go.
template <class Reply, class Handle> void whenAnswered(const QDBusPendingCall& pending, QObject* context, Handle handle)
{
    auto* watcher = new QDBusPendingCallWatcher(pending, context);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context, [watcher, handle = std::move(handle)] {
        handle(Reply(*watcher));
        watcher->deleteLater();
    });
}

} // namespace

void Needs::needHost(const HostReasons& more)
{
    if (more.empty())
        return;
    if (!actions.contains(QString::fromLatin1(kActionHostAccess)))
        actions << QString::fromLatin1(kActionHostAccess);
    hostReasons.insert(hostReasons.end(), more.begin(), more.end());
}

Authorizer::Authorizer(QDBusConnection bus, QObject* parent) : QObject(parent), m_bus(std::move(bus)) {}

void Authorizer::callerUid(const QDBusMessage& call, std::function<void(bool ok, uint uid)> done)
{
    callerIdentity(call, [done = std::move(done)](bool ok, const CallerIdentity& caller) {
        done(ok, ok ? caller.uid : uint(-1));
    });
}

void Authorizer::callerIdentity(const QDBusMessage& call, std::function<void(bool ok, const CallerIdentity&)> done)
{
    const QString sender = call.service();
    if (const auto known = m_identities.find(sender); known != m_identities.end()) {
        done(true, known->second);
        return;
    }
    auto ask = QDBusMessage::createMethodCall("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                              "GetConnectionCredentials");
    ask << sender;
    whenAnswered<QDBusPendingReply<QVariantMap>>(
        m_bus.asyncCall(ask), this,
        [this, sender, done = std::move(done)](const QDBusPendingReply<QVariantMap>& reply) {
            CallerIdentity caller;
            const QVariantMap credentials = reply.isError() ? QVariantMap() : reply.value();
            const QVariant uid = credentials.value(QStringLiteral("UnixUserID"));
            if (!uid.isValid()) {
                done(false, caller);
                return;
            }
            caller.uid = uid.toUInt();
            const QVariant groups = credentials.value(QStringLiteral("UnixGroupIDs"));
            if (groups.isValid()) {
                const auto list = qdbus_cast<QList<uint>>(groups);
                caller.groups.assign(list.cbegin(), list.cend());
                caller.groupsKnown = true;
            }
            // Names of connections gone are dropped together now and then;
            // a forgotten one costs its next call one question to the bus.
            if (m_identities.size() >= kRememberedCallers)
                m_identities.clear();
            m_identities.emplace(sender, caller);
            done(true, caller);
        });
}

void Authorizer::check(const QDBusMessage& call, const Needs& needs, Callback done)
{
    check(call, always(needs), std::move(done));
}

Authorizer::NeedsOf Authorizer::always(Needs needs)
{
    return [needs = std::move(needs)](const CallerIdentity&) { return needs; };
}

void Authorizer::check(const QDBusMessage& call, NeedsOf needsOf, Callback done)
{
    const QString sender = call.service();
    callerIdentity(call, [this, sender, needsOf = std::move(needsOf),
                          done = std::move(done)](bool ok, const CallerIdentity& caller) {
        if (!ok) {
            done({false, caller.uid, QStringLiteral("the bus did not say who the caller is")});
            return;
        }
        const Needs needs = needsOf(caller);
        checkActions(sender, caller, needs.actions, needs.hostReasons, done);
    });
}

void Authorizer::checkActions(const QString& sender, const CallerIdentity& caller, QStringList actions,
                              const HostReasons& reasons, Callback done)
{
    // uid 0 may do anything without asking (polkit would agree; this spares the round trip).
    if (caller.uid == 0 || actions.isEmpty()) {
        done({true, caller.uid, {}, caller});
        return;
    }
    const QString action = actions.takeFirst();
    askPolkit(sender, action, [this, sender, caller, action, actions, reasons, done](bool allowed, const QString& why) {
        if (!allowed) {
            // Only the host action has reasons; the others are the method's own.
            const bool host = action == QLatin1String(kActionHostAccess);
            const std::string text = refusalText(action.toStdString(), host ? reasons : HostReasons{});
            done({false, caller.uid, why.isEmpty() ? QString::fromStdString(text) : why, caller});
            return;
        }
        checkActions(sender, caller, actions, reasons, done);
    });
}

void Authorizer::askPolkit(const QString& sender, const QString& action, std::function<void(bool, QString)> done)
{
    auto ask = QDBusMessage::createMethodCall("org.freedesktop.PolicyKit1", "/org/freedesktop/PolicyKit1/Authority",
                                              "org.freedesktop.PolicyKit1.Authority", "CheckAuthorization");
    const PolkitSubject subject{QStringLiteral("system-bus-name"), {{QStringLiteral("name"), sender}}};
    ask << QVariant::fromValue(subject) << action << QVariant::fromValue(StringMap{}) << kAllowUserInteraction
        << QString();
    // The user may take a while to type a password into the agent's dialog.
    auto pending = m_bus.asyncCall(ask, 5 * 60 * 1000);
    whenAnswered<QDBusPendingReply<PolkitResult>>(
        pending, this, [action, done = std::move(done)](const QDBusPendingReply<PolkitResult>& reply) {
            if (reply.isError()) {
                qCWarning(lcHelper).noquote()
                    << "polkit CheckAuthorization for" << action << "failed:" << reply.error().message();
                done(false,
                     QStringLiteral("polkit could not be asked about %1: %2").arg(action, reply.error().message()));
                return;
            }
            done(reply.value().authorized, {});
        });
}

} // namespace berth::helper
