// IPv4 addresses, prefixes and ranges, as Berth's networks use them: the
// types and their rules are model's (berth/model/ipv4.h); the engine adds
// parsers whose errors are Berth errors (EINVAL, naming the text).
#pragma once

#include "berth/error.h"
#include "berth/model/ipv4.h"

#include <string_view>

namespace berth::net {

using Ipv4Address = model::Ipv4Address;
using Ipv4Cidr = model::Ipv4Cidr;
using Ipv4Range = model::Ipv4Range;

[[nodiscard]] Result<Ipv4Address> parseIpv4Address(std::string_view text); // dotted quad only
[[nodiscard]] Result<Ipv4Cidr> parseIpv4Cidr(std::string_view text);       // "a.b.c.d/n"
[[nodiscard]] Result<Ipv4Range> parseIpv4Range(std::string_view text);     // "first,last" or "first-last"

} // namespace berth::net
