// GetContainer's "reservedAddresses": what the config sets and what Berth's IPAM
// leased, as one list.
#pragma once

#include <string>
#include <vector>

namespace berth::helper {

// `configured` as given, then each of `leased` whose address (the part
// before '/') is not listed yet: a configured address on a bridge is also
// reserved there, maybe with another prefix, and must show once.
[[nodiscard]] std::vector<std::string> mergeAddresses(std::vector<std::string> configured,
                                                      const std::vector<std::string>& leased);

} // namespace berth::helper
