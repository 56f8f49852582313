#include "test_users.h"

#include "system_bus.h"

namespace berth::test {

bool ensureGroup(const QString& group, QString* why)
{
    if (run(QStringLiteral("getent"), {QStringLiteral("group"), group}) == 0 ||
        run(QStringLiteral("groupadd"), {QStringLiteral("--system"), group}) == 0)
        return true;
    *why = QStringLiteral("groupadd %1 failed").arg(group);
    return false;
}

bool ensureUser(const QString& user, QString* why)
{
    if (run(QStringLiteral("id"), {user}) == 0 ||
        run(QStringLiteral("useradd"), {QStringLiteral("--system"), QStringLiteral("--no-create-home"),
                                        QStringLiteral("--shell"), QStringLiteral("/usr/sbin/nologin"), user}) == 0)
        return true;
    *why = QStringLiteral("useradd %1 failed").arg(user);
    return false;
}

bool addToGroup(const QString& user, const QString& group, QString* why)
{
    if (run(QStringLiteral("gpasswd"), {QStringLiteral("-a"), user, group}) == 0)
        return true;
    if (why)
        *why = QStringLiteral("gpasswd -a %1 %2 failed").arg(user, group);
    return false;
}

void removeFromGroup(const QString& user, const QString& group)
{
    run(QStringLiteral("gpasswd"), {QStringLiteral("-d"), user, group}); // fails when not a member: fine
}

bool ensureMember(const QString& user, QString* why)
{
    return ensureGroup(kBerthGroup, why) && ensureUser(user, why) && addToGroup(user, kBerthGroup, why);
}

bool ensureNonMember(const QString& user, QString* why)
{
    if (!ensureGroup(kBerthGroup, why) || !ensureUser(user, why))
        return false;
    removeFromGroup(user, kBerthGroup);
    return true;
}

} // namespace berth::test
