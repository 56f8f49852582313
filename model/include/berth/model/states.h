// The states and kinds every layer names: a container's run state, a job's
// state and a container's kind, each with the one name it has on D-Bus and
// in berthctl's output (issue #18: one vocabulary from engine to window).
#pragma once

#include <optional>
#include <string_view>

namespace berth::model {

// Unmanaged: its monitor is gone (killed) while processes still run in its
// cgroup; only stop (or a forced destroy) ends it, by the cgroup.
enum class RunState { Stopped, Starting, Running, Stopping, Frozen, Unmanaged };

// A Job1 object's State property.
enum class JobState { Running, Succeeded, Failed, Cancelled };

// System containers boot the rootfs's own init; application containers run
// one command under berth-init as PID 1.
enum class ContainerKind { System, Application };

[[nodiscard]] std::string_view wireName(RunState state);
[[nodiscard]] std::string_view wireName(JobState state);
[[nodiscard]] std::string_view wireName(ContainerKind kind);

// The inverse of wireName: nullopt for any other text (a reply from a newer
// helper, a typo), which the caller reports rather than guesses.
[[nodiscard]] std::optional<RunState> parseRunState(std::string_view name);
[[nodiscard]] std::optional<JobState> parseJobState(std::string_view name);
[[nodiscard]] std::optional<ContainerKind> parseContainerKind(std::string_view name);

// Its init is alive: running, or frozen with every process stopped.
[[nodiscard]] constexpr bool isActive(RunState state)
{
    return state == RunState::Running || state == RunState::Frozen;
}

// On its way to another state: an action now would race the one under way.
[[nodiscard]] constexpr bool isTransient(RunState state)
{
    return state == RunState::Starting || state == RunState::Stopping;
}

// What a state allows; the helper refuses the rest (Busy or
// InvalidArgument), so clients offer only these.
[[nodiscard]] constexpr bool canStart(RunState state)
{
    return state == RunState::Stopped;
}
[[nodiscard]] constexpr bool canStop(RunState state)
{
    return state == RunState::Running || state == RunState::Unmanaged;
}
// exec and the consoles go through the monitor: a lost one takes them along.
[[nodiscard]] constexpr bool canExec(RunState state)
{
    return state == RunState::Running;
}
// SIGKILL is the way out of a container stuck on its way up or down.
[[nodiscard]] constexpr bool canKill(RunState state)
{
    return isActive(state) || isTransient(state);
}
[[nodiscard]] constexpr bool canFreeze(RunState state)
{
    return state == RunState::Running;
}
[[nodiscard]] constexpr bool canThaw(RunState state)
{
    return state == RunState::Frozen;
}

// The job has ended, one way or another.
[[nodiscard]] constexpr bool isFinished(JobState state)
{
    return state != JobState::Running;
}

} // namespace berth::model
