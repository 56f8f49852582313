#include "lxc_net_config.h"

#include <QMap>
#include <QRegularExpression>

namespace berth::gui {
namespace {

void apply(NetInterfaceConfig& interface, const QString& key, const QString& value)
{
    if (key == QLatin1String("type"))
        interface.type = value;
    else if (key == QLatin1String("link"))
        interface.link = value;
    else if (key == QLatin1String("hwaddr"))
        interface.hwaddr = value;
    else if (key == QLatin1String("name"))
        interface.name = value;
    else if (key == QLatin1String("ipv4.address") && value.isEmpty())
        interface.ipv4.clear(); // LXC: an empty value clears the list
    else if (key == QLatin1String("ipv4.address"))
        interface.ipv4 << value;
}

} // namespace

QList<NetInterfaceConfig> parseNetInterfaces(const QString& config)
{
    static const QRegularExpression line(
        QStringLiteral("^\\s*lxc\\.net(?:\\.(\\d{1,4})(?:\\.([a-z0-9_.]+))?)?\\s*=\\s*(.*?)\\s*$"));
    QMap<int, NetInterfaceConfig> byIndex;
    for (const QString& text : config.split(QLatin1Char('\n'))) {
        const QRegularExpressionMatch match = line.match(text);
        if (!match.hasMatch())
            continue;
        if (match.capturedLength(1) == 0) {
            byIndex.clear();
            continue;
        }
        const int index = match.captured(1).toInt();
        NetInterfaceConfig& interface = byIndex[index];
        interface.index = index;
        if (match.capturedLength(2) == 0)
            interface = NetInterfaceConfig{index, {}, {}, {}, {}, {}}; // "lxc.net.N =" resets one
        else
            apply(interface, match.captured(2), match.captured(3));
    }
    return byIndex.values();
}

} // namespace berth::gui
