// The debootstrap invocation of the debian and ubuntu templates, and the
// cache key of its result. Pure: the template runs the command.
#pragma once

#include "berth/error.h"

#include <filesystem>
#include <string>
#include <vector>

namespace berth::templates {

struct DebootstrapRequest {
    std::string distro = "debian";       // "debian" or "ubuntu"
    std::string release;                 // empty: the distro's default (bookworm, jammy)
    std::string architecture;            // Debian's name ("amd64"); empty: the host's
    std::string variant = "minbase";     // "minbase", "buildd" or "default"
    std::string mirror;                  // empty: the distro's default mirror
    std::vector<std::string> packages;   // --include
};

// Checks every field (known distro and release, Debian package names,
// an http(s) mirror URL) and fills the defaults.
[[nodiscard]] Result<DebootstrapRequest> normalizedRequest(DebootstrapRequest request);

// argv for debootstrap (argv[0] = "debootstrap") building into `target`.
[[nodiscard]] Result<std::vector<std::string>> debootstrapArguments(const DebootstrapRequest& request,
                                                                   const std::filesystem::path& target);

// "debian-bookworm-minbase-amd64": the cache directory under
// /var/cache/berth/templates/ (extra packages make their own entry).
[[nodiscard]] std::string cacheKey(const DebootstrapRequest& request);

// Debian's name of the host's architecture ("amd64" for x86_64).
[[nodiscard]] Result<std::string> hostDebianArchitecture();

} // namespace berth::templates
