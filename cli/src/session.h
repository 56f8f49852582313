// What every verb shares: the client (created on first use), printing,
// error reporting with the exit code, and following jobs.
#pragma once

#include "client.h"

#include <QDBusObjectPath>
#include <QString>

namespace berth::cli {

client::Client& helperClient();
// Ends the client and its bus connection; main() calls it before exiting.
void releaseHelperClient();

void printOut(const QString& text);
void printErr(const QString& text);

// The error for people: its message, or what it means when it has none to say.
QString errorText(const client::ClientError& error);
// Prints "berthctl: <errorText>" and returns the exit code for the error.
int reportError(const client::ClientError& error);
int reportUsage(const QString& message);

// Interrupted: as if Ctrl-C came at once (the quick path got it first).
enum class FollowStart { Normally, Interrupted };

// Follows a job to its end: a progress bar on stderr when it is a
// terminal, step lines otherwise; log lines and its items (a pull's
// layers, item_block.h) on stderr. `resultValue`: the job's Result once
// it succeeded (a pull's image id). The first Ctrl-C cancels the job.
client::Status followJob(const QDBusObjectPath& job, bool quiet = false, QString* resultValue = nullptr,
                         FollowStart start = FollowStart::Normally);

// Reports a Status: 0, or the error's code after printing it.
int finishWith(const client::Status& status);

} // namespace berth::cli
