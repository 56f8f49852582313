// Which actions a container's state (and privilege) allows; pure so it is table-tested.
#pragma once

#include "berth/model/states.h"

#include <optional>

namespace berth::gui {

struct AllowedActions {
    bool start = false;
    bool stop = false;
    bool forceStop = false;
    bool freeze = false;
    bool thaw = false;
    bool destroy = false;
    bool terminal = false; // the console and a shell need a running init
    bool clone = false;
    bool exportTree = false;
    bool convert = false; // a stopped privileged container gets a user namespace

    friend bool operator==(const AllowedActions&, const AllowedActions&) = default;
};

// No state means nothing is selected, or a state this GUI does not know:
// nothing is allowed.
[[nodiscard]] AllowedActions allowedActions(std::optional<model::RunState> state, bool privileged = false);

} // namespace berth::gui
