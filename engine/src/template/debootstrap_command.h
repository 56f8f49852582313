// The debootstrap invocation of the debian and ubuntu templates, and the
// cache key of its result. Pure: the template runs the command.
#pragma once

#include "berth/error.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace berth::templates {

struct DebootstrapRequest {
    std::string distro = "debian";       // "debian" or "ubuntu"
    std::string release;                 // empty: the distro's default (bookworm, jammy)
    std::string architecture;            // Debian's name ("amd64"); empty: the host's
    std::string variant = "minbase";     // "minbase", "buildd" or "default"
    std::string mirror;                  // empty: the distro's default mirror
    std::vector<std::string> components; // empty: the distro's default ("main")
    std::vector<std::string> packages;   // --include
    // The keyring the archive's Release file must be signed by; empty: the
    // distro's (debian-archive-keyring, ubuntu-keyring). Not a template
    // option: the engine picks it, tests point it elsewhere.
    std::string keyring;
};

// The keyring of the distro's archive, as its Debian package installs it
// ("" for an unknown distro).
[[nodiscard]] std::string defaultKeyring(std::string_view distro);
// The mirror a template installs from when none is chosen ("" for an unknown distro).
[[nodiscard]] std::string defaultMirror(std::string_view distro);

// Checks every field (known distro and release, Debian package names and
// components, an http(s) mirror URL, an absolute keyring path) and fills
// the defaults.
[[nodiscard]] Result<DebootstrapRequest> normalizedRequest(DebootstrapRequest request);

// argv for debootstrap's first stage (argv[0] = "debootstrap") building
// into `target`: --foreign (download, verify and extract only; no program
// of the target runs), the Release file's signature checked against the
// keyring and required (--force-check-gpg).
[[nodiscard]] Result<std::vector<std::string>> debootstrapArguments(const DebootstrapRequest& request,
                                                                    const std::filesystem::path& target);

// argv of the second stage, run inside the target as its root
// (contained_stage.h says where): the copy of debootstrap that the first
// stage left in the target.
[[nodiscard]] std::vector<std::string> secondStageArguments();

// "debian-bookworm-minbase-amd64-<32 hex>": the cache directory under
// /var/cache/berth/templates/. The hex digits are a SHA-256 prefix of every
// field that changes the tree (mirror, components, keyring, packages too),
// so two requests share an entry only when they ask for the same build.
[[nodiscard]] std::string cacheKey(const DebootstrapRequest& request);

// Debian's name of the host's architecture ("amd64" for x86_64).
[[nodiscard]] Result<std::string> hostDebianArchitecture();

} // namespace berth::templates
