// A user outside the managers' group (model/access.h) is asked for an
// administrator's password for every change: told so at start, with what
// to do about it, rather than after the whole wizard.
#pragma once

#include <QString>

#include <functional>

namespace berth::gui {

// Whether this process's user manages containers without a password
// (root, or a member of the group). Tests replace the check.
using MembershipCheck = std::function<bool()>;
void setMembershipCheck(MembershipCheck check);
[[nodiscard]] bool managesWithoutPassword();

// What the banner says to `user`; empty for root and members.
[[nodiscard]] QString outsiderText(const QString& user);
// The user's login name, for the command in outsiderText.
[[nodiscard]] QString currentUserName();

} // namespace berth::gui
