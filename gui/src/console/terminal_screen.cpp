#include "terminal_screen.h"

#include "terminal_colors.h"

#include <algorithm>

namespace berth::gui {
TerminalScreen::TerminalScreen(int rows, int columns, int scrollbackLines, QObject* parent)
    : QObject(parent), m_scrollback(scrollbackLines), m_rows(std::max(1, rows)), m_columns(std::max(1, columns))
{
    m_vterm = vterm_new(m_rows, m_columns);
    vterm_set_utf8(m_vterm, 1);
    vterm_output_set_callback(m_vterm, &TerminalScreen::writeOutput, this);
    m_screen = vterm_obtain_screen(m_vterm);
    static const VTermScreenCallbacks callbacks = {
        .damage = nullptr, // write() announces one change for all its damage
        .moverect = nullptr,
        .movecursor = &TerminalScreen::moveCursor,
        .settermprop = &TerminalScreen::setTermProp,
        .bell = nullptr,
        .resize = nullptr,
        .sb_pushline = &TerminalScreen::pushLine,
        .sb_popline = &TerminalScreen::popLine,
    };
    vterm_screen_set_callbacks(m_screen, &callbacks, this);
    vterm_screen_enable_altscreen(m_screen, 1);
    vterm_screen_reset(m_screen, 1);
}

TerminalScreen::~TerminalScreen()
{
    vterm_free(m_vterm);
}

void TerminalScreen::write(const QByteArray& bytes)
{
    vterm_input_write(m_vterm, bytes.constData(), std::size_t(bytes.size()));
    vterm_screen_flush_damage(m_screen);
    Q_EMIT changed();
}

void TerminalScreen::resize(int rows, int columns)
{
    rows = std::max(1, rows);
    columns = std::max(1, columns);
    if (rows == m_rows && columns == m_columns)
        return;
    m_rows = rows;
    m_columns = columns;
    vterm_set_size(m_vterm, rows, columns);
    vterm_screen_flush_damage(m_screen);
    Q_EMIT changed();
}

void TerminalScreen::sendKey(const TerminalKey& key)
{
    if (key.key != VTERM_KEY_NONE)
        vterm_keyboard_key(m_vterm, key.key, key.modifiers);
    else if (key.character != 0)
        vterm_keyboard_unichar(m_vterm, key.character, key.modifiers);
}

void TerminalScreen::paste(const QString& text)
{
    // Bracketed paste (when the program asked for it) keeps a pasted
    // newline from running a half-edited command line.
    vterm_keyboard_start_paste(m_vterm);
    QString lines = text;
    lines.replace(QStringLiteral("\r\n"), QStringLiteral("\r")).replace(QLatin1Char('\n'), QLatin1Char('\r'));
    for (const char32_t c : lines.toUcs4())
        vterm_keyboard_unichar(m_vterm, std::uint32_t(c), VTERM_MOD_NONE);
    vterm_keyboard_end_paste(m_vterm);
}

void TerminalScreen::clear()
{
    vterm_screen_reset(m_screen, 1);
    m_scrollback.clear();
    // A reset moves the cursor without telling movecursor.
    VTermPos pos{};
    vterm_state_get_cursorpos(vterm_obtain_state(m_vterm), &pos);
    m_cursor = QPoint(pos.col, pos.row);
    m_cursorVisible = true;
    Q_EMIT changed();
}

VTermScreenCell TerminalScreen::blankCell() const
{
    VTermScreenCell cell{};
    cell.width = 1;
    vterm_state_get_default_colors(vterm_obtain_state(m_vterm), &cell.fg, &cell.bg);
    return cell;
}

bool TerminalScreen::rawCell(int line, int column, VTermScreenCell& cell) const
{
    if (column < 0 || column >= m_columns || line >= m_rows || line < -m_scrollback.size())
        return false;
    if (line >= 0)
        return vterm_screen_get_cell(m_screen, VTermPos{line, column}, &cell) != 0;
    const ScrollbackBuffer::Line& stored = m_scrollback.line(m_scrollback.size() + line);
    cell = std::size_t(column) < stored.size() ? stored[std::size_t(column)] : blankCell();
    return true;
}

TerminalCell TerminalScreen::cell(int line, int column) const
{
    VTermScreenCell raw{};
    if (!rawCell(line, column, raw))
        return {};
    TerminalCell cell;
    for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && raw.chars[i] != 0; ++i)
        cell.text += QString::fromUcs4(reinterpret_cast<const char32_t*>(&raw.chars[i]), 1);
    cell.foreground = terminalColor(m_screen, raw.fg);
    cell.background = terminalColor(m_screen, raw.bg);
    cell.bold = raw.attrs.bold;
    cell.underline = raw.attrs.underline != VTERM_UNDERLINE_OFF;
    cell.reverse = raw.attrs.reverse;
    cell.width = raw.width;
    return cell;
}

QString TerminalScreen::lineText(int line) const
{
    QString text;
    for (int column = 0; column < m_columns; ++column) {
        const TerminalCell c = cell(line, column);
        if (c.width == 0)
            continue; // the right half of a wide character
        text += c.text.isEmpty() ? QStringLiteral(" ") : c.text;
    }
    while (text.endsWith(QLatin1Char(' ')))
        text.chop(1);
    return text;
}

QString TerminalScreen::text(QPoint from, QPoint to) const
{
    if (to.y() < from.y() || (to.y() == from.y() && to.x() < from.x()))
        std::swap(from, to);
    QStringList lines;
    for (int line = from.y(); line <= to.y(); ++line) {
        const QString whole = lineText(line);
        const int first = line == from.y() ? from.x() : 0;
        const int last = line == to.y() ? to.x() : m_columns - 1;
        lines << whole.mid(first, last - first + 1);
    }
    return lines.join(QLatin1Char('\n'));
}

int TerminalScreen::moveCursor(VTermPos pos, VTermPos, int visible, void* user)
{
    auto* self = static_cast<TerminalScreen*>(user);
    self->m_cursor = QPoint(pos.col, pos.row);
    self->m_cursorVisible = visible != 0;
    return 1;
}

int TerminalScreen::setTermProp(VTermProp prop, VTermValue* value, void* user)
{
    auto* self = static_cast<TerminalScreen*>(user);
    if (prop == VTERM_PROP_CURSORVISIBLE)
        self->m_cursorVisible = value->boolean != 0;
    else if (prop == VTERM_PROP_TITLE)
        Q_EMIT self->titleChanged(QString::fromUtf8(value->string));
    return 1;
}

int TerminalScreen::pushLine(int columns, const VTermScreenCell* cells, void* user)
{
    auto* self = static_cast<TerminalScreen*>(user);
    self->m_scrollback.push(ScrollbackBuffer::Line(cells, cells + columns));
    return 1;
}

int TerminalScreen::popLine(int columns, VTermScreenCell* cells, void* user)
{
    auto* self = static_cast<TerminalScreen*>(user);
    ScrollbackBuffer::Line line;
    if (!self->m_scrollback.pop(line))
        return 0;
    const VTermScreenCell blank = self->blankCell();
    for (int column = 0; column < columns; ++column)
        cells[column] = std::size_t(column) < line.size() ? line[std::size_t(column)] : blank;
    return 1;
}

void TerminalScreen::writeOutput(const char* bytes, size_t length, void* user)
{
    Q_EMIT static_cast<TerminalScreen*>(user)->output(QByteArray(bytes, qsizetype(length)));
}

} // namespace berth::gui
