// Figures as people read them, printed by the model (berth/model/units.h)
// with the unit words translated here, in one place.
#pragma once

#include <QString>
#include <QtGlobal>

namespace berth::gui {

// "512 B", "1.5 KiB", "256 MiB", "2 GiB" (model::SizeStyle::Long).
[[nodiscard]] QString formatBytes(quint64 bytes);
// "45 s", "12 min", "3 h 05 min", "2 d 4 h" (model::splitDuration), translated.
[[nodiscard]] QString formatDuration(qint64 seconds);

} // namespace berth::gui
