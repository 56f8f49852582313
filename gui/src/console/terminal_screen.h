// The terminal's state: libvterm's screen fed with a program's output,
// the keys to send back, and the lines scrolled off the top. No widget and
// no file descriptor, so tests drive it with bytes.
#pragma once

#include "scrollback_buffer.h"
#include "terminal_cell.h"
#include "terminal_keys.h"

#include <vterm.h>

#include <QObject>
#include <QPoint>

namespace berth::gui {

class TerminalScreen : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultScrollback = 5000;

    explicit TerminalScreen(int rows, int columns, int scrollbackLines = kDefaultScrollback, QObject* parent = nullptr);
    ~TerminalScreen() override;

    // The program's output.
    void write(const QByteArray& bytes);
    void resize(int rows, int columns);
    // Keys and pasted text become output() in the terminal's encoding.
    void sendKey(const TerminalKey& key);
    void paste(const QString& text);
    // A blank screen without scrollback, as a new terminal's.
    void clear();

    [[nodiscard]] int rows() const { return m_rows; }
    [[nodiscard]] int columns() const { return m_columns; }
    [[nodiscard]] int scrollbackLines() const { return m_scrollback.size(); }
    // Lines run from -scrollbackLines() (the oldest kept) to rows() - 1.
    [[nodiscard]] TerminalCell cell(int line, int column) const;
    // Without trailing blanks.
    [[nodiscard]] QString lineText(int line) const;
    // From `from` to `to` inclusive (x = column, y = line), lines joined by '\n'.
    [[nodiscard]] QString text(QPoint from, QPoint to) const;
    [[nodiscard]] QPoint cursor() const { return m_cursor; } // x = column, y = row
    [[nodiscard]] bool cursorVisible() const { return m_cursorVisible; }

Q_SIGNALS:
    void output(const QByteArray& bytes); // for the program
    void changed();
    void titleChanged(const QString& title);

private:
    static int moveCursor(VTermPos pos, VTermPos oldPos, int visible, void* user);
    static int setTermProp(VTermProp prop, VTermValue* value, void* user);
    static int pushLine(int columns, const VTermScreenCell* cells, void* user);
    static int popLine(int columns, VTermScreenCell* cells, void* user);
    static void writeOutput(const char* bytes, size_t length, void* user);

    [[nodiscard]] bool rawCell(int line, int column, VTermScreenCell& cell) const;
    [[nodiscard]] VTermScreenCell blankCell() const;

    VTerm* m_vterm = nullptr;
    VTermScreen* m_screen = nullptr;
    ScrollbackBuffer m_scrollback;
    int m_rows;
    int m_columns;
    QPoint m_cursor;
    bool m_cursorVisible = true;
};

} // namespace berth::gui
