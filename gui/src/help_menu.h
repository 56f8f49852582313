// The Help menu: the manual (docs/manual.md, built into the application
// so it is there however Berth was installed), the keyboard shortcuts as
// the window's menus hold them, About Berth and About Qt.
#pragma once

#include <QList>
#include <QString>

class QMainWindow;
class QMenu;

namespace berth::gui {

// One line of Help → Keyboard Shortcuts.
struct ShortcutRow {
    QString where; // the menu ("Container"), or empty for the window's own keys
    QString what;  // the action's text without its mnemonic
    QString keys;  // in the platform's native text ("Ctrl+N")
};

// Every action of `window`'s menus and of the window itself that has a
// shortcut, in menu order.
[[nodiscard]] QList<ShortcutRow> shortcutRows(const QMainWindow& window);
// The manual's Markdown text (empty only if the resource is missing).
[[nodiscard]] QString manualText();

// Adds the Help menu to `window`'s menu bar.
QMenu* addHelpMenu(QMainWindow& window);

} // namespace berth::gui
