// Human tables: a header row and aligned columns separated by two spaces,
// the last column not padded (so lines carry no trailing blanks).
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace berth::cli {

// Terminal columns the text takes: Chinese, Japanese and Korean characters take two.
[[nodiscard]] qsizetype displayWidth(const QString& text);

// Columns are aligned by displayWidth, so tables in Chinese line up too.
[[nodiscard]] QString formatTable(const QStringList& headers, const QList<QStringList>& rows);

} // namespace berth::cli
