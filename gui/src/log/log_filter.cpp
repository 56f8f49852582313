#include "log_filter.h"

#include <utility>

namespace berth::gui {
namespace {

constexpr QChar kEscape = QChar(0x1b);
constexpr QChar kBell = QChar(0x07);

// Where the sequence starting with ESC at `start` ends (one past its last
// character), or -1 if `text` ends before it does.
qsizetype sequenceEnd(const QString& text, qsizetype start)
{
    if (start + 1 >= text.size())
        return -1;
    const QChar kind = text.at(start + 1);
    if (kind == QLatin1Char('[')) {
        // CSI: parameters and intermediates, then one final byte in 0x40..0x7e.
        for (qsizetype i = start + 2; i < text.size(); ++i) {
            if (text.at(i).unicode() >= 0x40 && text.at(i).unicode() <= 0x7e)
                return i + 1;
        }
        return -1;
    }
    if (kind == QLatin1Char(']') || kind == QLatin1Char('P') || kind == QLatin1Char('_') || kind == QLatin1Char('^')) {
        // OSC, DCS, APC, PM: strings ended by BEL or ESC '\'.
        for (qsizetype i = start + 2; i < text.size(); ++i) {
            if (text.at(i) == kBell)
                return i + 1;
            if (text.at(i) == kEscape && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\\'))
                return i + 2;
        }
        return -1;
    }
    // Character set selection (ESC ( B and friends) takes one more character.
    if (QStringLiteral("()*+-./#%").contains(kind))
        return start + 2 < text.size() ? start + 3 : -1;
    return start + 2; // ESC 7, ESC M, ESC =, ...
}

// A lone '\r' returns the cursor to the line's start: what follows
// overwrites the line, which for a log means it replaces it. A line begun
// in an earlier piece is already shown and cannot be taken back: the new
// text goes on a line of its own instead.
void dropLineStart(QString& out, bool lineBegunBefore)
{
    const qsizetype lineStart = out.lastIndexOf(QLatin1Char('\n')) + 1;
    if (lineStart == 0 && lineBegunBefore)
        out = QStringLiteral("\n");
    else
        out.truncate(lineStart);
}

} // namespace

QString LogFilter::feed(const QByteArray& bytes)
{
    const QString decoded = m_decoder.decode(bytes);
    const QString text = std::exchange(m_held, {}) + decoded;
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i >= 0 && i < text.size();)
        i = consume(text, i, out);
    if (!out.isEmpty())
        m_midLine = !out.endsWith(QLatin1Char('\n'));
    return out;
}

qsizetype LogFilter::consume(const QString& text, qsizetype i, QString& out)
{
    const QChar c = text.at(i);
    if (c == kEscape) {
        const qsizetype end = sequenceEnd(text, i);
        if (end < 0)
            m_held = text.mid(i);
        return end;
    }
    if (c == QLatin1Char('\r')) {
        // "\r\r\n" is a line end too: a program's "\r\n" through a
        // terminal that adds '\r' before '\n' (systemd's console lines).
        qsizetype next = i + 1;
        while (next < text.size() && text.at(next) == QLatin1Char('\r'))
            ++next;
        if (next == text.size()) {
            m_held = text.mid(i); // perhaps the first half of a line end
            return -1;
        }
        if (text.at(next) != QLatin1Char('\n'))
            dropLineStart(out, m_midLine);
        return next;
    } else if (c == QLatin1Char('\b')) {
        if (!out.isEmpty() && !out.endsWith(QLatin1Char('\n')))
            out.chop(1);
    } else if (c == QLatin1Char('\n') || c == QLatin1Char('\t') || (c.unicode() >= 0x20 && c.unicode() != 0x7f)) {
        out.append(c);
    }
    return i + 1;
}

void LogFilter::reset()
{
    m_decoder.resetState();
    m_held.clear();
    m_midLine = false;
}

} // namespace berth::gui
