// How a container's state is shown: text and icon (the words are the
// GUI's; the states are model's).
#pragma once

#include "berth/model/states.h"

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

} // namespace berth::gui
