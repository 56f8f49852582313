// How a container's state (the helper's word) is shown: text and icon.
#pragma once

#include <QIcon>
#include <QString>

namespace berth::gui {

// "Running" for "running"; an unknown state is shown as received.
[[nodiscard]] QString stateText(const QString& state);
// From the icon theme, with the style's own icons where the theme has none.
[[nodiscard]] QIcon stateIcon(const QString& state);

} // namespace berth::gui
