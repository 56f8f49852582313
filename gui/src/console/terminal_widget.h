// The embedded terminal: draws a TerminalScreen with the system's
// monospace font and connects it to a file descriptor (a pty master or a
// socket). Keys go to the program, its output to the screen; the mouse
// selects, Ctrl+Shift+C/V copy and paste, the wheel and Shift+PgUp/PgDn
// scroll back, Ctrl+Tab and Ctrl+Shift+Tab leave it. Its rows and columns
// follow the widget's size. It takes the keyboard when clicked (or when
// its tab gives it the focus), never by itself.
#pragma once

#include "terminal_cell.h"

#include <QAbstractScrollArea>
#include <QPoint>

namespace berth::gui {

class FdChannel;
class TerminalScreen;

class TerminalWidget : public QAbstractScrollArea {
    Q_OBJECT
public:
    explicit TerminalWidget(QWidget* parent = nullptr);
    ~TerminalWidget() override;

    // Takes `fd` and closes it on detach(); a previous one is detached first.
    void attach(int fd);
    void detach();
    [[nodiscard]] bool isAttached() const { return m_channel != nullptr; }
    // Empties the screen and its scrollback.
    void clear();

    [[nodiscard]] int rows() const;
    [[nodiscard]] int columns() const;
    // Rows of the screen (0 at the top, not counting scrollback).
    [[nodiscard]] QString lineText(int row) const;
    [[nodiscard]] TerminalCell cell(int row, int column) const;
    [[nodiscard]] TerminalScreen& screen() const { return *m_screen; }
    [[nodiscard]] QString selectedText() const;

    [[nodiscard]] QSize sizeHint() const override;

public Q_SLOTS:
    void copy();
    void paste();

Q_SIGNALS:
    void sizeChanged(int rows, int columns);
    // The descriptor reached its end (EOF, or EIO on a pty).
    void hangup();
    void titleChanged(const QString& title);

protected:
    bool event(QEvent* event) override;
    bool focusNextPrevChild(bool next) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void inputMethodEvent(QInputMethodEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    bool handleShortcut(const QKeyEvent* event);
    void screenChanged();
    void channelClosed();
    void updateTerminalSize();
    void paintRow(QPainter& painter, int row, int line) const;
    void paintCursor(QPainter& painter) const;
    void paintCell(QPainter& painter, const QRect& rect, const TerminalCell& cell, QColor foreground,
                   QColor background) const;
    [[nodiscard]] QFont cellFont(const TerminalCell& cell) const;
    [[nodiscard]] int topLine() const;
    [[nodiscard]] QPoint cellAt(QPoint position) const; // x = column, y = line
    [[nodiscard]] bool isSelected(int line, int column) const;
    void scrollToBottom();

    TerminalScreen* m_screen = nullptr;
    FdChannel* m_channel = nullptr;
    QSize m_cellSize;
    QPoint m_selectionStart;
    QPoint m_selectionEnd;
    bool m_hasSelection = false;
};

} // namespace berth::gui
