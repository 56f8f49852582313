#include "config_highlighter.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace berth::gui {

ConfigHighlighter::ConfigHighlighter(QTextDocument* document) : QSyntaxHighlighter(document)
{
    // Colours that read on light and dark palettes alike.
    m_comment.setForeground(QGuiApplication::palette().color(QPalette::PlaceholderText));
    m_comment.setFontItalic(true);
    m_key.setForeground(QColor(0x2a, 0x7a, 0xbf));
    m_key.setFontWeight(QFont::Bold);
    m_separator.setForeground(QColor(0x9a, 0x6a, 0x1a));
    m_value.setForeground(QColor(0x3a, 0x8a, 0x3a));
}

void ConfigHighlighter::highlightBlock(const QString& text)
{
    qsizetype start = 0;
    while (start < text.size() && text.at(start).isSpace())
        ++start;
    if (start == text.size())
        return;
    if (text.at(start) == QLatin1Char('#')) {
        setFormat(int(start), int(text.size() - start), m_comment);
        return;
    }
    const qsizetype equals = text.indexOf(QLatin1Char('='), start);
    if (equals < 0) {
        setFormat(int(start), int(text.size() - start), m_key); // a key still being typed
        return;
    }
    setFormat(int(start), int(equals - start), m_key);
    setFormat(int(equals), 1, m_separator);
    setFormat(int(equals + 1), int(text.size() - equals - 1), m_value);
}

} // namespace berth::gui
