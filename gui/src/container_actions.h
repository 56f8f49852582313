// Which actions a container's state (and privilege) allows; pure so it is table-tested.
#pragma once

#include <QString>

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

// An empty state means nothing is selected: nothing is allowed.
[[nodiscard]] AllowedActions allowedActions(const QString& state, bool privileged = false);

} // namespace berth::gui
