// The helper's refusals in plain words for a message.
#pragma once

#include "client_error.h"

#include <QString>

namespace berth::gui {

// `what` is the action as a verb phrase, e.g. tr("start 'box1'").
[[nodiscard]] QString errorText(const client::ClientError& error, const QString& what);

} // namespace berth::gui
