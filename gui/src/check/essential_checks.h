// Which system check items Berth cannot run containers without. The helper
// reports items with stable ids (engine/src/check/check_text.cpp) but does
// not rank them; this is the GUI's judgement, made in one place.
#pragma once

#include "client_types.h"

#include <QList>
#include <QString>

namespace berth::gui {

[[nodiscard]] bool isEssentialCheck(const QString& id);
// An essential item whose status is "missing".
[[nodiscard]] bool hasEssentialMissing(const QList<client::CheckItem>& items);

} // namespace berth::gui
