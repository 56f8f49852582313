#include "config_error.h"

#include <QRegularExpression>

namespace berth::gui {

std::optional<ConfigErrorLocation> parseConfigError(const QString& message, const QString& source)
{
    // The source at the start or after a separator, so "myconfig:3:" does
    // not count as "config:3:".
    const QRegularExpression pattern(
        QStringLiteral("(?:^|[\\s'\"(])%1:(\\d{1,9}):\\s*(.*)$").arg(QRegularExpression::escape(source)),
        QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = pattern.match(message);
    if (!match.hasMatch())
        return std::nullopt;
    const int line = match.captured(1).toInt();
    if (line < 1)
        return std::nullopt;
    return ConfigErrorLocation{line, match.captured(2).trimmed()};
}

} // namespace berth::gui
