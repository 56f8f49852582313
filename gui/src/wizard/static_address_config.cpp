#include "static_address_config.h"

#include <QStringList>

#include <algorithm>

namespace berth::gui {
namespace {

// The key of a "key = value" line; empty for comments and blank lines.
QString keyOf(const QString& line)
{
    const QString trimmed = line.trimmed();
    const qsizetype equals = trimmed.indexOf(QLatin1Char('='));
    if (trimmed.startsWith(QLatin1Char('#')) || equals < 0)
        return {};
    return trimmed.left(equals).trimmed();
}

} // namespace

std::optional<QString> configWithStaticAddress(const QString& config, const QString& cidr)
{
    const QLatin1String linkKey("lxc.net.0.link");
    const QLatin1String addressKey("lxc.net.0.ipv4.address");
    QStringList lines = config.split(QLatin1Char('\n'));
    // ipv4.address may repeat in LXC: an old one would stay beside the new.
    lines.removeIf([&](const QString& line) { return keyOf(line) == addressKey; });
    const auto link =
        std::find_if(lines.begin(), lines.end(), [&](const QString& line) { return keyOf(line) == linkKey; });
    if (link == lines.end())
        return std::nullopt;
    lines.insert(link + 1, addressKey + QLatin1String(" = ") + cidr);
    return lines.join(QLatin1Char('\n'));
}

} // namespace berth::gui
