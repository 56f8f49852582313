// How a container's state is shown: text and icon (the words are the
// GUI's; the states are model's).
#pragma once

#include "berth/model/states.h"
#include "client_types.h"

#include <QColor>
#include <QIcon>
#include <QString>

#include <optional>

namespace berth::gui {

// "Running" for RunState::Running.
[[nodiscard]] QString stateText(model::RunState state);
// A state's wire word ("running", ListContainers' and StateChanged's): its
// text when this GUI knows it, else the word as received.
[[nodiscard]] QString stateText(const QString& word);
// From the icon theme, with the style's own icons where the theme has none;
// none (a state this GUI does not know) gets the stopped one.
[[nodiscard]] QIcon stateIcon(std::optional<model::RunState> state);

// How a state reads at a glance, in colour: running green, stopped grey,
// frozen blue, failed red, starting/stopping and unmanaged (its monitor
// lost) amber (issue #19).
enum class StateTone { Running, Stopped, Frozen, Failed, Busy };
// Stopped, and its last run ended with an error: lastError set, or an exit
// status other than 0 and the signals a stop sends (TERM, KILL, INT, HUP,
// PWR, RTMIN+3: Stop and Force stop end a container that way).
[[nodiscard]] bool lastRunFailed(const client::ContainerInfo& info);
// None (a state this GUI does not know) reads as stopped.
[[nodiscard]] StateTone stateTone(std::optional<model::RunState> state, bool failed);
// "Failed" for a failed stopped container, else stateText(state).
[[nodiscard]] QString toneText(StateTone tone, model::RunState state);
// Readable on `palette`'s base colour, light or dark.
[[nodiscard]] QColor toneColor(StateTone tone, const QPalette& palette);

} // namespace berth::gui
