// Where in the config text the helper's refusal points. The engine names
// the place as "<source>:<line>: <message>" (ConfigEntry::where), possibly
// behind what the helper did ("set config 'web': config:3: ...").
#pragma once

#include <QString>

#include <optional>

namespace berth::gui {

struct ConfigErrorLocation {
    int line = 0;    // 1-based, as the engine counts
    QString message; // what follows "<source>:<line>: "
};

// The first "<source>:<line>:" in `message`; nullopt when there is none,
// so the refusal concerns the config as a whole.
[[nodiscard]] std::optional<ConfigErrorLocation> parseConfigError(const QString& message,
                                                                  const QString& source = QStringLiteral("config"));

} // namespace berth::gui
