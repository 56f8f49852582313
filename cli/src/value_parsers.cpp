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

Parsed<QString> parsePublish(const QString& text)
{
    QString ports = text;
    QString protocol = QStringLiteral("tcp");
    if (const qsizetype slash = text.lastIndexOf(QLatin1Char('/')); slash >= 0) {
        protocol = text.mid(slash + 1);
        ports = text.left(slash);
    }
    const QStringList parts = ports.split(QLatin1Char(':'));
    const bool portsOk = (parts.size() == 2 || parts.size() == 3) &&
                         parseInteger(parts.at(parts.size() - 1), 1, 65535).has_value() &&
                         parseInteger(parts.at(parts.size() - 2), 1, 65535).has_value();
    if ((protocol != QLatin1String("tcp") && protocol != QLatin1String("udp")) || !portsOk)
        return std::unexpected(
            Cli::tr("expected HOSTPORT:PORT[/udp] or ADDRESS:HOSTPORT:PORT[/udp], got '%1'").arg(text));
    return protocol + QLatin1Char(':') + ports;
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
