#include "port_forward_check.h"

#include <QCoreApplication>
#include <QStringList>

namespace berth::gui {
namespace {

// A context of its own for lupdate.
struct PortForwardCheck {
    Q_DECLARE_TR_FUNCTIONS(PortForwardCheck)
};

bool isPort(const QString& text)
{
    bool ok = false;
    const int port = text.toInt(&ok);
    // toInt() takes "+80" and " 80": only plain digits are a port.
    for (const QChar c : text) {
        if (!c.isDigit())
            return false;
    }
    return ok && port >= 1 && port <= 65535;
}

bool isIpv4(const QString& text)
{
    const QStringList parts = text.split(QLatin1Char('.'));
    if (parts.size() != 4)
        return false;
    for (const QString& part : parts) {
        bool ok = false;
        const int value = part.toInt(&ok);
        if (!ok || part.isEmpty() || part.size() > 3 || value > 255 || !part.front().isDigit())
            return false;
    }
    return true;
}

} // namespace

QString portForwardProblem(const QString& forward)
{
    const QStringList parts = forward.split(QLatin1Char(':'));
    if (parts.size() != 3 && parts.size() != 4)
        return PortForwardCheck::tr("'%1' is not a port forward; write it as tcp:8080:80.").arg(forward);
    if (parts.front() != QLatin1String("tcp") && parts.front() != QLatin1String("udp"))
        return PortForwardCheck::tr("The protocol '%1' is not tcp or udp.").arg(parts.front());
    if (parts.size() == 4 && !isIpv4(parts.at(1)))
        return PortForwardCheck::tr("'%1' is not an IPv4 address.").arg(parts.at(1));
    for (const QString& port : {parts.at(parts.size() - 2), parts.back()}) {
        if (!isPort(port))
            return PortForwardCheck::tr("The port '%1' is not a number from 1 to 65535.").arg(port);
    }
    return {};
}

} // namespace berth::gui
