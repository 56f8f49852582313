// berthctl's verbs. Each takes the words after the verb and returns the
// process's exit code.
#pragma once

#include "terminal.h"

#include "client_error.h"

#include <QList>
#include <QStringList>

namespace berth::cli {

using VerbFunction = int (*)(const QStringList& args);

struct Verb {
    const char* name;
    VerbFunction run;
    const char* summary;
};

[[nodiscard]] const QList<Verb>& verbs();

int cmdList(const QStringList& args);
int cmdInfo(const QStringList& args);
int cmdStart(const QStringList& args);
int cmdStop(const QStringList& args);
int cmdKill(const QStringList& args);
int cmdFreeze(const QStringList& args);
int cmdUnfreeze(const QStringList& args);
int cmdDestroy(const QStringList& args);
int cmdConvert(const QStringList& args);
int cmdCreate(const QStringList& args);
int cmdRun(const QStringList& args);
int cmdExec(const QStringList& args);
int cmdConsole(const QStringList& args);
int cmdLogs(const QStringList& args);
int cmdConfig(const QStringList& args);
int cmdLimits(const QStringList& args);
int cmdStats(const QStringList& args);
int cmdTemplate(const QStringList& args);
int cmdCheckconfig(const QStringList& args);
int cmdExport(const QStringList& args);
int cmdBridge(const QStringList& args);
int cmdForward(const QStringList& args);
int cmdInterface(const QStringList& args);
int cmdAutostart(const QStringList& args);
int cmdShare(const QStringList& args);
int cmdUnshare(const QStringList& args);
int cmdPull(const QStringList& args);

// The quick path's hand-over (handoff.cpp); not verbs, not in --help.
int handOffReportError(const QStringList& args);
int handOffReportHelperLeft(const QStringList& args);
int handOffFollowJob(const QStringList& args);
int cmdImages(const QStringList& args);
int cmdImage(const QStringList& args);

// Relays a container's console until detach, its stop, or a signal
// (cmd_exec.cpp), and says which it was.
client::Result<RelayEnd> attachConsole(const QString& name, int tty, bool input, bool detachable);

} // namespace berth::cli
