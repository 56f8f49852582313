// The problems model finds in a bridge's fields and in a container's static
// address (berth/model/bridge.h, interface.h), as sentences for people. The
// checks are model's: the same functions the helper enforces.
#pragma once

#include "berth/model/bridge.h"
#include "berth/model/interface.h"

#include <QString>

namespace berth::gui {

// A sentence for the user; empty for None.
[[nodiscard]] QString bridgeProblemText(model::BridgeProblem problem);

// Empty for None; `text` is what the user typed, `bridge` the bridge's own
// address ("10.0.3.1/24").
[[nodiscard]] QString addressProblemText(model::AddressProblem problem, const QString& text,
                                         const model::Ipv4Cidr& bridge);

} // namespace berth::gui
