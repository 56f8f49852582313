#include "limit_line.h"

#include "limits_options.h"

#include <QCoreApplication>

namespace berth::cli {

void addLimitOptions(VerbLine& line)
{
    for (const auto& option : limitOptions())
        line.addValue({QLatin1String(option.option)}, QLatin1String(option.valueName),
                      QCoreApplication::translate("berthctl", option.help));
}

Parsed<QMap<QString, QString>> limitsFromLine(const VerbLine& line)
{
    QMap<QString, QString> limits;
    for (const auto& option : limitOptions()) {
        const QString key = QLatin1String(option.option);
        if (!line.isSet(key))
            continue;
        auto value = limitValue(key, line.value(key));
        if (!value)
            return std::unexpected(value.error());
        limits.insert(QLatin1String(option.key), *value);
    }
    return limits;
}

} // namespace berth::cli
