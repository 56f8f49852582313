// The steps the kill -9 cases share: berthctl started in the background,
// the helper killed by the PID the bus names, and what a client must do
// then (end within a bound, exit 6, say the helper stopped).
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

#include <filesystem>

namespace berth::test {

class SystemBus;

// Starts the built berthctl with `args` (stdin closed); false if it did not start.
bool startBerthctl(QProcess& process, const QStringList& args);

// kill -9 of the helper that owns Berth's name on `bus`, then waits (10 s
// at most) until the bus says the name has no owner. Empty, or why not.
QString killHelper(const SystemBus& bus);

// Empty when `process` ended within 15 s with exit 6 and said the helper
// stopped; else what it did instead (still running, its code and output).
QString checkEndedHelperGone(QProcess& process);

// Entries of `dir` whose name contains `part` (staging, moved-aside dirs).
QStringList entriesNaming(const std::filesystem::path& dir, const QString& part);

// The host snapshot's differences, without lines that contain one of
// `allowed` (what the operation legitimately changed, e.g. a log's size).
QStringList differencesBesides(const QStringList& differences, const QStringList& allowed);

} // namespace berth::test
