#include "table.h"

#include <algorithm>

namespace berth::cli {
namespace {

QString formatRow(const QStringList& cells, const QList<qsizetype>& widths)
{
    QString line;
    for (qsizetype column = 0; column < widths.size(); ++column) {
        const QString cell = cells.value(column);
        const bool last = column + 1 == widths.size();
        line += last ? cell : cell.leftJustified(widths[column]) + QStringLiteral("  ");
    }
    // A short row's padding would otherwise remain at the end.
    while (line.endsWith(QLatin1Char(' ')))
        line.chop(1);
    return line + QLatin1Char('\n');
}

} // namespace

QString formatTable(const QStringList& headers, const QList<QStringList>& rows)
{
    QList<qsizetype> widths;
    for (const auto& header : headers)
        widths << header.size();
    for (const auto& row : rows) {
        for (qsizetype column = 0; column < std::min(row.size(), widths.size()); ++column)
            widths[column] = std::max(widths[column], row[column].size());
    }
    QString out = formatRow(headers, widths);
    for (const auto& row : rows)
        out += formatRow(row, widths);
    return out;
}

} // namespace berth::cli
