// The debian and ubuntu templates' options turned into a debootstrap
// request (the builder itself is buildDebootstrap in template_build.h).
#pragma once

#include "berth/templates.h"
#include "template/debootstrap_command.h"

#include <string_view>

namespace berth::templates {

// What every debian/ubuntu container gets so that it boots as a system
// container: systemd as /sbin/init (its networkd configures eth0), D-Bus
// for its tools, procps, iproute2 and ping to see and try the network, and
// sudo, the way a desktop's user becomes root inside.
inline constexpr const char* kBootPackages[] = {"systemd-sysv", "dbus", "procps", "iproute2", "iputils-ping", "sudo"};

// distro "debian" or "ubuntu"; options as validated by the registry
// ("release", "variant", "mirror", "packages"; others are ignored here).
// The boot packages come first, then the user's.
[[nodiscard]] DebootstrapRequest debootstrapRequestOf(std::string_view distro, const TemplateOptions& options);

} // namespace berth::templates
