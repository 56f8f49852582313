// The user and group IDs of a container's user namespace, in LXC's syntax:
// "lxc.idmap = u 0 1000000000 65536" maps IDs 0..65535 inside onto
// 1000000000.. on the host. A container without a map is privileged: its
// root is the host's root.
#pragma once

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace berth::model {

// Each unprivileged container gets a block of this many IDs of its own.
inline constexpr std::uint32_t kIdBlockSize = 65536;

enum class IdKind { User, Group };

struct IdMapEntry {
    IdKind kind = IdKind::User;
    std::uint32_t inside = 0; // first ID in the container
    std::uint32_t host = 0;   // the host ID it is
    std::uint32_t count = 0;

    bool operator==(const IdMapEntry&) const = default;
};

struct IdMap {
    std::vector<IdMapEntry> entries;

    [[nodiscard]] bool empty() const { return entries.empty(); }
    [[nodiscard]] std::optional<std::uint32_t> toHost(IdKind kind, std::uint32_t inside) const;
    [[nodiscard]] std::optional<std::uint32_t> toInside(IdKind kind, std::uint32_t host) const;
    // The text for /proc/PID/uid_map or gid_map: "inside host count" lines.
    [[nodiscard]] std::string procText(IdKind kind) const;
    // The host IDs of `kind`, as [first, first + count) ranges.
    [[nodiscard]] std::vector<IdMapEntry> ofKind(IdKind kind) const;

    bool operator==(const IdMap&) const = default;
};

// The whole 0..65535 of a container onto the host block at `base`.
[[nodiscard]] IdMap blockIdMap(std::uint32_t base);

// "u 0 1000000000 65536" (LXC's value of lxc.idmap); the error says what is wrong.
[[nodiscard]] std::expected<IdMapEntry, std::string> parseIdMapEntry(std::string_view value);
[[nodiscard]] std::string formatIdMapEntry(const IdMapEntry& entry);

// The kernel's text of /proc/PID/uid_map or gid_map ("inside host count"
// lines) as a map of `kind`; nothing when the text is not that.
[[nodiscard]] std::optional<IdMap> parseProcIdMap(IdKind kind, std::string_view text);

// Why the kernel would refuse the map, or nothing: both kinds present, no
// range empty or past 2^32, no two ranges of a kind overlapping inside or
// on the host, at most 340 lines a kind (the kernel's limit), inside root
// (0) mapped for both kinds.
[[nodiscard]] std::optional<std::string> idMapProblem(const IdMap& map);

} // namespace berth::model
