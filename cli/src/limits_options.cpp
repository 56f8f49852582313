#include "limits_options.h"

#include "tr.h"

#include <QRegularExpression>

namespace berth::cli {

const QList<LimitOption>& limitOptions()
{
    static const QList<LimitOption> options{
        {"memory", "memory.max", "SIZE", QT_TRANSLATE_NOOP("berthctl", "Memory limit (512M, 1.5G, max).")},
        {"memory-high", "memory.high", "SIZE", QT_TRANSLATE_NOOP("berthctl", "Memory throttling threshold.")},
        {"swap", "memory.swap.max", "SIZE", QT_TRANSLATE_NOOP("berthctl", "Swap limit.")},
        {"cpus", "cpu.max", "CORES", QT_TRANSLATE_NOOP("berthctl", "CPU quota in cores (1.5, max).")},
        {"cpu-weight", "cpu.weight", "N", QT_TRANSLATE_NOOP("berthctl", "CPU weight, 1-10000.")},
        {"cpuset", "cpuset.cpus", "LIST", QT_TRANSLATE_NOOP("berthctl", "CPUs it may run on (0-1,3).")},
        {"pids", "pids.max", "N", QT_TRANSLATE_NOOP("berthctl", "Maximum number of processes (or max).")},
        {"io-weight", "io.weight", "N", QT_TRANSLATE_NOOP("berthctl", "IO weight, 1-10000.")},
        {"cpu-shares", "cpu.shares", "N",
         QT_TRANSLATE_NOOP("berthctl", "CPU shares as cgroup v1 counts them, 2-262144 (instead of --cpu-weight).")},
        {"blkio-weight", "blkio.weight", "N",
         QT_TRANSLATE_NOOP("berthctl", "IO weight as cgroup v1 counts it, 10-1000 (instead of --io-weight).")},
    };
    return options;
}

static Parsed<QString> checked(Parsed<std::int64_t> number)
{
    if (!number)
        return std::unexpected(number.error());
    return QString::number(*number);
}

Parsed<QString> limitValue(const QString& option, const QString& value)
{
    if (option == QLatin1String("memory") || option == QLatin1String("memory-high") || option == QLatin1String("swap"))
        return parseSizeLimit(value);
    if (option == QLatin1String("cpus"))
        return parseCpus(value);
    if (option == QLatin1String("cpu-weight") || option == QLatin1String("io-weight"))
        return checked(parseInteger(value, 1, 10000));
    if (option == QLatin1String("cpu-shares"))
        return checked(parseInteger(value, 2, 262144));
    if (option == QLatin1String("blkio-weight"))
        return checked(parseInteger(value, 10, 1000));
    if (option == QLatin1String("pids"))
        return value == QLatin1String("max") ? Parsed<QString>(value) : checked(parseInteger(value, 1, 4194304));
    if (option == QLatin1String("cpuset")) {
        static const QRegularExpression list(QStringLiteral("^\\d+(-\\d+)?(,\\d+(-\\d+)?)*$"));
        if (list.match(value).hasMatch())
            return value;
        return std::unexpected(Cli::tr("invalid CPU list '%1' (example: 0-1,3)").arg(value));
    }
    return std::unexpected(Cli::tr("unknown limit '%1'").arg(option));
}

} // namespace berth::cli
