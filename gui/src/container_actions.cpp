#include "container_actions.h"

namespace berth::gui {

AllowedActions allowedActions(const QString& state, bool privileged)
{
    AllowedActions allowed;
    const bool running = state == QLatin1String("running");
    const bool frozen = state == QLatin1String("frozen");
    const bool stopped = state == QLatin1String("stopped");
    const bool moving = state == QLatin1String("starting") || state == QLatin1String("stopping");
    allowed.start = stopped;
    allowed.stop = running;
    // SIGKILL is the way out of a container stuck on its way up or down.
    allowed.forceStop = running || frozen || moving;
    allowed.freeze = running;
    allowed.thaw = frozen;
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
