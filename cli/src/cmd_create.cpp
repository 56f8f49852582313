// create and run.
#include "command_line.h"
#include "commands.h"
#include "exit_codes.h"
#include "input_file.h"
#include "log_follow.h"
#include "session.h"
#include "tr.h"
#include "value_parsers.h"

#include <QFileInfo>
#include <QRandomGenerator>

#include <optional>

#include <unistd.h>

namespace berth::cli {
namespace {

void addCreateOptions(VerbLine& line)
{
    line.addValue({QStringLiteral("o"), QStringLiteral("option")}, QStringLiteral("KEY=VALUE"),
                  Cli::tr("A template option (see 'berthctl template list')."));
    line.addValue(
        {QStringLiteral("file")}, QStringLiteral("PATH"),
        Cli::tr("Input for the template (tarball, OCI archive or layout, LXC container directory; - is stdin)."));
    line.addValue({QStringLiteral("network")}, QStringLiteral("BRIDGE"),
                  Cli::tr("Attach eth0 to this bridge (berthbr0, Berth's default bridge, is made on first use). "
                          "Without it the container has no network, only loopback."));
    line.addFlag({QStringLiteral("privileged")},
                 Cli::tr("A privileged container: no user namespace, root inside is root on the host "
                         "(needs an administrator)."));
}

// -o options into the request; false after reporting a bad one.
bool collectOptions(const VerbLine& line, client::CreateRequest& request, int* code)
{
    for (const auto& text : line.values(QStringLiteral("option"))) {
        auto pair = parseKeyValue(text);
        if (!pair) {
            *code = reportUsage(pair.error());
            return false;
        }
        request.options.insert(pair->first, pair->second);
    }
    request.network = line.value(QStringLiteral("network"));
    request.privileged = line.isSet(QStringLiteral("privileged"));
    return true;
}

class InputFd {
public:
    ~InputFd()
    {
        if (fd > 0)
            ::close(fd);
    }
    int fd = -1;
};

int createAndFollow(const client::CreateRequest& request, bool quiet)
{
    auto job = helperClient().create(request);
    if (!job)
        return reportError(job.error());
    auto done = followJob(*job, quiet);
    return done ? int(kExitOk) : reportError(done.error());
}

} // namespace

int cmdCreate(const QStringList& args)
{
    VerbLine line(QStringLiteral("create"),
                  QStringLiteral("NAME -t TEMPLATE [-o KEY=VALUE]... [--file PATH] [--network BRIDGE] [--privileged] "
                                 "[--app -- COMMAND...]"),
                  Cli::tr("Create a container from a template."));
    line.addValue({QStringLiteral("t"), QStringLiteral("template")}, QStringLiteral("TEMPLATE"),
                  Cli::tr("The template (see 'berthctl template list')."));
    addCreateOptions(line);
    line.addFlag({QStringLiteral("app")}, Cli::tr("An application container running COMMAND."));
    line.addFlag({QStringLiteral("system")}, Cli::tr("A system container (its own init)."));
    if (int code = line.parse(args, 1, 1); code >= 0)
        return code;
    if (!line.isSet(QStringLiteral("template")))
        return reportUsage(Cli::tr("create: -t TEMPLATE is required"));
    client::CreateRequest request;
    request.name = line.positional().at(0);
    request.templateName = line.value(QStringLiteral("template"));
    int code = kExitOk;
    if (!collectOptions(line, request, &code))
        return code;
    if (line.isSet(QStringLiteral("app")))
        request.kind = QStringLiteral("application");
    else if (line.isSet(QStringLiteral("system")))
        request.kind = QStringLiteral("system");
    request.command = line.afterDashes();
    InputFd input;
    if (line.isSet(QStringLiteral("file"))) {
        auto fd = openInput(line.value(QStringLiteral("file")));
        if (!fd)
            return reportUsage(fd.error());
        input.fd = *fd;
        request.inputFd = *fd;
    }
    return createAndFollow(request, false);
}

namespace {

int waitForStop(const QString& name)
{
    for (;;) {
        auto info = helperClient().container(name);
        if (!info)
            return reportError(info.error());
        if (info->state == model::RunState::Stopped)
            return info->hasExited ? exitCodeForStatus(info->lastExitCode, 0) : int(kExitOk);
        ::usleep(200000);
    }
}

// --rm: the helper removes the container once it has stopped and we let it.
int waitForRemoval(const QString& name)
{
    auto ended = helperClient().waitRemoved(name);
    if (!ended)
        return reportError(ended.error());
    return exitCodeForStatus(ended->status, ended->signal);
}

// The console until the command ends (nullopt), or the exit code to leave
// with at once: after Ctrl-a q or a signal it runs on (--rm then happens
// without us, in the helper), or the console could not be had.
std::optional<int> followConsole(const VerbLine& line, const QString& name)
{
    auto attached = attachConsole(name, 0, true, line.isSet(QStringLiteral("tty")));
    if (attached && (*attached == RelayEnd::Detached || *attached == RelayEnd::Signalled))
        return int(kExitOk);
    // Busy or Failed: a command that has ended left no console to attach to.
    if (!attached && attached.error().kind != client::ErrorKind::Busy &&
        attached.error().kind != client::ErrorKind::Failed)
        return reportError(attached.error());
    return std::nullopt;
}

int runContainer(const VerbLine& line, const QString& name)
{
    const bool remove = line.isSet(QStringLiteral("rm"));
    if (auto started = helperClient().start(name); !started) {
        const int code = reportError(started.error());
        if (remove) // it never ran: the helper has nothing to remove
            (void)helperClient().destroy(name, true);
        return code;
    }
    if (line.isSet(QStringLiteral("detach"))) {
        printOut(name + QLatin1Char('\n'));
        return kExitOk;
    }
    // Without -i the output comes from the console log, so nothing the
    // command printed before we look is lost; with -i the console carries
    // input and output.
    if (!line.isSet(QStringLiteral("interactive"))) {
        const int code = printLog(name, true);
        return remove ? waitForRemoval(name) : code;
    }
    if (auto leave = followConsole(line, name))
        return *leave;
    return remove ? waitForRemoval(name) : waitForStop(name);
}

// run's settings (--rm, -e, -s) as lines added to the new container's
// config before its start: the helper honours --rm even if we are gone.
Parsed<QStringList> runSettings(const VerbLine& line)
{
    QStringList lines;
    if (line.isSet(QStringLiteral("rm")))
        lines << QStringLiteral("berth.remove_when_stopped = 1");
    for (const auto& text : line.values(QStringLiteral("env"))) {
        auto pair = parseKeyValue(text);
        if (!pair)
            return std::unexpected(pair.error());
        lines << QStringLiteral("lxc.environment = ") + text;
    }
    for (const auto& text : line.values(QStringLiteral("set"))) {
        auto pair = parseKeyValue(text);
        if (!pair)
            return std::unexpected(pair.error());
        lines << pair->first + QStringLiteral(" = ") + pair->second;
    }
    return lines;
}

client::Status addSettings(const QString& name, const QStringList& lines)
{
    if (lines.isEmpty())
        return {};
    auto config = helperClient().config(name);
    if (!config)
        return std::unexpected(config.error());
    QString text = *config;
    if (!text.isEmpty() && !text.endsWith(QLatin1Char('\n')))
        text += QLatin1Char('\n');
    return helperClient().setConfig(name, text + lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

// The request from run's command line; false after reporting a usage error.
bool runRequest(const VerbLine& line, client::CreateRequest& request, InputFd& input, int* code)
{
    const QString source = line.positional().at(0);
    request.name = line.isSet(QStringLiteral("name"))
                       ? line.value(QStringLiteral("name"))
                       : QStringLiteral("run-%1").arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    request.kind = QStringLiteral("application");
    request.command = line.afterDashes();
    if (!collectOptions(line, request, code))
        return false;
    const bool isPath = source.contains(QLatin1Char('/')) || QFileInfo::exists(source);
    const QString file = isPath ? source : line.value(QStringLiteral("file"));
    request.templateName = isPath ? QStringLiteral("oci") : source;
    if (file.isEmpty())
        return true;
    auto fd = openInput(file);
    if (!fd) {
        *code = reportUsage(fd.error());
        return false;
    }
    input.fd = *fd;
    request.inputFd = *fd;
    return true;
}

} // namespace

int cmdRun(const QStringList& args)
{
    VerbLine line(QStringLiteral("run"),
                  QStringLiteral("[--rm] [-i] [-t] [-d] [--privileged] TEMPLATE|IMAGE [--name NAME] [-o KEY=VALUE]... "
                                 "[-e KEY=VALUE]... [-s KEY=VALUE]... -- COMMAND..."),
                  Cli::tr("Create an application container, start it and attach to its console (as 'docker run'). "
                          "IMAGE is a path to an OCI archive or layout, sent to the oci template. "
                          "The exit status is the command's."));
    line.addFlag({QStringLiteral("rm")},
                 Cli::tr("Destroy the container when it stops, also after a detach or if berthctl is killed."));
    line.addFlag({QStringLiteral("i"), QStringLiteral("interactive")}, Cli::tr("Pass stdin to the console."));
    line.addFlag({QStringLiteral("t"), QStringLiteral("tty")},
                 Cli::tr("Raw terminal, Ctrl-a q detaches and leaves the container running."));
    line.addFlag({QStringLiteral("d"), QStringLiteral("detach")}, Cli::tr("Start it and print its name."));
    line.addValue({QStringLiteral("name")}, QStringLiteral("NAME"), Cli::tr("The container's name."));
    line.addValue({QStringLiteral("e"), QStringLiteral("env")}, QStringLiteral("KEY=VALUE"),
                  Cli::tr("An environment variable for the command (lxc.environment)."));
    line.addValue({QStringLiteral("s"), QStringLiteral("set")}, QStringLiteral("KEY=VALUE"),
                  Cli::tr("A config key for this container (as lxc-execute -s)."));
    addCreateOptions(line);
    if (int code = line.parse(args, 1, 1); code >= 0)
        return code;
    auto settings = runSettings(line);
    if (!settings)
        return reportUsage(settings.error());
    client::CreateRequest request;
    InputFd input;
    int code = kExitOk;
    if (!runRequest(line, request, input, &code))
        return code;
    if (int created = createAndFollow(request, !::isatty(STDERR_FILENO)); created != kExitOk)
        return created;
    if (auto added = addSettings(request.name, *settings); !added) {
        (void)helperClient().destroy(request.name, true);
        return reportError(added.error());
    }
    return runContainer(line, request.name);
}

} // namespace berth::cli
