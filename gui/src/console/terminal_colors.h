// libvterm's colours (palette index, RGB or "default") to QColor.
#pragma once

#include <vterm.h>

#include <QColor>

namespace berth::gui {

// An invalid QColor for the default foreground/background, so the widget
// uses its own palette's; indexed colours through `screen`'s palette.
[[nodiscard]] QColor terminalColor(const VTermScreen* screen, VTermColor color);

} // namespace berth::gui
