#include "value_parsers.h"

#include "berth/model/units.h"
#include "tr.h"

#include <charconv>
#include <string>

namespace berth::cli {

Parsed<std::pair<QString, QString>> parseKeyValue(const QString& text)
{
    const qsizetype equals = text.indexOf(QLatin1Char('='));
    if (equals <= 0)
        return std::unexpected(Cli::tr("expected key=value, got '%1'").arg(text));
    return std::pair{text.left(equals), text.mid(equals + 1)};
}

Parsed<std::int64_t> parseInteger(const QString& text, std::int64_t minimum, std::int64_t maximum)
{
    const std::string digits = text.toStdString();
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size() || value < minimum ||
        value > maximum)
        return std::unexpected(Cli::tr("invalid number '%1' (expected %2 to %3)").arg(text).arg(minimum).arg(maximum));
    return value;
}

} // namespace berth::cli
