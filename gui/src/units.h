// Figures as people read them: sizes in binary units, durations.
#pragma once

#include <QString>
#include <QtGlobal>

namespace berth::gui {

// "512 B", "1.5 KiB", "256 MiB", "2.0 GiB".
[[nodiscard]] QString formatBytes(quint64 bytes);
// "45 s", "12 min", "3 h 05 min", "2 d 4 h".
[[nodiscard]] QString formatDuration(qint64 seconds);

} // namespace berth::gui
