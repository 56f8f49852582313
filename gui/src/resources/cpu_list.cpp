#include "cpu_list.h"

#include <QFile>
#include <QThread>

#include <algorithm>
#include <set>

namespace berth::gui {
namespace {

// A CPU number: digits only (no sign, no spaces), within 0..highest.
std::optional<int> cpuNumber(QStringView text, int highest)
{
    if (text.isEmpty() || text.size() > 5 ||
        !std::all_of(text.begin(), text.end(), [](QChar c) { return c.isDigit(); }))
        return std::nullopt;
    const int number = text.toInt();
    return number <= highest ? std::optional<int>(number) : std::nullopt;
}

bool addItem(QStringView item, int highest, std::set<int>& cpus)
{
    const qsizetype dash = item.indexOf(QLatin1Char('-'));
    const auto first = cpuNumber(dash < 0 ? item : item.left(dash), highest);
    const auto last = dash < 0 ? first : cpuNumber(item.mid(dash + 1), highest);
    if (!first || !last || *last < *first)
        return false;
    for (int cpu = *first; cpu <= *last; ++cpu)
        cpus.insert(cpu);
    return true;
}

} // namespace

std::optional<QList<int>> parseCpuList(const QString& text, int highest)
{
    std::set<int> cpus;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return QList<int>();
    for (QStringView item : QStringView(trimmed).split(QLatin1Char(','))) {
        if (!addItem(item, highest, cpus))
            return std::nullopt;
    }
    return QList<int>(cpus.begin(), cpus.end());
}

QString formatCpuList(const QList<int>& unsorted)
{
    QList<int> cpus = unsorted;
    std::sort(cpus.begin(), cpus.end());
    cpus.erase(std::unique(cpus.begin(), cpus.end()), cpus.end());
    QStringList items;
    for (qsizetype i = 0; i < cpus.size();) {
        qsizetype end = i;
        while (end + 1 < cpus.size() && cpus.at(end + 1) == cpus.at(end) + 1)
            ++end;
        if (end > i) {
            items << QStringLiteral("%1-%2").arg(cpus.at(i)).arg(cpus.at(end));
            i = end + 1;
        } else {
            items << QString::number(cpus.at(i));
            ++i;
        }
    }
    return items.join(QLatin1Char(','));
}

QList<int> hostCpus(const QString& onlinePath)
{
    QFile file(onlinePath);
    if (file.open(QIODevice::ReadOnly)) {
        const auto cpus = parseCpuList(QString::fromLatin1(file.readAll()));
        if (cpus && !cpus->isEmpty())
            return *cpus;
    }
    QList<int> cpus;
    for (int cpu = 0; cpu < std::max(1, QThread::idealThreadCount()); ++cpu)
        cpus << cpu;
    return cpus;
}

} // namespace berth::gui
