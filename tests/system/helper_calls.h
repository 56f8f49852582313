// Calls on the helper through a test's private bus: root's own (this
// process, QtDBus) for setting the scene and reading the outcome, and the
// command line of `gdbus call` for a user's, run as that user (runAs) so
// that polkit judges that user's process.
#pragma once

#include "bus_names.h"
#include "system_bus.h"

#include <QDBusMessage>
#include <QStringList>
#include <QVariantList>

#include <functional>

namespace berth::test {

// Root's call of INTERFACE.METHOD on the helper's object; waits up to five
// minutes (Start returns once the container runs).
QDBusMessage callHelper(const SystemBus& bus, const QString& interface, const QString& method,
                        const QVariantList& args = {});
// GetContainer's "state", or the error's name (org.berth.Error.NotFound).
QString containerState(const SystemBus& bus, const QString& name);
// Destroys every container, stopped first: what a failed test left.
void destroyAllContainers(const SystemBus& bus);

// A job's property (State, Step, ...) as text, or the error's name.
QString jobProperty(const SystemBus& bus, const QString& job, const QString& property);
// Waits until the job's State leaves "running" (five minutes at most):
// the state it ended in, the error's name, or "timed out".
QString waitForJob(const SystemBus& bus, const QString& job);

// `gdbus call` of INTERFACE.METHOD on the helper's object (or another, a
// job's) on this bus; the caller appends the arguments.
QStringList gdbusCall(const SystemBus& bus, const QString& interfaceAndMethod, const QString& objectPath = kPath);
// A string as GVariant text for gdbus's arguments.
QString gvariantString(QString text);

// Polls `done`, running the event loop in between, until it holds or
// `timeoutMs` passed; whether it held. Callers assert on the outcome
// themselves, so a failure names what was waited for.
bool waitUntil(const std::function<bool()>& done, int timeoutMs);

} // namespace berth::test
