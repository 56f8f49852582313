#include "registry_files.h"

#include "child_process.h"
#include "encoding.h"

#include <nlohmann/json.hpp>

namespace berth::test {

std::string registriesConf(const std::vector<std::string>& searchRegistries,
                           const std::vector<std::string>& insecureLocations)
{
    std::string text = "unqualified-search-registries = [";
    for (std::size_t i = 0; i < searchRegistries.size(); ++i)
        text += (i ? ", " : "") + jsonString(searchRegistries[i]);
    text += "]\n";
    for (const std::string& location : insecureLocations)
        text += "\n[[registry]]\nlocation = " + jsonString(location) + "\ninsecure = true\n";
    return text;
}

std::string authFileJson(const std::vector<RegistryLogin>& logins)
{
    nlohmann::json auths = nlohmann::json::object();
    for (const RegistryLogin& login : logins) {
        nlohmann::json entry = {{"auth", base64(login.user + ":" + login.password)}};
        if (!login.identityToken.empty())
            entry["identitytoken"] = login.identityToken;
        auths[login.registry] = entry;
    }
    return nlohmann::json({{"auths", auths}}).dump(2);
}

bool writeFileMakingDirs(const std::filesystem::path& file, const std::string& text)
{
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    return !ec && writeWholeFile(file, text);
}

} // namespace berth::test
