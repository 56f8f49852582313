// A port forward as the helper writes it, "PROTO:[HOSTADDR:]HOSTPORT:PORT"
// ("tcp:8080:80", "udp:127.0.0.1:5353:53"), with the engine's rules
// (engine/src/net/port_forward.cpp): tcp or udp, ports 1..65535.
#pragma once

#include <QString>

#include <optional>

namespace berth::gui {

struct ForwardSpec {
    QString protocol = QStringLiteral("tcp");
    QString hostAddress; // empty: every host address
    int hostPort = 0;
    int containerPort = 0;

    [[nodiscard]] QString toString() const;
    bool operator==(const ForwardSpec&) const = default;
};

[[nodiscard]] std::optional<ForwardSpec> parseForwardSpec(const QString& text);

} // namespace berth::gui
