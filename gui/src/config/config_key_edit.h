// One key of a container's config text set to a value, the rest of the text
// as it was: what a control that owns one key (autostart) sends to SetConfig.
#pragma once

#include <QString>

namespace berth::gui {

// The first "key = ..." line gets `value` (its comment and spacing before the
// key kept); later lines with the same key are dropped, since the last one
// would win in the engine. Without such a line, "key = value" is appended.
[[nodiscard]] QString withConfigValue(const QString& text, const QString& key, const QString& value);

} // namespace berth::gui
