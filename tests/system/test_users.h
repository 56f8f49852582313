// The local users the system and security tests act as, and their
// membership of group berth (the shipped rules file lets its members manage
// containers without a password). Users and groups are made when missing,
// so a fresh machine needs no setup; whether the user is a member is each
// test's choice, as it is what the test is about.
#pragma once

#include <QString>

namespace berth::test {

// The unprivileged user of every test on the harness.
inline const QString kTestUser = QStringLiteral("berth-test-user");
inline const QString kBerthGroup = QStringLiteral("berth");

// The group exists (a system group when made). False with a reason.
bool ensureGroup(const QString& group, QString* why);
// The user exists (a system user without home or login shell when made).
bool ensureUser(const QString& user, QString* why);
bool addToGroup(const QString& user, const QString& group, QString* why = nullptr);
// Afterwards not a member; it is no error when it was not one.
void removeFromGroup(const QString& user, const QString& group);

// Group berth and `user` exist, and `user` is a member of the group / is not.
bool ensureMember(const QString& user, QString* why);
bool ensureNonMember(const QString& user, QString* why);

} // namespace berth::test
