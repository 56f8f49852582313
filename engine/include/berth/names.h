// Container names: they become directory names and D-Bus arguments.
#pragma once

#include "berth/error.h"

#include <string_view>

namespace berth {

// The rule is model::checkContainerName (berth/model/container_name.h).
[[nodiscard]] bool isValidContainerName(std::string_view name);
// Same rule; the error says which name and what is wrong with it.
[[nodiscard]] Status validateContainerName(std::string_view name);

} // namespace berth
