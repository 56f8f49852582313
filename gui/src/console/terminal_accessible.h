// What assistive technology sees of the embedded terminal: role Terminal,
// the name and description its widget sets, and the screen's text (its
// rows joined by '\n') with the cursor, through QAccessibleTextInterface.
#pragma once

#include <QAccessibleWidget>

namespace berth::gui {

class TerminalWidget;

class TerminalAccessible : public QAccessibleWidget, public QAccessibleTextInterface {
public:
    explicit TerminalAccessible(TerminalWidget* terminal);

    // Makes Qt use this class for every TerminalWidget (once per process).
    static void install();

    void* interface_cast(QAccessible::InterfaceType type) override;

    // QAccessibleTextInterface over the visible screen, read only.
    void selection(int selectionIndex, int* startOffset, int* endOffset) const override;
    int selectionCount() const override;
    void addSelection(int startOffset, int endOffset) override;
    void removeSelection(int selectionIndex) override;
    void setSelection(int selectionIndex, int startOffset, int endOffset) override;
    int cursorPosition() const override;
    void setCursorPosition(int position) override;
    QString text(int startOffset, int endOffset) const override;
    int characterCount() const override;
    QRect characterRect(int offset) const override;
    int offsetAtPoint(const QPoint& point) const override;
    void scrollToSubstring(int startIndex, int endIndex) override;
    QString attributes(int offset, int* startOffset, int* endOffset) const override;

private:
    [[nodiscard]] TerminalWidget* terminal() const;
    [[nodiscard]] QString rowText(int row) const;
    [[nodiscard]] QString screenText() const;
};

} // namespace berth::gui
