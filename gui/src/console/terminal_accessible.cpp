#include "terminal_accessible.h"

#include "terminal_screen.h"
#include "terminal_widget.h"

#include <algorithm>

namespace berth::gui {
namespace {

QAccessibleInterface* terminalFactory(const QString& className, QObject* object)
{
    if (className == QLatin1String(TerminalWidget::staticMetaObject.className()) && object->isWidgetType())
        return new TerminalAccessible(static_cast<TerminalWidget*>(object));
    return nullptr;
}

} // namespace

TerminalAccessible::TerminalAccessible(TerminalWidget* terminal) : QAccessibleWidget(terminal, QAccessible::Terminal) {}

void TerminalAccessible::install()
{
    static const bool installed = [] {
        QAccessible::installFactory(terminalFactory);
        return true;
    }();
    Q_UNUSED(installed);
}

void* TerminalAccessible::interface_cast(QAccessible::InterfaceType type)
{
    if (type == QAccessible::TextInterface)
        return static_cast<QAccessibleTextInterface*>(this);
    return QAccessibleWidget::interface_cast(type);
}

TerminalWidget* TerminalAccessible::terminal() const
{
    return static_cast<TerminalWidget*>(widget());
}

// Rows without their trailing blanks, but the cursor's row reaches the
// cursor ("login: " with the cursor after the space).
QString TerminalAccessible::rowText(int row) const
{
    const QString text = terminal()->lineText(row);
    const QPoint cursor = terminal()->screen().cursor();
    return row == cursor.y() ? text.leftJustified(cursor.x(), QLatin1Char(' ')) : text;
}

QString TerminalAccessible::screenText() const
{
    QStringList lines;
    for (int row = 0; row < terminal()->rows(); ++row)
        lines << rowText(row);
    return lines.join(QLatin1Char('\n'));
}

void TerminalAccessible::selection(int, int* startOffset, int* endOffset) const
{
    *startOffset = 0;
    *endOffset = 0;
}

int TerminalAccessible::selectionCount() const
{
    return 0;
}

void TerminalAccessible::addSelection(int, int) {}

void TerminalAccessible::removeSelection(int) {}

void TerminalAccessible::setSelection(int, int, int) {}

int TerminalAccessible::cursorPosition() const
{
    const QPoint cursor = terminal()->screen().cursor();
    int offset = 0;
    for (int row = 0; row < cursor.y() && row < terminal()->rows(); ++row)
        offset += int(rowText(row).size()) + 1;
    return offset + std::min(cursor.x(), int(rowText(cursor.y()).size()));
}

void TerminalAccessible::setCursorPosition(int) {}

QString TerminalAccessible::text(int startOffset, int endOffset) const
{
    const QString all = screenText();
    const int start = std::clamp(startOffset, 0, int(all.size()));
    const int end = endOffset < 0 ? int(all.size()) : std::clamp(endOffset, start, int(all.size()));
    return all.mid(start, end - start);
}

int TerminalAccessible::characterCount() const
{
    return int(screenText().size());
}

QRect TerminalAccessible::characterRect(int) const
{
    return {};
}

int TerminalAccessible::offsetAtPoint(const QPoint&) const
{
    return -1;
}

void TerminalAccessible::scrollToSubstring(int, int) {}

QString TerminalAccessible::attributes(int offset, int* startOffset, int* endOffset) const
{
    *startOffset = offset;
    *endOffset = offset;
    return {};
}

} // namespace berth::gui
