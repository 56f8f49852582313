// Words the bus uses for engine enums.
#pragma once

#include "berth/engine.h"
#include "berth/system_check.h"
#include "berth/templates.h"

#include <string_view>

namespace berth::helper {

[[nodiscard]] std::string_view runStateName(RunState state);
[[nodiscard]] std::string_view kindName(ContainerKind kind);
[[nodiscard]] std::string_view optionTypeName(OptionType type);

} // namespace berth::helper
