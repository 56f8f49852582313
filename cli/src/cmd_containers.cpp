// list, info, start, stop, kill, freeze, unfreeze, destroy, convert.
#include "command_line.h"
#include "commands.h"

#include "berth/model/stop_timeout.h"
#include "berth/model/units.h"
#include "exit_codes.h"
#include "session.h"
#include "start_log.h"
#include "tr.h"
#include "value_parsers.h"
#include "views.h"

namespace berth::cli {

int cmdList(const QStringList& args)
{
    VerbLine line(QStringLiteral("list"), QStringLiteral("[--json|--names]"), Cli::tr("List containers."));
    line.addFlag({QStringLiteral("json")}, Cli::tr("Print JSON."));
    line.addFlag({QStringLiteral("names")}, Cli::tr("Print only the names, one a line."));
    if (int code = line.parse(args, 0, 0); code >= 0)
        return code;
    auto names = helperClient().listContainers();
    if (!names)
        return reportError(names.error());
    if (line.isSet(QStringLiteral("names"))) {
        printOut(names->keys().join(QLatin1Char('\n')) + (names->isEmpty() ? QString() : QStringLiteral("\n")));
        return kExitOk;
    }
    QList<client::ContainerInfo> infos;
    for (auto it = names->begin(); it != names->end(); ++it) {
        auto info = helperClient().container(it.key());
        // A container destroyed meanwhile is no error for a listing.
        if (info)
            infos << *info;
        else if (info.error().kind != client::ErrorKind::NotFound)
            return reportError(info.error());
    }
    if (line.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const auto& info : infos)
            array.append(containerJson(info));
        printOut(jsonText(array));
    } else {
        printOut(containersTable(infos));
    }
    return kExitOk;
}

int cmdInfo(const QStringList& args)
{
    VerbLine line(QStringLiteral("info"), QStringLiteral("NAME [--json]"), Cli::tr("Show one container."));
    line.addFlag({QStringLiteral("json")}, Cli::tr("Print JSON."));
    if (int code = line.parse(args, 1, 1); code >= 0)
        return code;
    auto info = helperClient().container(line.positional().at(0));
    if (!info)
        return reportError(info.error());
    printOut(line.isSet(QStringLiteral("json")) ? jsonText(containerJson(*info)) : containerDetails(*info));
    return kExitOk;
}

// The verbs that take one name and make one call.
template <class Call>
static int simpleVerb(const QStringList& args, const QString& verb, const QString& description, Call call)
{
    VerbLine line(verb, QStringLiteral("NAME"), description);
    if (int code = line.parse(args, 1, 1); code >= 0)
        return code;
    return finishWith(call(line.positional().at(0)));
}

// The start as one call, each event to `log` (-o/-l): what is started, the
// config's warnings, then how it went.
static int startLogged(StartLog& log, const QString& name, const QStringList& command)
{
    log.write(LogLevel::Info,
              command.isEmpty()
                  ? Cli::tr("starting %1").arg(name)
                  : Cli::tr("starting %1 with the command: %2").arg(name, command.join(QLatin1Char(' '))));
    // A container that cannot be read now is the start's to report.
    if (auto info = helperClient().container(name)) {
        for (const QString& warning : info->warnings)
            log.write(LogLevel::Warn, warning);
    }
    auto started = command.isEmpty() ? helperClient().start(name) : helperClient().startWith(name, command);
    if (!started) {
        if (!started.error().name.isEmpty())
            log.write(LogLevel::Debug, Cli::tr("the helper answered %1").arg(started.error().name));
        log.write(LogLevel::Error, Cli::tr("%1 failed to start: %2").arg(name, errorText(started.error())));
        // On stderr the log's ERROR line is the report; with a file, stderr says it as always.
        return log.isFile() ? reportError(started.error()) : exitCodeFor(started.error().kind);
    }
    auto info = helperClient().container(name);
    if (info && info->pid > 0)
        log.write(LogLevel::Info, Cli::tr("%1 is running, init PID %2").arg(name).arg(info->pid));
    else
        log.write(LogLevel::Info, Cli::tr("%1 started").arg(name));
    return kExitOk;
}

int cmdStart(const QStringList& args)
{
    VerbLine line(QStringLiteral("start"), QStringLiteral("NAME [-o FILE] [-l LEVEL] [-- COMMAND...]"),
                  Cli::tr("Start a stopped container. With COMMAND, that runs as its init for this run "
                          "(as lxc-start NAME -- COMMAND). What the container prints is its console log "
                          "(berthctl logs NAME)."));
    line.addValue({QStringLiteral("o"), QStringLiteral("logfile")}, QStringLiteral("FILE"),
                  Cli::tr("Append a log of this start to FILE (as lxc-start -o): a line per event with its "
                          "time and level."));
    line.addValue({QStringLiteral("l"), QStringLiteral("logpriority")}, QStringLiteral("LEVEL"),
                  Cli::tr("The least level logged, one of %1 (default ERROR). Without -o, the log goes to "
                          "stderr.")
                      .arg(logLevelNames().join(QStringLiteral(", "))));
    if (int code = line.parse(args, 1, 1); code >= 0)
        return code;
    const QString name = line.positional().at(0);
    const QStringList command = line.afterDashes();
    const bool toFile = line.isSet(QStringLiteral("logfile"));
    if (!toFile && !line.isSet(QStringLiteral("logpriority")))
        return finishWith(command.isEmpty() ? helperClient().start(name) : helperClient().startWith(name, command));
    auto level = line.isSet(QStringLiteral("logpriority")) ? parseLogLevel(line.value(QStringLiteral("logpriority")))
                                                           : Parsed<LogLevel>(LogLevel::Error);
    if (!level)
        return reportUsage(level.error());
    auto log = toFile ? StartLog::openFile(line.value(QStringLiteral("logfile")), *level)
                      : Parsed<StartLog>(StartLog::toStderr(*level));
    if (!log)
        return reportUsage(log.error());
    return startLogged(*log, name, command);
}

int cmdFreeze(const QStringList& args)
{
    return simpleVerb(args, QStringLiteral("freeze"), Cli::tr("Freeze every process of a running container."),
                      [](const QString& name) { return helperClient().freeze(name); });
}

int cmdUnfreeze(const QStringList& args)
{
    return simpleVerb(args, QStringLiteral("unfreeze"), Cli::tr("Thaw a frozen container."),
                      [](const QString& name) { return helperClient().thaw(name); });
}

int cmdStop(const QStringList& args)
{
    VerbLine line(QStringLiteral("stop"), QStringLiteral("NAME [-t SECONDS]"),
                  Cli::tr("Stop a container: its halt signal, then SIGKILL after the timeout."));
    line.addValue({QStringLiteral("t"), QStringLiteral("timeout")}, QStringLiteral("SECONDS"),
                  Cli::tr("Seconds before SIGKILL (0-3600, default 10)."));
    if (int code = line.parse(args, 1, 1); code >= 0)
        return code;
    uint timeout = model::kDefaultStopTimeoutSeconds;
    if (line.isSet(QStringLiteral("timeout"))) {
        auto parsed = parseInteger(line.value(QStringLiteral("timeout")), 0, model::kMaxStopTimeoutSeconds);
        if (!parsed)
            return reportUsage(parsed.error());
        timeout = uint(*parsed);
    }
    auto job = helperClient().stop(line.positional().at(0), timeout);
    if (!job)
        return reportError(job.error());
    return finishWith(followJob(*job));
}

int cmdKill(const QStringList& args)
{
    VerbLine line(QStringLiteral("kill"), QStringLiteral("NAME [-s SIGNAL]"),
                  Cli::tr("Send a signal to the container's init."));
    line.addValue({QStringLiteral("s"), QStringLiteral("signal")}, QStringLiteral("SIGNAL"),
                  Cli::tr("Name or number (default KILL)."));
    if (int code = line.parse(args, 1, 1); code >= 0)
        return code;
    const QString given =
        line.isSet(QStringLiteral("signal")) ? line.value(QStringLiteral("signal")) : QStringLiteral("KILL");
    const auto signal = model::parseSignal(given.toStdString());
    if (!signal)
        return reportUsage(Cli::tr("invalid signal '%1' (a name such as TERM or a number 1-64)").arg(given));
    return finishWith(helperClient().kill(line.positional().at(0), *signal));
}

int cmdDestroy(const QStringList& args)
{
    VerbLine line(QStringLiteral("destroy"), QStringLiteral("NAME [-f]"),
                  Cli::tr("Remove a container and its root filesystem."));
    line.addFlag({QStringLiteral("f"), QStringLiteral("force")}, Cli::tr("Stop it first if it runs."));
    if (int code = line.parse(args, 1, 1); code >= 0)
        return code;
    return finishWith(helperClient().destroy(line.positional().at(0), line.isSet(QStringLiteral("force"))));
}

int cmdConvert(const QStringList& args)
{
    VerbLine line(QStringLiteral("convert"), QStringLiteral("NAME --unprivileged"),
                  Cli::tr("Give a stopped privileged container a user namespace of its own: root inside becomes "
                          "an unprivileged user on the host."));
    line.addFlag({QStringLiteral("unprivileged")}, Cli::tr("Convert to an unprivileged container (the only way)."));
    if (int code = line.parse(args, 1, 1); code >= 0)
        return code;
    // Said on the command line, so that what it does is never a surprise.
    if (!line.isSet(QStringLiteral("unprivileged")))
        return reportUsage(Cli::tr("convert: --unprivileged is required"));
    auto job = helperClient().convertToUnprivileged(line.positional().at(0));
    if (!job)
        return reportError(job.error());
    return finishWith(followJob(*job));
}

} // namespace berth::cli
