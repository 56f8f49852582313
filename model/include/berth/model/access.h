// Who manages containers without an administrator's password: the members
// of one group, named here and in the helper's polkit rule
// (helper/50-berth.rules; unit_model_access checks they agree).
#pragma once

#include <string_view>

namespace berth::model {

inline constexpr std::string_view kManagersGroup = "berth";

} // namespace berth::model
