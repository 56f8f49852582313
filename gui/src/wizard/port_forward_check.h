// Port forwards as AddForward takes them: "tcp:8080:80", optionally with
// the host address, "udp:127.0.0.1:5353:53" (the engine's
// net::PortForward::parse). Checked in the wizard so that a typo is caught
// before the container exists.
#pragma once

#include <QString>

namespace berth::gui {

// Empty when `forward` is well-formed, else why not, for people.
[[nodiscard]] QString portForwardProblem(const QString& forward);

} // namespace berth::gui
