// What the fuzz targets do when an invariant breaks: say which, then abort
// so libFuzzer keeps the input as a crash (assert() vanishes with NDEBUG).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace berth::fuzz {

inline void require(bool holds, std::string_view invariant, std::string_view detail = {})
{
    if (holds)
        return;
    std::fprintf(stderr, "fuzz invariant broken: %.*s\n", static_cast<int>(invariant.size()), invariant.data());
    if (!detail.empty())
        std::fprintf(stderr, "  detail: %.*s\n", static_cast<int>(detail.size()), detail.data());
    std::abort();
}

inline std::string_view asText(const unsigned char* data, std::size_t size)
{
    return {reinterpret_cast<const char*>(data), size};
}

} // namespace berth::fuzz
