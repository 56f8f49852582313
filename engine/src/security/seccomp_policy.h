// What the default seccomp filter refuses: plain data, kept apart from the
// libseccomp plumbing so it can be read (and tested) on its own.
#pragma once

#include "berth/container_kind.h"

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace berth::security {

// Refused with EPERM in every container (Docker's default profile).
[[nodiscard]] std::span<const std::string_view> syscallsDeniedForAll();
// Refused with EPERM in application containers only: in system containers
// systemd needs them, and namespaces plus dropped capabilities confine them.
[[nodiscard]] std::span<const std::string_view> syscallsDeniedForApplications();
// Refused with EPERM in system containers without a user namespace of their
// own (privileged): their capabilities are the host's.
[[nodiscard]] std::span<const std::string_view> syscallsDeniedInHostUserNamespace();
// Refused with ENOSYS so that callers fall back (systemd without keyrings).
[[nodiscard]] std::span<const std::string_view> syscallsWithoutKeyring();

// A syscall refused with EPERM in containers that hold `capability`.
struct CapabilityGuardedSyscall {
    int capability = 0;
    std::string_view name;
};
[[nodiscard]] std::span<const CapabilityGuardedSyscall> syscallsDeniedWithCapability();

// socket() address families refused with EPERM in application containers.
[[nodiscard]] std::span<const std::uint64_t> socketFamiliesDeniedForApplications();

// personality() values Docker lets through: PER_LINUX, PER_LINUX32,
// UNAME26, UNAME26|PER_LINUX32 and the 0xffffffff query.
[[nodiscard]] std::span<const std::uint64_t> allowedPersonalities();

// A masked comparison "(arg & mask) == value".
struct MaskedValue {
    std::uint64_t mask = 0;
    std::uint64_t value = 0;
    friend bool operator==(const MaskedValue&, const MaskedValue&) = default;
};

// Aligned blocks that together cover exactly [0, 2^32) minus `allowed`.
// libseccomp takes one comparison per argument and rule, so "arg is none of
// these values" becomes one rule per block (plus "arg > 0xffffffff").
[[nodiscard]] std::vector<MaskedValue> blocksOutside(std::span<const std::uint64_t> allowed);

} // namespace berth::security
