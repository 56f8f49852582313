// The person of every walk-through: berth-test-user, a member of group
// berth, typing berthctl commands on the test's private bus (the helper and
// polkitd real), in the test's own network namespace. Debian containers
// come from the template cache the fixture debian_template_cache keeps.
#pragma once

#include "berthctl_run.h"
#include "system_bus.h"

#include <QString>
#include <QStringList>

namespace berth::test {

// Makes the user a member, points the helper's template cache at the
// shared test cache (before the bus starts it) and starts the bus.
// Checks the test runs in a network namespace of its own, which the
// helper shares. False with a reason.
bool startMemberSession(SystemBus& bus, bool withTemplateCache, QString* why);
// Ends the bus after destroying what a failed test left; the user leaves the group.
void endMemberSession(SystemBus& bus);

// `berthctl ARGS...` as the member, stdin /dev/null.
Outcome member(const QStringList& args);
// `berthctl exec NAME -- sh -c SCRIPT` as the member.
Outcome inside(const QString& name, const QString& script);
// A file the member can read (a config for `config NAME set`), under the
// test's state root (removed with it). Its path.
QString memberReadableFile(const QString& fileName, const QByteArray& content);
// A directory of the member's own (where `export` writes), under the state root.
QString memberDirectory();

} // namespace berth::test
