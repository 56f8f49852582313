// The files an administrator or a user writes for registries, as tests
// need them: containers-registries.conf(5) (search registries, insecure
// ones), Docker's ~/.docker/config.json and containers-auth.json(5).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace berth::test {

struct RegistryLogin {
    std::string registry; // "127.0.0.1:PORT" (the key of "auths")
    std::string user;
    std::string password;
    std::string identityToken; // written as "identitytoken" when set
};

// `unqualified-search-registries = [...]` and one `[[registry]]` table with
// `insecure = true` for each insecure location.
std::string registriesConf(const std::vector<std::string>& searchRegistries,
                           const std::vector<std::string>& insecureLocations);
// {"auths": {"HOST": {"auth": base64(user:pass)[, "identitytoken": ...]}}}: the
// format of both ~/.docker/config.json and $XDG_RUNTIME_DIR/containers/auth.json.
std::string authFileJson(const std::vector<RegistryLogin>& logins);

// Writes text to file, making its directory; false when it cannot.
bool writeFileMakingDirs(const std::filesystem::path& file, const std::string& text);

} // namespace berth::test
