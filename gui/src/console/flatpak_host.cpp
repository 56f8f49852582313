#include "flatpak_host.h"

#include <QDir>
#include <QFile>

namespace berth::gui {
namespace {

// Policies at or above "talk" allow method calls ("see" only shows the
// name); flatpak writes them as plain words.
bool allowsCalls(QStringView policy)
{
    return policy == u"talk" || policy == u"own";
}

// A `key=value` line of the key file, spaces around both trimmed.
bool splitEntry(QStringView line, QStringView& key, QStringView& value)
{
    const qsizetype equals = line.indexOf(u'=');
    if (equals < 0)
        return false;
    key = line.left(equals).trimmed();
    value = line.mid(equals + 1).trimmed();
    return true;
}

} // namespace

bool flatpakInfoAllowsHost(const QString& flatpakInfo)
{
    QStringView group;
    const auto lines = QStringView(flatpakInfo).split(u'\n');
    for (QStringView line : lines) {
        line = line.trimmed();
        if (line.startsWith(u'[') && line.endsWith(u']')) {
            group = line.mid(1, line.size() - 2);
            continue;
        }
        QStringView key;
        QStringView value;
        if (line.startsWith(u'#') || !splitEntry(line, key, value))
            continue;
        if (group == u"Session Bus Policy" && key == u"org.freedesktop.Flatpak" && allowsCalls(value))
            return true;
        // --socket=session-bus: the whole session bus, unfiltered.
        if (group == u"Context" && key == u"sockets" && value.split(u';').contains(u"session-bus"))
            return true;
    }
    return false;
}

TerminalHost terminalHost(const QString& root)
{
    QFile info(QDir(root).filePath(QStringLiteral(".flatpak-info")));
    if (!info.exists())
        return TerminalHost::Local;
    // A sandbox whose file cannot be read is treated as one without the
    // permission: the user then reads why, instead of nothing happening.
    if (!info.open(QIODevice::ReadOnly))
        return TerminalHost::FlatpakNoHostAccess;
    return flatpakInfoAllowsHost(QString::fromUtf8(info.readAll())) ? TerminalHost::FlatpakHost
                                                                    : TerminalHost::FlatpakNoHostAccess;
}

QString berthctlFor(TerminalHost host, const QString& besideApp)
{
    return host == TerminalHost::Local ? besideApp : QStringLiteral("berthctl");
}

QStringList hostCommandLine(const QStringList& line, TerminalHost host)
{
    if (host == TerminalHost::Local)
        return line;
    return QStringList{QStringLiteral("flatpak-spawn"), QStringLiteral("--host")} + line;
}

} // namespace berth::gui
