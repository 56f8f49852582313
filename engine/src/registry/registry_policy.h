// The administrator's word on registries (issue #21): which registries a
// short name is looked up in, which may be reached over plain http, which
// are blocked, and which extra CA certificates a host's TLS is checked
// against. Read from containers-registries.conf(5) and containers-certs.d(5)
// files; the caller of a pull can choose none of it.
#pragma once

#include "berth/error.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace berth::registry {

// One [[registry]] table: `location` (or `prefix`) is "host[:port][/path]",
// optionally "*.domain" for every subdomain.
struct RegistryEntry {
    std::string location;
    bool insecure = false;
    bool blocked = false;
};

struct RegistryPolicy {
    // unqualified-search-registries, in order; empty: docker.io alone.
    std::vector<std::string> searchRegistries;
    std::vector<RegistryEntry> registries;
    // containers-certs.d: <certsDir>/<host[:port]>/*.crt (ca.crt among them).
    std::filesystem::path certsDir;

    // True for a host[:port] the administrator allows over http: an entry
    // with `insecure = true` whose location is that host (or a path below
    // it), and localhost, 127.0.0.1 and [::1] with any port.
    [[nodiscard]] bool isInsecureHost(std::string_view hostPort) const;
    // True when the most specific entry matching "REGISTRY/REPOSITORY" says
    // `blocked = true`.
    [[nodiscard]] bool isBlocked(std::string_view name) const;
    // The PEM files to trust for host[:port] besides the system store,
    // sorted; none when the directory is missing.
    [[nodiscard]] std::vector<std::filesystem::path> caFiles(std::string_view hostPort) const;
};

// localhost, 127.0.0.1 or [::1], with or without a port.
[[nodiscard]] bool isLoopbackHost(std::string_view hostPort);

// Reads the two places. A missing registries.conf (or certs dir) gives the
// defaults; a file that is not the TOML this reads is EINVAL naming its path
// and line. Unknown keys and tables (mirrors, aliases) are read and ignored.
[[nodiscard]] Result<RegistryPolicy> loadRegistryPolicy(const std::filesystem::path& registriesConf,
                                                        const std::filesystem::path& certsDir);

// The same from the text of a registries.conf (`what` names it in messages).
[[nodiscard]] Result<RegistryPolicy> parseRegistryPolicy(std::string_view text, std::string_view what);

} // namespace berth::registry
