// libsystemd's sd-bus, loaded when systemd is first asked for a scope or
// machined for a registration rather than linked (common/loaded_library.h):
// only hosts with systemd as init need it, and libsystemd brings libgcrypt,
// libgpg-error, liblzma, libzstd and liblz4 into every process that links
// it (issue #22).
//
// systemd_library.cpp defines the sd_bus_* functions systemd_scope.cpp and
// machine_registration.cpp call, each forwarding to the loaded library's
// (the variadic append and read to their va_list forms), so the calls read
// as sd-bus's own. While the library is missing they fail as sd-bus does,
// with a negative errno (-ELIBACC); requireSystemd() says why.
#pragma once

#include "berth/error.h"

namespace berth::cgroup {

// Loads libsystemd.so.0 and every function Berth calls from it, once.
// ELIBACC naming the package (libsystemd0) when it cannot.
[[nodiscard]] Status requireSystemd();

} // namespace berth::cgroup
