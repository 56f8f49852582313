#include "forward_spec.h"

#include "ipv4_net.h"

#include <QStringList>

#include <algorithm>

namespace berth::gui {
namespace {

int parsePort(const QString& text)
{
    bool ok = false;
    const int port = text.toInt(&ok);
    // toInt takes a sign and spaces; the engine does not.
    const bool digitsOnly =
        !text.isEmpty() && std::all_of(text.begin(), text.end(), [](QChar c) { return c.isDigit(); });
    return ok && digitsOnly && port >= 1 && port <= 65535 ? port : 0;
}

} // namespace

QString ForwardSpec::toString() const
{
    QStringList parts{protocol};
    if (!hostAddress.isEmpty())
        parts << hostAddress;
    parts << QString::number(hostPort) << QString::number(containerPort);
    return parts.join(QLatin1Char(':'));
}

std::optional<ForwardSpec> parseForwardSpec(const QString& text)
{
    const QStringList parts = text.split(QLatin1Char(':'));
    if (parts.size() != 3 && parts.size() != 4)
        return std::nullopt;
    ForwardSpec spec;
    spec.protocol = parts.first();
    if (spec.protocol != QLatin1String("tcp") && spec.protocol != QLatin1String("udp"))
        return std::nullopt;
    if (parts.size() == 4) {
        if (!parseIpv4(parts[1]))
            return std::nullopt;
        spec.hostAddress = parts[1];
    }
    spec.hostPort = parsePort(parts[parts.size() - 2]);
    spec.containerPort = parsePort(parts.last());
    if (spec.hostPort == 0 || spec.containerPort == 0)
        return std::nullopt;
    return spec;
}

} // namespace berth::gui
