// libnftables, loaded when the firewall is first touched rather than
// linked (common/loaded_library.h): most containers have no port forward
// and no NAT, and libnftables brings libnftnl, libmnl, libxtables,
// libjansson and libgmp into every process that links it (issue #22).
//
// nftables_library.cpp defines the nft_* functions nft_apply.cpp calls, each
// forwarding to the loaded library's, so the calls read as libnftables'
// own. They answer as a failing libnftables would (a null context, a
// non-zero result) while the library is missing; requireNftables() says why.
#pragma once

#include "berth/error.h"

namespace berth::net {

// Loads libnftables.so.1 and every function Berth calls from it, once.
// ELIBACC naming the package (libnftables1) when it cannot.
[[nodiscard]] Status requireNftables();

} // namespace berth::net
