#include "net/mac.h"

#include "config/values.h"

#include <array>
#include <cerrno>
#include <cstdint>

namespace berth::net {

namespace {

constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr std::uint64_t kFnvPrime = 0x100000001b3ULL;
constexpr char kHex[] = "0123456789abcdef";

std::uint64_t fnv1a(std::uint64_t hash, std::string_view bytes)
{
    for (char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= kFnvPrime;
    }
    return hash;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

std::string format(const std::array<std::uint8_t, 6>& bytes)
{
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i != 0)
            out += ':';
        out += kHex[bytes[i] >> 4];
        out += kHex[bytes[i] & 0xf];
    }
    return out;
}

} // namespace

std::string stableMac(std::string_view container, unsigned index)
{
    // The NUL keeps "web1"+index 0 apart from "web"+index 10.
    std::uint64_t hash = fnv1a(kFnvOffset, container);
    hash = fnv1a(hash, std::string_view("\0", 1));
    hash = fnv1a(hash, std::to_string(index));
    // Fold the high half in: FNV-1a's low bytes alone mix the last input byte poorly.
    const std::uint64_t folded = hash ^ (hash >> 32);
    return format({0x00, 0x16, 0x3e, static_cast<std::uint8_t>(folded >> 16), static_cast<std::uint8_t>(folded >> 8),
                   static_cast<std::uint8_t>(folded)});
}

Result<std::string> parseMac(std::string_view text)
{
    std::array<std::uint8_t, 6> bytes{};
    bool ok = text.size() == 17;
    for (std::size_t i = 0; ok && i < bytes.size(); ++i) {
        const int high = hexValue(text[i * 3]);
        const int low = hexValue(text[i * 3 + 1]);
        ok = high >= 0 && low >= 0 && (i == 5 || text[i * 3 + 2] == ':');
        if (ok)
            bytes[i] = static_cast<std::uint8_t>((high << 4) | low);
    }
    if (!ok)
        return failWith(EINVAL, quoteForMessage(text) + " is not a MAC address (xx:xx:xx:xx:xx:xx)");
    if (bytes[0] & 0x01)
        return failWith(EINVAL, "MAC address " + quoteForMessage(text) + " is a multicast address");
    if (bytes == std::array<std::uint8_t, 6>{})
        return failWith(EINVAL, "MAC address " + quoteForMessage(text) + " is all zeros");
    return format(bytes);
}

} // namespace berth::net
