// Between Limits (what users set) and cgroup files (what the kernel reads):
// the translation tables for v1 and v2, and the host facts that decide
// whether a value can be applied at all.
//
// CONTRACT (issue #3): written by the limits engineer, used by the backends
// (ContainerCgroup::applyLimits) and by the engine. Keep the names.
#pragma once

#include "berth/config.h"
#include "berth/error.h"
#include "berth/limits.h"
#include "cgroup/layout.h"

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace berth::cgroup {

// One write into a container's cgroup. `controller` picks the v1 hierarchy
// ("memory", "cpu", "cpuset", "pids", "blkio"); v2 has one directory.
struct CgroupWrite {
    std::string controller;
    std::string file;  // "memory.max", "cpu.cfs_quota_us", ...
    std::string value; // exactly what is written
    bool operator==(const CgroupWrite&) const = default;
};

// What the host has, read once (paths below `root` so tests use fixtures).
struct HostResources {
    std::uint64_t memoryBytes = 0;                           // MemTotal
    std::string onlineCpus;                                  // "0-1" (/sys/devices/system/cpu/online)
    std::string onlineMems;                                  // "0" (/sys/devices/system/node/online, "0" when absent)
    std::vector<std::pair<unsigned, unsigned>> blockDevices; // major:minor of /sys/dev/block/*
    bool v1SwapAccounting = false;                           // memory.memsw.* present in the v1 memory hierarchy
    bool v2Swap = false;                                     // memory.swap.max available on v2
    bool ioWeight = false;                                   // the weight file exists (ioWeightFile)
};

// Which file an IO weight goes to, and whether the kernel has it: v1
// blkio.weight came with CFQ (gone since Linux 5.0; BFQ names its own
// blkio.bfq.weight), v2 io.weight with the io.cost controller. Without it a
// write fails, so an IO weight is refused before it is stored.
[[nodiscard]] std::string_view ioWeightFile(Mode mode);
[[nodiscard]] bool hasIoWeight(const Layout& layout);
// "blkio.weight: not available (no CFQ: the kernel has no blkio.weight file)"
[[nodiscard]] std::string ioWeightMissing(Mode mode);

[[nodiscard]] Result<HostResources> readHostResources(const Layout& layout, const std::filesystem::path& root = "/");

// Range and host checks: memory 4 MiB .. host memory (or kUnlimited), weight
// 1..10000 (shares 2..262144, blkio weight 10..1000; one of each pair), an IO
// weight only where the kernel has its file, quota period 1 ms..1 s and cores > 0 within the host's CPUs,
// cpuset lists well-formed and naming only online CPUs/nodes, io devices
// that exist, swap only where the host accounts it. Errors name the limit.
[[nodiscard]] Status validateLimits(const Limits& limits, const HostResources& host, Mode mode);

// An IO weight where the kernel has no file for it (`available` false):
// the refusal naming the key given and why; otherwise success.
[[nodiscard]] Status checkIoWeightFile(const Limits& limits, bool available, Mode mode);

// The host check made when a config is stored (SetConfig, Create): a limit
// whose cgroup file this kernel lacks. Ranges and sizes wait for the start
// (a config may move between hosts); without cgroups, so does this.
[[nodiscard]] Status checkLimitFilesOnHost(const Config& config);

// What applying limits on this host needs, read once.
struct HostContext {
    Layout layout;
    HostResources host;
};
// detectLayout + readHostResources + validateLimits, for callers on the real host.
[[nodiscard]] Result<HostContext> validateLimitsOnHost(const Limits& limits);

// The writes that apply `limits`, in the order the kernel needs (e.g. v1
// memsw after memory when raising, before when lowering is handled by the
// backend's rollback; cpuset before anything else).
[[nodiscard]] Result<std::vector<CgroupWrite>> limitWrites(const Limits& limits, Mode mode, const HostResources& host);

// The v1 <-> v2 weight conversions are the model's (berth/model/limits.h).
using model::blkioWeightToIoWeight;
using model::ioWeightToBlkioWeight;
using model::sharesToWeight;
using model::weightToShares;

} // namespace berth::cgroup
