// exec and console: a command in a running container, or its console.
#include "command_line.h"
#include "commands.h"
#include "exit_codes.h"
#include "log_follow.h"
#include "session.h"
#include "terminal.h"
#include "tr.h"
#include "value_parsers.h"

#include <sys/ioctl.h>
#include <unistd.h>

namespace berth::cli {
namespace {

void copyWindowSize(int pty)
{
    winsize size{};
    if (::ioctl(STDIN_FILENO, TIOCGWINSZ, &size) == 0)
        ::ioctl(pty, TIOCSWINSZ, &size);
}

// The command did not start: the helper's reason, and a shell's exit code.
int reportNotStarted(const client::ClientError& error)
{
    (void)reportError(error);
    return exitCodeForExec(error);
}

int execWithTerminal(const client::ExecRequest& request)
{
    auto started = helperClient().execPty(request);
    if (!started)
        return reportNotStarted(started.error());
    const int pty = started->second.fileDescriptor();
    copyWindowSize(pty);
    {
        RawTerminal raw(STDIN_FILENO);
        RelayOptions options;
        options.remote = pty;
        // We hold the master: the window size goes to it directly.
        options.onResize = [pty](unsigned short, unsigned short) { copyWindowSize(pty); };
        relay(options);
    }
    auto status = helperClient().waitExec(started->first);
    if (!status)
        return reportError(status.error());
    return exitCodeForStatus(status->status, status->signal);
}

int execWithOwnFds(const client::ExecRequest& request)
{
    auto id = helperClient().execWithFds(request, STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO);
    if (!id)
        return reportNotStarted(id.error());
    auto status = helperClient().waitExec(*id);
    if (!status)
        return reportError(status.error());
    return exitCodeForStatus(status->status, status->signal);
}

} // namespace

int cmdExec(const QStringList& args)
{
    VerbLine line(QStringLiteral("exec"), QStringLiteral("NAME [-e K=V]... [--cwd DIR] -- COMMAND [ARG...]"),
                  Cli::tr("Run a command in a running container. With a terminal on stdin it gets a new pty, "
                          "otherwise berthctl's own stdin, stdout and stderr. The exit status is the command's."));
    line.addValue({QStringLiteral("e"), QStringLiteral("env")}, QStringLiteral("K=V"),
                  Cli::tr("Add an environment variable."));
    line.addValue({QStringLiteral("cwd")}, QStringLiteral("DIR"), Cli::tr("Working directory (default /)."));
    line.addFlag({QStringLiteral("T"), QStringLiteral("no-tty")}, Cli::tr("Never allocate a pty."));
    if (int code = line.parse(args, 1, 1); code >= 0)
        return code;
    if (line.afterDashes().isEmpty())
        return reportUsage(Cli::tr("exec: no command given (berthctl exec NAME -- COMMAND)"));
    client::ExecRequest request;
    request.name = line.positional().at(0);
    request.argv = line.afterDashes();
    for (const auto& pair : line.values(QStringLiteral("env"))) {
        if (auto parsed = parseKeyValue(pair); !parsed)
            return reportUsage(parsed.error());
        request.env << pair;
    }
    if (line.isSet(QStringLiteral("cwd")))
        request.cwd = line.value(QStringLiteral("cwd"));
    if (::isatty(STDIN_FILENO) && !line.isSet(QStringLiteral("no-tty")))
        return execWithTerminal(request);
    return execWithOwnFds(request);
}

client::Result<RelayEnd> attachConsole(const QString& name, int tty, bool input, bool detachable)
{
    auto console = helperClient().openConsole(name, tty);
    if (!console)
        return std::unexpected(console.error());
    unsigned short rows = 0, columns = 0;
    if (input && terminalSize(STDIN_FILENO, &rows, &columns))
        (void)helperClient().resizeConsole(name, tty, rows, columns);
    if (detachable && ::isatty(STDIN_FILENO))
        printErr(Cli::tr("Connected to %1's console; Ctrl-a q detaches.\r\n").arg(name));
    RelayEnd end;
    {
        RawTerminal raw(input ? STDIN_FILENO : -1);
        RelayOptions options;
        options.remote = console->fileDescriptor();
        options.forwardInput = input;
        options.detachSequence = detachable;
        options.onResize = [name, tty](unsigned short r, unsigned short c) {
            (void)helperClient().resizeConsole(name, tty, r, c);
        };
        options.stillRunning = [name] {
            auto info = helperClient().container(name);
            return info && info->state != model::RunState::Stopped;
        };
        end = relay(options);
    }
    if (end == RelayEnd::Detached)
        printErr(QStringLiteral("\n"));
    return end;
}

int cmdConsole(const QStringList& args)
{
    VerbLine line(QStringLiteral("console"), QStringLiteral("NAME [--tty N]"),
                  Cli::tr("Attach to a running container's console. Ctrl-a q detaches (Ctrl-a Ctrl-a sends Ctrl-a)."));
    line.addValue({QStringLiteral("tty")}, QStringLiteral("N"), Cli::tr("0 for /dev/console (default), else ttyN."));
    if (int code = line.parse(args, 1, 1); code >= 0)
        return code;
    int tty = 0;
    if (line.isSet(QStringLiteral("tty"))) {
        auto parsed = parseInteger(line.value(QStringLiteral("tty")), 0, 63);
        if (!parsed)
            return reportUsage(parsed.error());
        tty = int(*parsed);
    }
    auto attached = attachConsole(line.positional().at(0), tty, true, true);
    if (!attached)
        return reportError(attached.error());
    return *attached != RelayEnd::Failed ? int(kExitOk) : int(kExitFailure);
}

int cmdLogs(const QStringList& args)
{
    VerbLine line(QStringLiteral("logs"), QStringLiteral("NAME [-f]"),
                  Cli::tr("Print what the container's consoles have printed, across its runs."));
    line.addFlag({QStringLiteral("f"), QStringLiteral("follow")},
                 Cli::tr("Keep printing while it runs; the exit status is then its command's."));
    if (int code = line.parse(args, 1, 1); code >= 0)
        return code;
    return printLog(line.positional().at(0), line.isSet(QStringLiteral("follow")));
}

} // namespace berth::cli
