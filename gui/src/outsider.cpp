#include "outsider.h"

#include "berth/model/access.h"

#include <QCoreApplication>

#include <grp.h>
#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <vector>

namespace berth::gui {
namespace {

struct Outsider {
    Q_DECLARE_TR_FUNCTIONS(Outsider)
};

// Root, or the managers' group among the process's groups (as polkit's
// isInGroup sees the caller's).
bool processIsManager()
{
    if (::geteuid() == 0)
        return true;
    const std::string name(model::kManagersGroup);
    const group* managers = ::getgrnam(name.c_str());
    if (!managers)
        return false;
    const int count = ::getgroups(0, nullptr);
    std::vector<gid_t> groups(size_t(std::max(count, 0)));
    if (count > 0 && ::getgroups(count, groups.data()) != count)
        return false;
    groups.push_back(::getegid());
    return std::ranges::find(groups, managers->gr_gid) != groups.end();
}

MembershipCheck& check()
{
    static MembershipCheck instance = processIsManager;
    return instance;
}

} // namespace

void setMembershipCheck(MembershipCheck membership)
{
    check() = std::move(membership);
}

bool managesWithoutPassword()
{
    return check()();
}

QString currentUserName()
{
    const passwd* user = ::getpwuid(::geteuid());
    return user ? QString::fromLocal8Bit(user->pw_name) : QStringLiteral("$USER");
}

QString outsiderText(const QString& user)
{
    if (managesWithoutPassword())
        return {};
    const QString group = QString::fromLatin1(model::kManagersGroup.data(), qsizetype(model::kManagersGroup.size()));
    return Outsider::tr("You are not in the group '%1', so Berth asks for an administrator's password for every "
                        "change. To manage containers without it, run <code>sudo adduser %2 %1</code> in a "
                        "terminal, then log out and in again.")
        .arg(group, user.toHtmlEscaped());
}

} // namespace berth::gui
