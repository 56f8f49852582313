#include "table.h"

#include <algorithm>

namespace berth::cli {
namespace {

// East Asian wide and fullwidth characters take two terminal columns
// (Unicode's EastAsianWidth W and F ranges that hold letters; the C
// library's wcwidth depends on the locale, this does not).
bool isWide(char32_t c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

QString padded(const QString& cell, qsizetype width)
{
    return cell + QString(std::max<qsizetype>(0, width - displayWidth(cell)), QLatin1Char(' '));
}

QString formatRow(const QStringList& cells, const QList<qsizetype>& widths)
{
    QString line;
    for (qsizetype column = 0; column < widths.size(); ++column) {
        const QString cell = cells.value(column);
        const bool last = column + 1 == widths.size();
        line += last ? cell : padded(cell, widths[column]) + QStringLiteral("  ");
    }
    // A short row's padding would otherwise remain at the end.
    while (line.endsWith(QLatin1Char(' ')))
        line.chop(1);
    return line + QLatin1Char('\n');
}

} // namespace

qsizetype displayWidth(const QString& text)
{
    qsizetype width = 0;
    for (char32_t c : text.toUcs4())
        width += isWide(c) ? 2 : 1;
    return width;
}

QString formatTable(const QStringList& headers, const QList<QStringList>& rows)
{
    QList<qsizetype> widths;
    for (const auto& header : headers)
        widths << displayWidth(header);
    for (const auto& row : rows) {
        for (qsizetype column = 0; column < std::min(row.size(), widths.size()); ++column)
            widths[column] = std::max(widths[column], displayWidth(row[column]));
    }
    QString out = formatRow(headers, widths);
    for (const auto& row : rows)
        out += formatRow(row, widths);
    return out;
}

} // namespace berth::cli
