// create and run.
#include "cmd_images.h"
#include "command_line.h"
#include "commands.h"
#include "exit_codes.h"
#include "input_file.h"
#include "limits_options.h"
#include "log_follow.h"

#include "berth/model/trace.h"
#include "session.h"
#include "tr.h"
#include "value_parsers.h"

#include <QFileInfo>
#include <QRandomGenerator>

#include <algorithm>
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
    line.addValue({QStringLiteral("address")}, QStringLiteral("ADDRESS"),
                  Cli::tr("A static IPv4 address for eth0 on its network (10.0.3.20 or 10.0.3.20/24)."));
    line.addValue({QStringLiteral("forward")}, QStringLiteral("FORWARD"),
                  Cli::tr("Forward a host port to the container, PROTO:HOSTPORT:PORT (tcp:8080:80); may be repeated."));
    line.addFlag({QStringLiteral("autostart")}, Cli::tr("Start the container with the host."));
    line.addValue({QStringLiteral("p"), QStringLiteral("publish")}, QStringLiteral("HOSTPORT:PORT[/udp]"),
                  Cli::tr("Publish a container's port on the host, as docker's -p (a forward); may be repeated."));
    line.addValue({QStringLiteral("entrypoint")}, QStringLiteral("COMMAND"),
                  Cli::tr("An image container: run this instead of the image's entrypoint (and drop its command)."));
    line.addValue({QStringLiteral("w"), QStringLiteral("workdir")}, QStringLiteral("DIR"),
                  Cli::tr("An image container: the working directory instead of the image's."));
    line.addValue({QStringLiteral("u"), QStringLiteral("user")}, QStringLiteral("USER[:GROUP]"),
                  Cli::tr("An image container: the user (name or uid) instead of the image's."));
    addLimitOptions(line);
}

// The image container's options (-p, --entrypoint, -w, -u) into the setup.
Parsed<void> imageSettings(const VerbLine& line, client::CreateSetup& setup)
{
    for (const auto& text : line.values(QStringLiteral("publish"))) {
        auto forward = parsePublish(text);
        if (!forward)
            return std::unexpected(forward.error());
        setup.forwards << *forward;
    }
    if (line.isSet(QStringLiteral("entrypoint"))) {
        const QString entrypoint = line.value(QStringLiteral("entrypoint"));
        setup.entrypoint = entrypoint.isEmpty() ? QStringList() : QStringList{entrypoint};
    }
    setup.workingDir = line.value(QStringLiteral("workdir"));
    setup.user = line.value(QStringLiteral("user"));
    return {};
}

// An image container: the image template with the reference; the image
// is pulled first when the store lacks it (with its progress).
int useImage(client::CreateRequest& request, const QString& reference, bool quiet)
{
    request.templateName = QStringLiteral("image");
    request.options.insert(QStringLiteral("reference"), reference);
    return ensureImage(reference, quiet);
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
    auto limits = limitsFromLine(line);
    if (!limits) {
        *code = reportUsage(limits.error());
        return false;
    }
    request.setup.limits = *limits;
    request.setup.address = line.value(QStringLiteral("address"));
    request.setup.forwards = line.values(QStringLiteral("forward"));
    request.setup.autostart = line.isSet(QStringLiteral("autostart"));
    if (auto image = imageSettings(line, request.setup); !image) {
        *code = reportUsage(image.error());
        return false;
    }
    return true;
}

// The --file descriptor, open until the call has sent its copy.
using InputFd = client::LocalFd;

int createAndFollow(const client::CreateRequest& request, bool quiet)
{
    auto job = helperClient().createContainer(request);
    if (!job)
        return reportError(job.error());
    auto done = followJob(*job, quiet);
    return done ? int(kExitOk) : reportError(done.error());
}

} // namespace

int cmdCreate(const QStringList& args)
{
    VerbLine line(QStringLiteral("create"),
                  QStringLiteral("NAME -t TEMPLATE|--image REF [-o KEY=VALUE]... [--file PATH] [--network BRIDGE] "
                                 "[--privileged] [--address ADDRESS] [--forward PROTO:HOSTPORT:PORT]... "
                                 "[-p HOSTPORT:PORT]... [-e KEY=VALUE]... [--entrypoint CMD] [-w DIR] [-u USER] "
                                 "[--memory SIZE] [--cpus N] [--pids N] ... [--autostart] [--app] [-- COMMAND...]"),
                  Cli::tr("Create a container from a template, or from an image of a registry (pulled first when "
                          "the store lacks it)."));
    line.addValue({QStringLiteral("t"), QStringLiteral("template")}, QStringLiteral("TEMPLATE"),
                  Cli::tr("The template (see 'berthctl template list')."));
    line.addValue({QStringLiteral("image")}, QStringLiteral("REF"),
                  Cli::tr("An image, [REGISTRY/]REPOSITORY[:TAG|@DIGEST]: an application container of it whose "
                          "COMMAND replaces the image's command."));
    line.addValue({QStringLiteral("e"), QStringLiteral("env")}, QStringLiteral("KEY=VALUE"),
                  Cli::tr("An environment variable for the command (lxc.environment)."));
    addCreateOptions(line);
    line.addFlag({QStringLiteral("app")}, Cli::tr("An application container running COMMAND."));
    line.addFlag({QStringLiteral("system")}, Cli::tr("A system container (its own init).")); // not a wire name
    if (int code = line.parse(args, 1, 1); code >= 0)
        return code;
    const bool image = line.isSet(QStringLiteral("image"));
    if (line.isSet(QStringLiteral("template")) == image)
        return reportUsage(Cli::tr("create: one of -t TEMPLATE and --image REF is required"));
    client::CreateRequest request;
    request.name = line.positional().at(0);
    request.templateName = line.value(QStringLiteral("template"));
    int code = kExitOk;
    if (!collectOptions(line, request, &code))
        return code;
    for (const auto& text : line.values(QStringLiteral("env"))) {
        if (auto pair = parseKeyValue(text); !pair)
            return reportUsage(pair.error());
        request.setup.environment << text;
    }
    if (image) {
        if (int pulled = useImage(request, line.value(QStringLiteral("image")), false); pulled != kExitOk)
            return pulled;
    }
    if (line.isSet(QStringLiteral("app")))
        request.kind = model::ContainerKind::Application;
    else if (line.isSet(QStringLiteral("system"))) // an option, not a wire name
        request.kind = model::ContainerKind::System;
    request.command = line.afterDashes();
    InputFd input;
    if (line.isSet(QStringLiteral("file"))) {
        auto fd = openInput(line.value(QStringLiteral("file")));
        if (!fd)
            return reportUsage(fd.error());
        input = std::move(*fd);
        request.inputFd = input.get();
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
// A helper that died meanwhile is asked once more: the next one watches it too.
int waitForRemoval(const QString& name)
{
    auto ended = helperClient().waitRemoved(name);
    if (!ended && ended.error().kind == client::ErrorKind::NoHelper)
        ended = helperClient().waitRemoved(name);
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
    trace::point("berthctl", "created, starting");
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
    trace::point("berthctl", "started");
    if (!line.isSet(QStringLiteral("interactive"))) {
        const int code = printLog(name, true);
        trace::point("berthctl", "output printed, the command ended");
        return remove ? waitForRemoval(name) : code;
    }
    if (auto leave = followConsole(line, name))
        return *leave;
    return remove ? waitForRemoval(name) : waitForStop(name);
}

// run's settings (--rm, -e, -s), part of the one create call: the helper
// honours --rm even if we are gone, and a refused setting leaves nothing.
Parsed<void> runSettings(const VerbLine& line, client::CreateSetup& setup)
{
    setup.removeWhenStopped = line.isSet(QStringLiteral("rm"));
    for (const auto& text : line.values(QStringLiteral("env"))) {
        auto pair = parseKeyValue(text);
        if (!pair)
            return std::unexpected(pair.error());
        setup.environment << text;
    }
    for (const auto& text : line.values(QStringLiteral("set"))) {
        auto pair = parseKeyValue(text);
        if (!pair)
            return std::unexpected(pair.error());
        setup.config.insert(pair->first, pair->second);
    }
    return {};
}

// run's SOURCE names a template of the helper's (else, not being a path,
// it is an image). A helper that cannot list them leaves it a template,
// so the create call reports what is wrong.
bool isTemplateName(const QString& source)
{
    // Templates' names are plain words: a reference with a registry, tag or
    // digest is an image without asking.
    if (source.contains(QLatin1Char('/')) || source.contains(QLatin1Char(':')) || source.contains(QLatin1Char('@')))
        return false;
    auto templates = helperClient().templates();
    if (!templates)
        return true;
    return std::any_of(templates->begin(), templates->end(),
                       [&source](const client::TemplateInfo& info) { return info.name == source; });
}

// The request from run's command line; false after reporting a usage error.
bool runRequest(const VerbLine& line, client::CreateRequest& request, InputFd& input, int* code)
{
    const QString source = line.positional().at(0);
    request.name = line.isSet(QStringLiteral("name"))
                       ? line.value(QStringLiteral("name"))
                       : QStringLiteral("run-%1").arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    request.kind = model::ContainerKind::Application;
    // "run -it debian:bookworm bash": the words after SOURCE are the command
    // too (options after them need "--", as QCommandLineParser reads them).
    request.command = line.positional().mid(1) + line.afterDashes();
    if (!collectOptions(line, request, code))
        return false;
    const bool isPath =
        source.startsWith(QLatin1Char('/')) || source.startsWith(QLatin1Char('.')) || QFileInfo::exists(source);
    if (!isPath && !isTemplateName(source)) {
        *code = useImage(request, source, false);
        return *code == kExitOk;
    }
    const QString file = isPath ? source : line.value(QStringLiteral("file"));
    request.templateName = isPath ? QStringLiteral("oci") : source;
    if (file.isEmpty())
        return true;
    auto fd = openInput(file);
    if (!fd) {
        *code = reportUsage(fd.error());
        return false;
    }
    input = std::move(*fd);
    request.inputFd = input.get();
    return true;
}

} // namespace

int cmdRun(const QStringList& args)
{
    VerbLine line(QStringLiteral("run"),
                  QStringLiteral("[--rm] [-i] [-t] [-d] [--privileged] TEMPLATE|PATH|IMAGE [--name NAME] "
                                 "[-o KEY=VALUE]... [-e KEY=VALUE]... [-s KEY=VALUE]... [-p HOSTPORT:PORT]... "
                                 "[--entrypoint CMD] [-w DIR] [-u USER] [--] [COMMAND...]"),
                  Cli::tr("Create an application container, start it and attach to its console (as 'docker run'). "
                          "PATH is an OCI archive or layout, sent to the oci template; anything that is neither a "
                          "template nor a path is an image of a registry, [REGISTRY/]REPOSITORY[:TAG|@DIGEST], "
                          "pulled first when the store lacks it, whose command COMMAND replaces. "
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
    if (int code = line.parse(args, 1, -1); code >= 0)
        return code;
    client::CreateRequest request;
    InputFd input;
    int code = kExitOk;
    if (!runRequest(line, request, input, &code))
        return code;
    if (auto settings = runSettings(line, request.setup); !settings)
        return reportUsage(settings.error());
    trace::point("berthctl", "arguments read, creating");
    if (int created = createAndFollow(request, !::isatty(STDERR_FILENO)); created != kExitOk)
        return created;
    return runContainer(line, request.name);
}

} // namespace berth::cli
