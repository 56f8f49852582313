#include "berth/model/states.h"

#include <array>
#include <utility>

namespace berth::model {

namespace {

// One table per enum: wireName and its parser read the same rows, so the
// two directions cannot drift apart.
constexpr std::array kRunStates{
    std::pair{RunState::Stopped, std::string_view("stopped")},
    std::pair{RunState::Starting, std::string_view("starting")},
    std::pair{RunState::Running, std::string_view("running")},
    std::pair{RunState::Stopping, std::string_view("stopping")},
    std::pair{RunState::Frozen, std::string_view("frozen")},
    std::pair{RunState::Unmanaged, std::string_view("unmanaged")},
};

constexpr std::array kJobStates{
    std::pair{JobState::Running, std::string_view("running")},
    std::pair{JobState::Succeeded, std::string_view("succeeded")},
    std::pair{JobState::Failed, std::string_view("failed")},
    std::pair{JobState::Cancelled, std::string_view("cancelled")},
};

constexpr std::array kKinds{
    std::pair{ContainerKind::System, std::string_view("system")},
    std::pair{ContainerKind::Application, std::string_view("application")},
};

template <typename Enum, std::size_t N>
std::string_view nameIn(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum value)
{
    for (const auto& [entry, name] : table)
        if (entry == value)
            return name;
    return "unknown";
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueIn(const std::array<std::pair<Enum, std::string_view>, N>& table, std::string_view name)
{
    for (const auto& [entry, entryName] : table)
        if (entryName == name)
            return entry;
    return std::nullopt;
}

} // namespace

std::string_view wireName(RunState state)
{
    return nameIn(kRunStates, state);
}
std::string_view wireName(JobState state)
{
    return nameIn(kJobStates, state);
}
std::string_view wireName(ContainerKind kind)
{
    return nameIn(kKinds, kind);
}

std::optional<RunState> parseRunState(std::string_view name)
{
    return valueIn(kRunStates, name);
}
std::optional<JobState> parseJobState(std::string_view name)
{
    return valueIn(kJobStates, name);
}
std::optional<ContainerKind> parseContainerKind(std::string_view name)
{
    return valueIn(kKinds, name);
}

} // namespace berth::model
