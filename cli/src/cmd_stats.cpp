// stats [--watch] [--json]
#include "command_line.h"
#include "commands.h"
#include "exit_codes.h"
#include "session.h"
#include "tr.h"
#include "value_parsers.h"
#include "views.h"

#include <unistd.h>

namespace berth::cli {
namespace {

int printStats(bool json, const QList<client::ContainerStats>& stats, const QMap<QString, double>& cpu)
{
    if (json) {
        QJsonArray array;
        for (const auto& s : stats) {
            auto object = statsJson(s);
            if (cpu.contains(s.name))
                object.insert(QStringLiteral("cpuPercent"), cpu.value(s.name));
            array.append(object);
        }
        printOut(jsonText(array));
    } else {
        printOut(statsTable(stats, cpu));
    }
    return kExitOk;
}

} // namespace

int cmdStats(const QStringList& args)
{
    VerbLine line(QStringLiteral("stats"), QStringLiteral("[NAME...] [--watch [--interval SECONDS]] [--json]"),
                  Cli::tr("Resource use of running containers."));
    line.addFlag({QStringLiteral("w"), QStringLiteral("watch")}, Cli::tr("Refresh until interrupted."));
    line.addValue({QStringLiteral("interval")}, QStringLiteral("SECONDS"), Cli::tr("Refresh interval (default 2)."));
    line.addFlag({QStringLiteral("json")}, Cli::tr("Print JSON (one array per refresh)."));
    if (int code = line.parse(args, 0, -1); code >= 0)
        return code;
    qint64 interval = 2;
    if (line.isSet(QStringLiteral("interval"))) {
        auto parsed = parseInteger(line.value(QStringLiteral("interval")), 1, 3600);
        if (!parsed)
            return reportUsage(parsed.error());
        interval = *parsed;
    }
    const bool json = line.isSet(QStringLiteral("json"));
    const bool watch = line.isSet(QStringLiteral("watch"));
    const bool clear = watch && !json && ::isatty(STDOUT_FILENO);
    QMap<QString, client::ContainerStats> previous;
    for (;;) {
        auto stats = helperClient().stats();
        if (!stats)
            return reportError(stats.error());
        QList<client::ContainerStats> shown;
        QMap<QString, double> cpu;
        for (const auto& s : *stats) {
            if (!line.positional().isEmpty() && !line.positional().contains(s.name))
                continue;
            if (previous.contains(s.name) && cpuPercent(previous.value(s.name), s) >= 0)
                cpu.insert(s.name, cpuPercent(previous.value(s.name), s));
            previous.insert(s.name, s);
            shown << s;
        }
        if (clear)
            printOut(QStringLiteral("\033[H\033[2J"));
        printStats(json, shown, cpu);
        if (!watch)
            return kExitOk;
        ::sleep(unsigned(interval));
    }
}

} // namespace berth::cli
