#include "config_key_edit.h"

#include <QStringList>

namespace berth::gui {
namespace {

// "  lxc.start.auto = 0" names `key`; comments and other keys do not.
bool namesKey(const QString& line, const QString& key)
{
    const QString trimmed = line.trimmed();
    if (!trimmed.startsWith(key))
        return false;
    return trimmed.mid(key.size()).trimmed().startsWith(QLatin1Char('='));
}

} // namespace

QString withConfigValue(const QString& text, const QString& key, const QString& value)
{
    const QString line = QStringLiteral("%1 = %2").arg(key, value);
    QStringList lines = text.split(QLatin1Char('\n'));
    bool found = false;
    for (qsizetype i = 0; i < lines.size();) {
        if (!namesKey(lines[i], key)) {
            ++i;
            continue;
        }
        if (found) {
            lines.removeAt(i);
            continue;
        }
        lines[i] = line;
        found = true;
        ++i;
    }
    QString result = lines.join(QLatin1Char('\n'));
    if (found)
        return result;
    if (!result.isEmpty() && !result.endsWith(QLatin1Char('\n')))
        result += QLatin1Char('\n');
    return result + line + QLatin1Char('\n');
}

} // namespace berth::gui
