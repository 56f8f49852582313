// Resource limits of a container, one abstraction above cgroup files: what
// the GUI's sliders and berthctl set, whichever cgroup version the host has.
// One table (kLimitTable) says for every SetLimits key its unit, its range,
// whether "max" is allowed and which v1/v2 cgroup file and LXC key it is.
#pragma once

#include <array>
#include <cstdint>
#include <expected>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace berth::model {

// "max": no limit. Distinct from an unset optional, which means "leave as is".
inline constexpr std::uint64_t kUnlimited = std::numeric_limits<std::uint64_t>::max();

struct CpuQuota {
    // CPU time per period in cores: 1.5 = one and a half cores. 0 = no quota ("max").
    double cores = 0;
    std::uint64_t periodUs = 100000; // 1 ms .. 1 s, as the kernel accepts
    bool operator==(const CpuQuota&) const = default;
};

struct IoDeviceLimit {
    unsigned major = 0;
    unsigned minor = 0;
    // Bytes or operations per second; kUnlimited = no limit for that direction.
    std::uint64_t readBps = kUnlimited;
    std::uint64_t writeBps = kUnlimited;
    std::uint64_t readIops = kUnlimited;
    std::uint64_t writeIops = kUnlimited;
    bool operator==(const IoDeviceLimit&) const = default;
};

struct Limits {
    std::optional<std::uint64_t> memoryMax;  // bytes, or kUnlimited
    std::optional<std::uint64_t> memorySoft; // memory.high (v2) / soft_limit_in_bytes (v1)
    std::optional<std::uint64_t> swapMax;    // swap on top of memory; v1: memsw = memory + swap
    // A weight is kept in the family it was given in, so a v1 value reaches a
    // v1 kernel exactly; the other family's is converted (sharesToWeight...).
    // At most one of each pair is set.
    std::optional<std::uint32_t> cpuWeight; // v2 cpu.weight 1..10000, default 100
    std::optional<std::uint64_t> cpuShares; // v1 cpu.shares 2..262144, default 1024
    std::optional<CpuQuota> cpuQuota;
    std::optional<std::string> cpus; // cpuset list, "0-1,3"
    std::optional<std::string> mems;
    std::optional<std::uint64_t> pidsMax;     // or kUnlimited
    std::optional<std::uint32_t> ioWeight;    // v2 io.weight 1..10000
    std::optional<std::uint32_t> blkioWeight; // v1 blkio.weight 10..1000
    std::vector<IoDeviceLimit> ioDevices;     // replaces per-device limits when not empty

    [[nodiscard]] bool empty() const;
    bool operator==(const Limits&) const = default;
};

// The keys of SetLimits (and of GetContainer's "limits"), one per setting.
enum class LimitKey {
    MemoryMax,   // memory.max
    MemoryHigh,  // memory.high
    SwapMax,     // memory.swap.max
    CpuWeight,   // cpu.weight
    CpuShares,   // cpu.shares (v1, kept as given)
    CpuMax,      // cpu.max, in cores
    CpuPeriod,   // cpu.period, microseconds (with cpu.max)
    Cpus,        // cpuset.cpus
    Mems,        // cpuset.mems
    PidsMax,     // pids.max
    IoWeight,    // io.weight
    BlkioWeight, // blkio.weight (v1, kept as given)
};

enum class LimitUnit {
    Bytes,  // "512M" or bytes
    Number, // a whole number: weights, shares, pids
    Cores,  // "1.5"
    Micros, // microseconds
    IdList, // "0-1,3"
};

// Which cgroup family a key's value belongs to.
enum class CgroupFamily : unsigned { V1 = 1, V2 = 2, Both = 3 };

inline constexpr std::string_view kLxcV1Prefix = "lxc.cgroup.";
inline constexpr std::string_view kLxcV2Prefix = "lxc.cgroup2.";

struct LimitRow {
    LimitKey key;
    std::string_view wireKey; // SetLimits: "memory.max"
    LimitUnit unit;
    std::uint64_t min; // whole numbers (bytes, counts, µs); cores as whole cores
    std::uint64_t max;
    bool maxAllowed;         // "max" means no limit
    CgroupFamily family;     // whose value it is
    std::string_view v2File; // the cgroup v2 file it is written to ("" when none)
    std::string_view v1File; // the cgroup v1 file ("" when none)
};

inline constexpr std::uint64_t kMinMemory = 4ULL << 20; // below that a container cannot start
inline constexpr std::uint64_t kMaxPids = 4194304;      // the kernel's PID_MAX_LIMIT
inline constexpr std::uint64_t kMaxCores = 4096;
inline constexpr std::uint64_t kDefaultPeriodUs = 100000;

// clang-format off
inline constexpr std::array<LimitRow, 12> kLimitTable{{
    {LimitKey::MemoryMax,   "memory.max",      LimitUnit::Bytes,  kMinMemory, kUnlimited - 1, true,  CgroupFamily::Both, "memory.max",      "memory.limit_in_bytes"},
    {LimitKey::MemoryHigh,  "memory.high",     LimitUnit::Bytes,  0,          kUnlimited - 1, true,  CgroupFamily::Both, "memory.high",     "memory.soft_limit_in_bytes"},
    {LimitKey::SwapMax,     "memory.swap.max", LimitUnit::Bytes,  0,          kUnlimited - 1, true,  CgroupFamily::Both, "memory.swap.max", "memory.memsw.limit_in_bytes"},
    {LimitKey::CpuWeight,   "cpu.weight",      LimitUnit::Number, 1,          10000,          false, CgroupFamily::V2,   "cpu.weight",      ""},
    {LimitKey::CpuShares,   "cpu.shares",      LimitUnit::Number, 2,          262144,         false, CgroupFamily::V1,   "",                "cpu.shares"},
    {LimitKey::CpuMax,      "cpu.max",         LimitUnit::Cores,  0,          kMaxCores,      true,  CgroupFamily::Both, "cpu.max",         "cpu.cfs_quota_us"},
    {LimitKey::CpuPeriod,   "cpu.period",      LimitUnit::Micros, 1000,       1000000,        false, CgroupFamily::Both, "cpu.max",         "cpu.cfs_period_us"},
    {LimitKey::Cpus,        "cpuset.cpus",     LimitUnit::IdList, 0,          0,              false, CgroupFamily::Both, "cpuset.cpus",     "cpuset.cpus"},
    {LimitKey::Mems,        "cpuset.mems",     LimitUnit::IdList, 0,          0,              false, CgroupFamily::Both, "cpuset.mems",     "cpuset.mems"},
    {LimitKey::PidsMax,     "pids.max",        LimitUnit::Number, 1,          kMaxPids,       true,  CgroupFamily::Both, "pids.max",        "pids.max"},
    {LimitKey::IoWeight,    "io.weight",       LimitUnit::Number, 1,          10000,          false, CgroupFamily::V2,   "io.weight",       ""},
    {LimitKey::BlkioWeight, "blkio.weight",    LimitUnit::Number, 10,         1000,           false, CgroupFamily::V1,   "",                "blkio.weight"},
}};
// clang-format on

[[nodiscard]] const LimitRow& limitRow(LimitKey key);
[[nodiscard]] std::string_view wireKey(LimitKey key);
[[nodiscard]] std::optional<LimitKey> parseLimitKey(std::string_view wireKey);
// "lxc.cgroup2.memory.max" / "lxc.cgroup.memory.limit_in_bytes"; "" when the family has no file.
[[nodiscard]] std::string lxcKey(LimitKey key, CgroupFamily family);

// Why a SetLimits argument was refused. `message` is English and names the
// key and the value ("limit cpu.weight = '0': not within 1..10000").
struct LimitProblem {
    enum class Kind { Nothing, UnknownKey, BadValue, PeriodWithoutQuota };
    Kind kind = Kind::BadValue;
    std::string key;
    std::string message;
    bool operator==(const LimitProblem&) const = default;
};

// One value of `key` in SetLimits' syntax, checked against the table.
// Numbers and bytes come back as a number (kUnlimited for "max"), cores as
// a double (0 for "max": no quota), id lists as text.
struct LimitValue {
    std::uint64_t number = 0;
    double cores = 0;
    std::string text;
};
[[nodiscard]] std::expected<LimitValue, LimitProblem> parseLimitValue(LimitKey key, std::string_view text);
// Sets `key`'s field of `limits` to `value` (cpu.max keeps a period already
// set, cpu.period changes only a quota already set).
void setLimitValue(Limits& limits, LimitKey key, const LimitValue& value);

// SetLimits' argument, key -> value as text (values as text; "max" = unlimited where allowed):
//   memory.max, memory.high, memory.swap.max   bytes, "512M", "max" (memory.max at least 4 MiB)
//   cpu.weight, io.weight                      1..10000
//   cpu.shares                                 2..262144 (v1, kept as given)
//   blkio.weight                               10..1000 (v1, kept as given)
//   cpu.max                                    cores, "1.5"; "max" or "0" = no quota
//   cpu.period                                 microseconds, 1000..1000000 (with cpu.max)
//   cpuset.cpus, cpuset.mems                   "0-1,3"
//   pids.max                                   1..4194304 or "max"
// An unknown key, a value out of range, or nothing at all is a problem.
[[nodiscard]] std::expected<Limits, LimitProblem> parseLimitArgs(const std::map<std::string, std::string>& args);

// The set fields of `limits` with the keys and syntax parseLimitArgs reads
// (sizes in bytes), so what GetContainer reports can be sent back as is.
[[nodiscard]] std::map<std::string, std::string> limitArgsText(const Limits& limits);

// One key's value as limitArgsText prints it, when `limits` sets it.
[[nodiscard]] std::optional<std::string> printLimitValue(const Limits& limits, LimitKey key);

// Documented conversions (kernel docs / crun): v1 cpu.shares 2..262144 <->
// v2 cpu.weight 1..10000; v1 blkio.weight 10..1000 <-> v2 io.weight 1..10000.
// Exact trips: weight -> shares -> weight, blkio -> io -> blkio. The others
// lose precision (shares 512 -> weight 20 -> shares 501), which is why a
// weight is kept in the family it was given in.
[[nodiscard]] std::uint32_t sharesToWeight(std::uint64_t shares);
[[nodiscard]] std::uint64_t weightToShares(std::uint32_t weight);
[[nodiscard]] std::uint32_t blkioWeightToIoWeight(std::uint32_t blkioWeight);
[[nodiscard]] std::uint32_t ioWeightToBlkioWeight(std::uint32_t ioWeight);

} // namespace berth::model
