#include "terminal_widget.h"

#include "fd_channel.h"
#include "terminal_accessible.h"
#include "terminal_keys.h"
#include "terminal_screen.h"

#include <QAccessible>
#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>

namespace berth::gui {
namespace {

constexpr int kDefaultRows = 24;
constexpr int kDefaultColumns = 80;

bool isPageKey(int key)
{
    return key == Qt::Key_PageUp || key == Qt::Key_PageDown;
}

// Ctrl+Tab and Ctrl+Shift+Tab leave the terminal, as they leave any Qt
// widget that keeps Tab for itself (a text editor): 1 forward, -1 back,
// 0 for any other key. Shells and full-screen programs get no Ctrl+Tab
// from a terminal (it sends what Tab sends), so nothing is lost.
int leaveDirection(int key, Qt::KeyboardModifiers mods)
{
    if (key == Qt::Key_Tab && mods == Qt::ControlModifier)
        return 1;
    if ((key == Qt::Key_Backtab || key == Qt::Key_Tab) && mods == (Qt::ControlModifier | Qt::ShiftModifier))
        return -1;
    return 0;
}

} // namespace

TerminalWidget::TerminalWidget(QWidget* parent)
    : QAbstractScrollArea(parent),
      m_screen(new TerminalScreen(kDefaultRows, kDefaultColumns, TerminalScreen::kDefaultScrollback, this))
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    const QFontMetrics metrics(font());
    m_cellSize = QSize(std::max(1, metrics.horizontalAdvance(QLatin1Char('M'))), std::max(1, metrics.height()));
    setFocusPolicy(Qt::StrongFocus);
    TerminalAccessible::install();
    setAccessibleName(tr("Terminal"));
    setAccessibleDescription(tr("What the container prints; keys typed here go to it. Ctrl+Tab leaves the terminal."));
    setAttribute(Qt::WA_InputMethodEnabled);
    viewport()->setCursor(Qt::IBeamCursor);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    verticalScrollBar()->setRange(0, 0);
    connect(m_screen, &TerminalScreen::changed, this, &TerminalWidget::screenChanged);
    connect(m_screen, &TerminalScreen::titleChanged, this, &TerminalWidget::titleChanged);
    connect(m_screen, &TerminalScreen::output, this, [this](const QByteArray& bytes) {
        if (m_channel)
            m_channel->write(bytes);
    });
}

TerminalWidget::~TerminalWidget() = default;

void TerminalWidget::attach(int fd)
{
    detach();
    m_channel = new FdChannel(fd, this);
    connect(m_channel, &FdChannel::received, m_screen, &TerminalScreen::write);
    connect(m_channel, &FdChannel::closed, this, &TerminalWidget::channelClosed);
    m_channel->setWindowSize(rows(), columns());
}

void TerminalWidget::detach()
{
    delete std::exchange(m_channel, nullptr);
}

void TerminalWidget::channelClosed()
{
    // Deleted later: the channel is still emitting.
    std::exchange(m_channel, nullptr)->deleteLater();
    Q_EMIT hangup();
}

void TerminalWidget::clear()
{
    m_hasSelection = false;
    m_screen->clear();
}

int TerminalWidget::rows() const
{
    return m_screen->rows();
}

int TerminalWidget::columns() const
{
    return m_screen->columns();
}

QString TerminalWidget::lineText(int row) const
{
    return m_screen->lineText(row);
}

TerminalCell TerminalWidget::cell(int row, int column) const
{
    return m_screen->cell(row, column);
}

QSize TerminalWidget::sizeHint() const
{
    return QSize(m_cellSize.width() * kDefaultColumns + verticalScrollBar()->sizeHint().width(),
                 m_cellSize.height() * kDefaultRows) +
           QSize(2 * frameWidth(), 2 * frameWidth());
}

int TerminalWidget::topLine() const
{
    return verticalScrollBar()->value() - m_screen->scrollbackLines();
}

void TerminalWidget::scrollToBottom()
{
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

void TerminalWidget::screenChanged()
{
    QScrollBar* bar = verticalScrollBar();
    const bool atBottom = bar->value() == bar->maximum();
    bar->setRange(0, m_screen->scrollbackLines());
    bar->setPageStep(rows());
    // Following the output unless the user scrolled back to read.
    if (atBottom)
        scrollToBottom();
    viewport()->update();
    if (QAccessible::isActive()) {
        QAccessibleEvent shown(this, QAccessible::VisibleDataChanged);
        QAccessible::updateAccessibility(&shown);
    }
}

void TerminalWidget::resizeEvent(QResizeEvent* event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateTerminalSize();
}

void TerminalWidget::updateTerminalSize()
{
    const int newRows = std::max(1, viewport()->height() / m_cellSize.height());
    const int newColumns = std::max(1, viewport()->width() / m_cellSize.width());
    if (newRows == rows() && newColumns == columns())
        return;
    m_screen->resize(newRows, newColumns);
    if (m_channel)
        m_channel->setWindowSize(newRows, newColumns);
    Q_EMIT sizeChanged(newRows, newColumns);
}

void TerminalWidget::scrollContentsBy(int, int)
{
    viewport()->update();
}

void TerminalWidget::paintEvent(QPaintEvent*)
{
    QPainter painter(viewport());
    painter.fillRect(viewport()->rect(), palette().color(QPalette::Base));
    painter.setFont(font());
    const int top = topLine();
    for (int row = 0; row < rows(); ++row)
        paintRow(painter, row, top + row);
    paintCursor(painter);
}

QFont TerminalWidget::cellFont(const TerminalCell& cell) const
{
    QFont result = font();
    result.setBold(cell.bold);
    result.setUnderline(cell.underline);
    return result;
}

void TerminalWidget::paintCell(QPainter& painter, const QRect& rect, const TerminalCell& cell, QColor foreground,
                               QColor background) const
{
    if (background != palette().color(QPalette::Base))
        painter.fillRect(rect, background);
    if (cell.text.isEmpty() && !cell.underline)
        return;
    painter.setFont(cellFont(cell));
    painter.setPen(foreground);
    painter.drawText(rect.left(), rect.top() + QFontMetrics(font()).ascent(),
                     cell.text.isEmpty() ? QStringLiteral(" ") : cell.text);
}

void TerminalWidget::paintRow(QPainter& painter, int row, int line) const
{
    for (int column = 0; column < columns(); ++column) {
        const TerminalCell cell = m_screen->cell(line, column);
        if (cell.width == 0)
            continue;
        QColor foreground = cell.foreground.isValid() ? cell.foreground : palette().color(QPalette::Text);
        QColor background = cell.background.isValid() ? cell.background : palette().color(QPalette::Base);
        if (cell.reverse != isSelected(line, column))
            std::swap(foreground, background);
        const QRect rect(column * m_cellSize.width(), row * m_cellSize.height(),
                         m_cellSize.width() * std::max(1, cell.width), m_cellSize.height());
        paintCell(painter, rect, cell, foreground, background);
    }
}

void TerminalWidget::paintCursor(QPainter& painter) const
{
    const QPoint cursor = m_screen->cursor();
    const int row = cursor.y() - topLine();
    if (!m_screen->cursorVisible() || row < 0 || row >= rows())
        return;
    const QRect rect(cursor.x() * m_cellSize.width(), row * m_cellSize.height(), m_cellSize.width(),
                     m_cellSize.height());
    // A block when the keys go here, an outline when they do not.
    if (hasFocus()) {
        const TerminalCell cell = m_screen->cell(cursor.y(), cursor.x());
        paintCell(painter, rect, cell, palette().color(QPalette::Base), palette().color(QPalette::Text));
    } else {
        painter.setPen(palette().color(QPalette::Text));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(rect.adjusted(0, 0, -1, -1));
    }
}

bool TerminalWidget::event(QEvent* event)
{
    // The terminal's keys go to the program, not to the window's
    // shortcuts (Del must not destroy the container).
    if (event->type() == QEvent::ShortcutOverride) {
        auto* key = static_cast<QKeyEvent*>(event);
        const Qt::KeyboardModifiers mods =
            key->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier | Qt::AltModifier);
        if (leaveDirection(key->key(), mods) != 0 ||
            !terminalKeys(key->key(), key->modifiers(), key->text()).isEmpty()) {
            event->accept();
            return true;
        }
    }
    return QAbstractScrollArea::event(event);
}

bool TerminalWidget::focusNextPrevChild(bool)
{
    return false; // Tab completes in the shell instead of moving the focus
}

bool TerminalWidget::handleShortcut(const QKeyEvent* event)
{
    const Qt::KeyboardModifiers mods = event->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier | Qt::AltModifier);
    if (const int leave = leaveDirection(event->key(), mods)) {
        // The widget's own focusNextPrevChild keeps Tab for the shell.
        QAbstractScrollArea::focusNextPrevChild(leave > 0);
        return true;
    }
    if (mods == (Qt::ControlModifier | Qt::ShiftModifier) && event->key() == Qt::Key_C) {
        copy();
        return true;
    }
    if (mods == (Qt::ControlModifier | Qt::ShiftModifier) && event->key() == Qt::Key_V) {
        paste();
        return true;
    }
    if (mods == Qt::ShiftModifier && isPageKey(event->key())) {
        const int step = event->key() == Qt::Key_PageUp ? -rows() : rows();
        verticalScrollBar()->setValue(verticalScrollBar()->value() + step);
        return true;
    }
    return false;
}

void TerminalWidget::keyPressEvent(QKeyEvent* event)
{
    if (handleShortcut(event))
        return;
    const QList<TerminalKey> keys = terminalKeys(event->key(), event->modifiers(), event->text());
    if (keys.isEmpty()) {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    for (const TerminalKey& key : keys)
        m_screen->sendKey(key);
    scrollToBottom();
}

void TerminalWidget::inputMethodEvent(QInputMethodEvent* event)
{
    for (const char32_t c : event->commitString().toUcs4())
        m_screen->sendKey(TerminalKey{VTERM_KEY_NONE, std::uint32_t(c), VTERM_MOD_NONE});
    event->accept();
}

QPoint TerminalWidget::cellAt(QPoint position) const
{
    const int column = std::clamp(position.x() / m_cellSize.width(), 0, columns() - 1);
    const int row = std::clamp(position.y() / m_cellSize.height(), 0, rows() - 1);
    return QPoint(column, topLine() + row);
}

bool TerminalWidget::isSelected(int line, int column) const
{
    if (!m_hasSelection)
        return false;
    QPoint from = m_selectionStart;
    QPoint to = m_selectionEnd;
    if (to.y() < from.y() || (to.y() == from.y() && to.x() < from.x()))
        std::swap(from, to);
    const bool afterStart = line > from.y() || (line == from.y() && column >= from.x());
    const bool beforeEnd = line < to.y() || (line == to.y() && column <= to.x());
    return afterStart && beforeEnd;
}

QString TerminalWidget::selectedText() const
{
    return m_hasSelection ? m_screen->text(m_selectionStart, m_selectionEnd) : QString();
}

void TerminalWidget::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::MiddleButton) {
        const QString text = QGuiApplication::clipboard()->text(QClipboard::Selection);
        if (!text.isEmpty())
            m_screen->paste(text);
        return;
    }
    if (event->button() != Qt::LeftButton)
        return QAbstractScrollArea::mousePressEvent(event);
    m_selectionStart = m_selectionEnd = cellAt(event->position().toPoint());
    m_hasSelection = false;
    viewport()->update();
}

void TerminalWidget::mouseMoveEvent(QMouseEvent* event)
{
    if (!(event->buttons() & Qt::LeftButton))
        return;
    m_selectionEnd = cellAt(event->position().toPoint());
    m_hasSelection = true;
    viewport()->update();
}

void TerminalWidget::mouseReleaseEvent(QMouseEvent* event)
{
    // X11's habit: what is selected can be pasted with the middle button.
    if (event->button() == Qt::LeftButton && m_hasSelection && QGuiApplication::clipboard()->supportsSelection())
        QGuiApplication::clipboard()->setText(selectedText(), QClipboard::Selection);
}

void TerminalWidget::copy()
{
    if (m_hasSelection)
        QGuiApplication::clipboard()->setText(selectedText());
}

void TerminalWidget::paste()
{
    const QString text = QGuiApplication::clipboard()->text();
    if (!text.isEmpty())
        m_screen->paste(text);
}

} // namespace berth::gui
