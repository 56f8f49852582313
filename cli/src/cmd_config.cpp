// config (get, set, edit) and limits.
#include "command_line.h"
#include "commands.h"
#include "exit_codes.h"
#include "limits_options.h"
#include "limits_options.h"
#include "session.h"
#include "tr.h"
#include "views.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryFile>
#include <QTextStream>

#include <cstdio>

namespace berth::cli {
namespace {

std::expected<QString, QString> readText(const QString& path)
{
    QFile file;
    const bool opened = path == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                                   : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened)
        return std::unexpected(Cli::tr("cannot read '%1': %2").arg(path, file.errorString()));
    return QString::fromUtf8(file.readAll());
}

int runEditor(const QString& path)
{
    const auto env = QProcessEnvironment::systemEnvironment();
    QString editor = env.value(QStringLiteral("VISUAL"), env.value(QStringLiteral("EDITOR")));
    if (editor.isEmpty())
        editor = QStringLiteral("vi");
    // $EDITOR may carry arguments ("code -w"); the shell splits them as crontab does.
    return QProcess::execute(QStringLiteral("/bin/sh"),
                             {QStringLiteral("-c"), editor + QStringLiteral(" \"$1\""), QStringLiteral("sh"), path});
}

bool askAgain()
{
    printErr(Cli::tr("Edit again? [Y/n] "));
    char answer[16] = {};
    if (!std::fgets(answer, sizeof answer, stdin))
        return false;
    return answer[0] != 'n' && answer[0] != 'N';
}

// Edits a copy; SetConfigIfUnchanged validates; on refusal the editor
// opens again with the user's text, until it is accepted, unchanged, or
// given up. A config changed meanwhile (limits, autostart, another editor)
// is never overwritten: the edited copy is kept for the user instead.
int editConfig(const QString& name)
{
    auto current = helperClient().config(name);
    if (!current)
        return reportError(current.error());
    QTemporaryFile copy(QStringLiteral("/tmp/berth-config-XXXXXX.conf"));
    if (!copy.open() || copy.write(current->toUtf8()) < 0 || !copy.flush())
        return reportUsage(Cli::tr("cannot write a temporary file: %1").arg(copy.errorString()));
    for (;;) {
        if (runEditor(copy.fileName()) != 0)
            return reportUsage(Cli::tr("the editor failed; the config is unchanged"));
        auto edited = readText(copy.fileName());
        if (!edited)
            return reportUsage(edited.error());
        if (*edited == *current) {
            printErr(Cli::tr("No changes.\n"));
            return kExitOk;
        }
        auto saved = helperClient().setConfigIfUnchanged(name, *current, *edited);
        if (saved)
            return kExitOk;
        reportError(saved.error());
        if (saved.error().kind == client::ErrorKind::Changed) {
            copy.setAutoRemove(false);
            printErr(Cli::tr("Nothing was saved. Your edited copy is kept in '%1'; run 'berthctl config %2 edit' "
                             "again to edit the new version.\n")
                         .arg(copy.fileName(), name));
            return exitCodeFor(saved.error().kind);
        }
        if (saved.error().kind != client::ErrorKind::InvalidArgument || !askAgain())
            return exitCodeFor(saved.error().kind);
    }
}

} // namespace

int cmdConfig(const QStringList& args)
{
    VerbLine line(QStringLiteral("config"), QStringLiteral("NAME [get | set FILE|- | edit]"),
                  Cli::tr("Show, replace or edit a container's config (LXC key = value text). "
                          "'edit' runs $VISUAL or $EDITOR on a copy and opens it again when the helper refuses it."));
    if (int code = line.parse(args, 1, 3); code >= 0)
        return code;
    const QString name = line.positional().at(0);
    const QString action = line.positional().value(1, QStringLiteral("get"));
    if (action == QLatin1String("get") && line.positional().size() <= 2) {
        auto text = helperClient().config(name);
        if (!text)
            return reportError(text.error());
        printOut(*text);
        return kExitOk;
    }
    if (action == QLatin1String("set") && line.positional().size() == 3) {
        auto text = readText(line.positional().at(2));
        if (!text)
            return reportUsage(text.error());
        return finishWith(helperClient().setConfig(name, *text));
    }
    if (action == QLatin1String("edit") && line.positional().size() == 2)
        return editConfig(name);
    return reportUsage(Cli::tr("config: expected 'get', 'set FILE' or 'edit'"));
}

int cmdLimits(const QStringList& args)
{
    VerbLine line(
        QStringLiteral("limits"), QStringLiteral("NAME [--memory SIZE] [--cpus N] [--pids N] ... [--json]"),
        Cli::tr("Change resource limits (live when running, and in the config); without options, show them."));
    addLimitOptions(line);
    line.addFlag({QStringLiteral("json")}, Cli::tr("Print JSON."));
    if (int code = line.parse(args, 1, 1); code >= 0)
        return code;
    const QString name = line.positional().at(0);
    const auto limits = limitsFromLine(line);
    if (!limits)
        return reportUsage(limits.error());
    if (!limits->empty())
        return finishWith(helperClient().setLimits(name, *limits));
    auto info = helperClient().container(name);
    if (!info)
        return reportError(info.error());
    if (line.isSet(QStringLiteral("json"))) {
        QJsonObject object;
        const QMap<QString, QString> shown = client::limitArgsMap(info->limits);
        for (auto it = shown.begin(); it != shown.end(); ++it)
            object.insert(it.key(), it.value());
        printOut(jsonText(object));
    } else {
        printOut(limitsText(info->limits));
    }
    return kExitOk;
}

} // namespace berth::cli
