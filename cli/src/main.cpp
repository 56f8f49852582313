// berthctl: the command line client of berth-helper.
#include "command_line.h"
#include "commands.h"
#include "exit_codes.h"
#include "session.h"
#include "tr.h"

#include "berth/model/trace.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

#include <cstdio>

namespace berth::cli {

const QList<Verb>& verbs()
{
    static const QList<Verb> table{
        {"list", cmdList, QT_TRANSLATE_NOOP("berthctl", "List containers")},
        {"info", cmdInfo, QT_TRANSLATE_NOOP("berthctl", "Show one container")},
        {"create", cmdCreate, QT_TRANSLATE_NOOP("berthctl", "Create a container from a template")},
        {"start", cmdStart, QT_TRANSLATE_NOOP("berthctl", "Start a container")},
        {"stop", cmdStop, QT_TRANSLATE_NOOP("berthctl", "Stop a container")},
        {"kill", cmdKill, QT_TRANSLATE_NOOP("berthctl", "Send a signal to a container's init")},
        {"freeze", cmdFreeze, QT_TRANSLATE_NOOP("berthctl", "Freeze a container")},
        {"unfreeze", cmdUnfreeze, QT_TRANSLATE_NOOP("berthctl", "Thaw a frozen container")},
        {"exec", cmdExec, QT_TRANSLATE_NOOP("berthctl", "Run a command in a running container")},
        {"console", cmdConsole, QT_TRANSLATE_NOOP("berthctl", "Attach to a container's console")},
        {"logs", cmdLogs, QT_TRANSLATE_NOOP("berthctl", "Print a container's console log")},
        {"destroy", cmdDestroy, QT_TRANSLATE_NOOP("berthctl", "Remove a container")},
        {"convert", cmdConvert, QT_TRANSLATE_NOOP("berthctl", "Give a privileged container a user namespace")},
        {"config", cmdConfig, QT_TRANSLATE_NOOP("berthctl", "Show, set or edit a container's config")},
        {"limits", cmdLimits, QT_TRANSLATE_NOOP("berthctl", "Show or change resource limits")},
        {"stats", cmdStats, QT_TRANSLATE_NOOP("berthctl", "Resource use of running containers")},
        {"bridge", cmdBridge, QT_TRANSLATE_NOOP("berthctl", "List, create, change or delete bridges")},
        {"forward", cmdForward, QT_TRANSLATE_NOOP("berthctl", "List, add or remove port forwards")},
        {"interface", cmdInterface, QT_TRANSLATE_NOOP("berthctl", "List, add, change or remove network interfaces")},
        {"share", cmdShare, QT_TRANSLATE_NOOP("berthctl", "Share a host folder with a container")},
        {"unshare", cmdUnshare, QT_TRANSLATE_NOOP("berthctl", "Stop sharing a folder with a container")},
        {"template", cmdTemplate, QT_TRANSLATE_NOOP("berthctl", "List templates and their options")},
        {"checkconfig", cmdCheckconfig, QT_TRANSLATE_NOOP("berthctl", "Check what the host offers containers")},
        {"export", cmdExport, QT_TRANSLATE_NOOP("berthctl", "Export a container (config and rootfs) as a tarball")},
        {"pull", cmdPull, QT_TRANSLATE_NOOP("berthctl", "Pull an image from a registry")},
        {"images", cmdImages, QT_TRANSLATE_NOOP("berthctl", "List the images of the store")},
        {"image", cmdImage, QT_TRANSLATE_NOOP("berthctl", "Remove, prune or inspect images")},
        {"run", cmdRun, QT_TRANSLATE_NOOP("berthctl", "Create, start and attach an application container")},
        {"autostart", cmdAutostart, QT_TRANSLATE_NOOP("berthctl", "Start or stop the containers marked for autostart")},
    };
    return table;
}

static QString mainHelp()
{
    QString text = Cli::tr("Usage: berthctl COMMAND [ARGS...]\n\n"
                           "Manage Berth containers through the berth-helper service.\n"
                           "The bus is the system bus, or BERTH_BUS_ADDRESS when set.\n\nCommands:\n");
    for (const auto& verb : verbs())
        text += QStringLiteral("  %1%2\n")
                    .arg(QString::fromLatin1(verb.name).leftJustified(13),
                         QCoreApplication::translate("berthctl", verb.summary));
    text += Cli::tr("\n'berthctl COMMAND --help' describes a command.\n\n");
    return text + exitCodesHelp();
}

static int dispatch(const QStringList& arguments)
{
    const QString first = arguments.value(1);
    if (first.isEmpty() || first == QLatin1String("--help") || first == QLatin1String("-h") ||
        first == QLatin1String("help")) {
        std::fputs(qPrintable(mainHelp()), first.isEmpty() ? stderr : stdout);
        return first.isEmpty() ? int(kExitUsage) : int(kExitOk);
    }
    static const struct {
        const char* word;
        VerbFunction run;
    } handOffs[] = {{"--report-error", handOffReportError},
                    {"--report-helper-left", handOffReportHelperLeft},
                    {"--follow-job", handOffFollowJob}};
    for (const auto& handOff : handOffs) {
        if (first == QLatin1String(handOff.word))
            return handOff.run(arguments.mid(2));
    }
    if (first == QLatin1String("--version")) {
        std::printf("berthctl %s\n", qPrintable(QCoreApplication::applicationVersion()));
        return kExitOk;
    }
    for (const auto& verb : verbs()) {
        if (first == QLatin1String(verb.name))
            return verb.run(arguments.mid(2));
    }
    std::fprintf(stderr, "%s",
                 qPrintable(Cli::tr("berthctl: unknown command '%1'; see 'berthctl --help'.\n").arg(first)));
    return kExitUsage;
}

} // namespace berth::cli

int main(int argc, char** argv)
{
    berth::trace::point("berthctl", "main");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("berthctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BERTH_VERSION));
    // The messages' language follows LANGUAGE, LC_ALL, LC_MESSAGES, LANG; the
    // .qm files are embedded (translations/), English needs none.
    QTranslator translator;
    if (translator.load(QLocale::system(), QStringLiteral("berth"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);
    berth::trace::point("berthctl", "application ready");
    const int code = berth::cli::dispatch(QCoreApplication::arguments());
    berth::cli::releaseHelperClient();
    berth::trace::point("berthctl", "exits");
    return code;
}
