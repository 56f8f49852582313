// SetLimits' keys as the GUI's maps hold them: the model's wire keys, never
// spelled here.
#pragma once

#include "berth/model/limits.h"

#include <QString>

namespace berth::gui {

[[nodiscard]] inline QString limitKey(model::LimitKey key)
{
    const std::string_view wire = model::wireKey(key);
    return QString::fromLatin1(wire.data(), qsizetype(wire.size()));
}

} // namespace berth::gui
