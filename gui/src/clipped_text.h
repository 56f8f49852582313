// Text that does not fit, where Qt can tell: a label, button, tab, group
// box title or table cell narrower than its text, and a window whose minimum size is
// larger than its screen. The screenshot tour lists them for every view
// (gui_screenshots fails on them); tests call it on any widget.
#pragma once

#include <QStringList>

class QWidget;

namespace berth::gui {

// One line per finding: "QLabel 'name' \"text\": needs 212 px, has 180".
// Hidden widgets and word-wrapped labels are left out, and so is a text
// elided on purpose (it ends in "…" and has a tooltip).
[[nodiscard]] QStringList clippedTexts(const QWidget& window);
// "minimum size 1100×760 is larger than the screen's 1024×700", or empty.
[[nodiscard]] QString tooLargeForScreen(const QWidget& window);

} // namespace berth::gui
