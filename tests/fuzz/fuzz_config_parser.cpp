// A container config comes from callers of the helper (SetConfig, create)
// and from imported LXC directories. Whatever the text, parsing must not
// crash, and an accepted config must come back unchanged through
// serialize() and a second parse: Berth promises to keep every line as
// written. Setting a value must read back as the same value, however odd
// (outer blanks, quotes): that is what formatConfigValue is for.
#include "berth/config.h"
#include "spec/container_spec.h"
#include "fuzz_invariant.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace {

using berth::fuzz::require;

bool sameEntries(const std::vector<berth::ConfigEntry>& a, const std::vector<berth::ConfigEntry>& b)
{
    return std::ranges::equal(a, b, [](const berth::ConfigEntry& x, const berth::ConfigEntry& y) {
        return x.key == y.key && x.value == y.value && x.source == y.source && x.line == y.line;
    });
}

// The input's last line, verbatim: arbitrary bytes to store as a value.
std::string_view lastLine(std::string_view text)
{
    if (text.ends_with('\n'))
        text.remove_suffix(1);
    const std::size_t newline = text.rfind('\n');
    return newline == std::string_view::npos ? text : text.substr(newline + 1);
}

void checkSetReadsBack(berth::Config config, std::string_view value)
{
    const auto entries = config.allEntries();
    if (entries.empty())
        return;
    const std::string key = entries.front().key;
    if (!config.set(key, value))
        return; // refused (lxc.include, NUL): nothing to check
    const std::string written = config.serialize();
    auto again = berth::Config::parse(written);
    require(again.has_value(), "a config after set() parses", written);
    require(again->get(key) == std::string(value), "set() reads back the same value", written);
    require(again->serialize() == written, "an edited config round-trips", written);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text = berth::fuzz::asText(data, size);
    auto config = berth::Config::parse(text);
    if (!config)
        return 0;
    const std::string written = config->serialize();
    require(written == text, "serialize() gives back the parsed text byte for byte");
    auto again = berth::Config::parse(written);
    require(again.has_value(), "serialized config parses again");
    require(sameEntries(config->allEntries(), again->allEntries()), "entries survive a round trip");
    // Only "no crash" here: the spec's checks have no simple oracle.
    (void)berth::ContainerSpec::fromConfig(*config);
    checkSetReadsBack(*config, lastLine(text));
    return 0;
}
