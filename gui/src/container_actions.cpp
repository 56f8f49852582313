#include "container_actions.h"

namespace berth::gui {

AllowedActions allowedActions(std::optional<model::RunState> state, bool privileged)
{
    AllowedActions allowed;
    if (!state)
        return allowed;
    const bool running = *state == model::RunState::Running;
    const bool stopped = *state == model::RunState::Stopped;
    allowed.start = model::canStart(*state);
    allowed.stop = model::canStop(*state);
    allowed.forceStop = model::canKill(*state);
    allowed.freeze = model::canFreeze(*state);
    allowed.thaw = model::canThaw(*state);
    // Destroying a running container would stop it first: ask for a stop instead.
    allowed.destroy = stopped;
    allowed.terminal = running;
    // A copy or snapshot of a tree that is being written would be torn.
    allowed.clone = stopped;
    allowed.exportTree = stopped;
    allowed.convert = stopped && privileged;
    return allowed;
}

} // namespace berth::gui
