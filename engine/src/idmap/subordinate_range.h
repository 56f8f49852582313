// Berth's subordinate ID range: the entries of the system user _berth in
// /etc/subuid and /etc/subgid (scripts/berth-id-range.sh writes them).
#pragma once

#include "berth/error.h"
#include "berth/model/id_map.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>

namespace berth::idmap {

inline constexpr std::string_view kRangeUser = "_berth";

struct IdRange {
    std::uint32_t start = 0;
    std::uint32_t count = 0;

    [[nodiscard]] std::uint64_t end() const { return std::uint64_t{start} + count; }
    // How many whole blocks of model::kIdBlockSize it holds.
    [[nodiscard]] std::uint32_t blocks() const { return count / model::kIdBlockSize; }
    bool operator==(const IdRange&) const = default;
};

// The first "user:start:count" line for `user` in subuid or subgid text;
// malformed lines are skipped, as shadow's tools do.
[[nodiscard]] std::optional<IdRange> parseSubordinateEntry(std::string_view text, std::string_view user);

// The IDs both `dir`/subuid and `dir`/subgid give _berth (a block uses the
// same base for users and groups). EOPNOTSUPP naming the files and the fix
// when either has no entry or they share no whole block.
[[nodiscard]] Result<IdRange> readBerthRange(const std::filesystem::path& dir);

} // namespace berth::idmap
