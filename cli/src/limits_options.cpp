#include "limits_options.h"

#include "berth/model/units.h"
#include "command_line.h"
#include "tr.h"

#include <map>
#include <string>

namespace berth::cli {

using model::LimitKey;

const QList<LimitOption>& limitOptions()
{
    static const QList<LimitOption> options{
        {"memory", LimitKey::MemoryMax, "SIZE", QT_TRANSLATE_NOOP("berthctl", "Memory limit (512M, 1.5G, max).")},
        {"memory-high", LimitKey::MemoryHigh, "SIZE", QT_TRANSLATE_NOOP("berthctl", "Memory throttling threshold.")},
        {"swap", LimitKey::SwapMax, "SIZE", QT_TRANSLATE_NOOP("berthctl", "Swap limit.")},
        {"cpus", LimitKey::CpuMax, "CORES", QT_TRANSLATE_NOOP("berthctl", "CPU quota in cores (1.5, max).")},
        {"cpu-weight", LimitKey::CpuWeight, "N", QT_TRANSLATE_NOOP("berthctl", "CPU weight, 1-10000.")},
        {"cpuset", LimitKey::Cpus, "LIST", QT_TRANSLATE_NOOP("berthctl", "CPUs it may run on (0-1,3).")},
        {"pids", LimitKey::PidsMax, "N", QT_TRANSLATE_NOOP("berthctl", "Maximum number of processes (or max).")},
        {"io-weight", LimitKey::IoWeight, "N", QT_TRANSLATE_NOOP("berthctl", "IO weight, 1-10000.")},
        {"cpu-shares", LimitKey::CpuShares, "N",
         QT_TRANSLATE_NOOP("berthctl", "CPU shares as cgroup v1 counts them, 2-262144 (instead of --cpu-weight).")},
        {"blkio-weight", LimitKey::BlkioWeight, "N",
         QT_TRANSLATE_NOOP("berthctl", "IO weight as cgroup v1 counts it, 10-1000 (instead of --io-weight).")},
    };
    return options;
}

namespace {

const LimitOption* findOption(const QString& option)
{
    for (const LimitOption& known : limitOptions()) {
        if (option == QLatin1String(known.option))
            return &known;
    }
    return nullptr;
}

// The value as SetLimits reads it, before the model's range check.
Parsed<QString> wireText(const model::LimitRow& row, const QString& value)
{
    switch (row.unit) {
    case model::LimitUnit::Bytes: {
        const auto bytes = model::parseSize(value.toStdString(), model::SizeSyntax::Human);
        if (!bytes)
            return std::unexpected(Cli::tr("invalid size '%1' (examples: 512M, 1.5G, 4096)").arg(value));
        return QString::number(*bytes);
    }
    case model::LimitUnit::Cores:
        if (!model::parseCores(value.toStdString()))
            return std::unexpected(
                Cli::tr("invalid CPU count '%1' (a number of cores such as 1.5, or max)").arg(value));
        return value;
    case model::LimitUnit::IdList:
        if (!model::parseLimitValue(row.key, value.toStdString()))
            return std::unexpected(Cli::tr("invalid CPU list '%1' (example: 0-1,3)").arg(value));
        return value;
    case model::LimitUnit::Number:
    case model::LimitUnit::Micros:
        break;
    }
    const auto number = parseInteger(value, std::int64_t(row.min), std::int64_t(row.max));
    if (!number)
        return std::unexpected(number.error());
    return QString::number(*number);
}

} // namespace

Parsed<QString> limitValue(const QString& option, const QString& value)
{
    const LimitOption* known = findOption(option);
    if (!known)
        return std::unexpected(Cli::tr("unknown limit '%1'").arg(option));
    const model::LimitRow& row = model::limitRow(known->key);
    if (row.maxAllowed && value == QLatin1String("max"))
        return value;
    auto text = wireText(row, value);
    if (!text)
        return text;
    // What the helper checks too (memory.max at least 4 MiB).
    if (auto checked = model::parseLimitValue(known->key, text->toStdString()); !checked)
        return std::unexpected(QString::fromStdString(checked.error().message));
    return text;
}

void addLimitOptions(VerbLine& line)
{
    for (const LimitOption& option : limitOptions())
        line.addValue({QLatin1String(option.option)}, QLatin1String(option.valueName),
                      QCoreApplication::translate("berthctl", option.help));
}

Parsed<model::Limits> limitsFromLine(const VerbLine& line)
{
    std::map<std::string, std::string> args;
    for (const LimitOption& option : limitOptions()) {
        const QString name = QLatin1String(option.option);
        if (!line.isSet(name))
            continue;
        auto value = limitValue(name, line.value(name));
        if (!value)
            return std::unexpected(value.error());
        args.emplace(model::wireKey(option.key), value->toStdString());
    }
    if (args.empty())
        return model::Limits{};
    auto limits = model::parseLimitArgs(args);
    if (!limits)
        return std::unexpected(QString::fromStdString(limits.error().message));
    return *limits;
}

} // namespace berth::cli
