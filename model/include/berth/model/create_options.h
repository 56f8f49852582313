// Create options that are Berth's rather than a template's: they travel in
// Create's options dictionary (a{ss}) next to the template's own keys, and
// the helper takes them out before it checks the rest against the
// template's schema.
#pragma once

#include <string_view>

namespace berth::model {

// "true": the new container is privileged (no user namespace, root inside
// is the host's root; the admin action). Absent or "false": it gets a block
// of IDs of its own. Named after the config key it becomes.
inline constexpr std::string_view kPrivilegedOption = "berth.privileged";

} // namespace berth::model
