#include "state_names.h"

namespace berth::helper {

std::string_view runStateName(RunState state)
{
    switch (state) {
    case RunState::Stopped:
        return "stopped";
    case RunState::Starting:
        return "starting";
    case RunState::Running:
        return "running";
    case RunState::Stopping:
        return "stopping";
    case RunState::Frozen:
        return "frozen";
    }
    return "unknown";
}

std::string_view kindName(ContainerKind kind)
{
    return kind == ContainerKind::Application ? "application" : "system";
}

std::string_view optionTypeName(OptionType type)
{
    switch (type) {
    case OptionType::String:
        return "string";
    case OptionType::Boolean:
        return "boolean";
    case OptionType::Integer:
        return "integer";
    case OptionType::Choice:
        return "choice";
    case OptionType::List:
        return "list";
    case OptionType::Container:
        return "container";
    case OptionType::File:
        return "file";
    case OptionType::Secret:
        return "secret";
    }
    return "string";
}

} // namespace berth::helper
