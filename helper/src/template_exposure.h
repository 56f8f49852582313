// Template options that change where a new container's code comes from
// (a distribution mirror other than the template's own). A member of group
// berth installs from the template's default sources, whose signatures
// Berth checks against the distribution's keyring; choosing another source
// is an administrator's call (org.berth.host.bind-mount), because what it
// serves is run as the container's root and cached for other users.
#pragma once

#include "berth/templates.h"

#include <string>
#include <vector>

namespace berth::helper {

// One sentence per option whose value (after validateTemplateOptions, so
// with the defaults filled in) is not the template's default; empty when
// none is. Options the template does not have are ignored.
[[nodiscard]] std::vector<std::string> templateSourceExposures(const TemplateInfo& info,
                                                               const TemplateOptions& validated);

} // namespace berth::helper
