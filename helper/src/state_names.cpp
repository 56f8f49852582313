#include "state_names.h"

namespace berth::helper {

std::string_view runStateName(RunState state)
{
    return model::wireName(state);
}

std::string_view kindName(ContainerKind kind)
{
    return model::wireName(kind);
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
