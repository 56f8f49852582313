// TestRegistry's own push over the distribution API (curl): for what
// skopeo cannot take from an OCI layout, Docker schema 2 manifests and
// manifest lists, pushed byte for byte as the builder made them.
#include "test_registry.h"

#include "encoding.h"

#include <algorithm>

namespace berth::test {

namespace fs = std::filesystem;

namespace {

// "Location: VALUE" of the last response in curl's header dump.
std::string locationOf(const std::string& headers)
{
    std::string location;
    for (std::size_t at = 0; at < headers.size();) {
        std::size_t end = headers.find("\r\n", at);
        if (end == std::string::npos)
            end = headers.size();
        const std::string line = headers.substr(at, end - at);
        if (line.size() > 9 && (line.starts_with("Location:") || line.starts_with("location:")))
            location = line.substr(line.find_first_not_of(' ', 9));
        at = end + 2;
    }
    return location;
}

} // namespace

std::vector<std::string> TestRegistry::curlFlags(const std::string& repo) const
{
    std::vector<std::string> flags = {"curl", "-sS", "--fail-with-body"};
    if (m_options.tls) {
        flags.push_back("--cacert");
        flags.push_back(m_ca.caCert().string());
    }
    if (m_token) {
        const std::string access = R"([{"type":"repository","name":")" + repo + R"(","actions":["pull","push"]}])";
        flags.push_back("-H");
        flags.push_back("Authorization: Bearer " + m_token->token("berth-test-harness", access));
    } else if (!m_options.user.empty()) {
        flags.push_back("-u");
        flags.push_back(m_options.user + ":" + m_options.password);
    }
    return flags;
}

std::string TestRegistry::baseUrl() const
{
    return std::string(m_options.tls ? "https://" : "http://") + m_hostPort;
}

bool TestRegistry::uploadBlob(const std::string& repo, const std::string& digest, const std::string& data,
                              std::string* why)
{
    const fs::path headers = m_dir / "push-headers";
    std::vector<std::string> start = curlFlags(repo);
    for (const char* arg : {"-X", "POST", "-o", "/dev/null", "-D"})
        start.push_back(arg);
    start.push_back(headers.string());
    start.push_back(baseUrl() + "/v2/" + repo + "/blobs/uploads/");
    const CommandResult started = runCommand(start);
    std::string location = locationOf(readWholeFile(headers));
    if (started.exitCode != 0 || location.empty()) {
        if (why)
            *why = "test registry: upload of " + digest + " not started: " + started.output;
        return false;
    }
    if (location.starts_with("/"))
        location = baseUrl() + location;
    const fs::path file = m_dir / "push-blob";
    writeWholeFile(file, data);
    std::vector<std::string> put = curlFlags(repo);
    for (const char* arg :
         {"-X", "PUT", "-o", "/dev/null", "-H", "Content-Type: application/octet-stream", "--data-binary"})
        put.push_back(arg);
    put.push_back("@" + file.string());
    put.push_back(location + (location.find('?') == std::string::npos ? "?" : "&") + "digest=" + digest);
    const CommandResult stored = runCommand(put);
    if (stored.exitCode != 0 && why)
        *why = "test registry: upload of " + digest + ": " + stored.output;
    return stored.exitCode == 0;
}

bool TestRegistry::putManifest(const std::string& repo, const std::string& reference, const Blob& manifest,
                               std::string* why)
{
    const fs::path file = m_dir / "push-manifest";
    writeWholeFile(file, manifest.data);
    std::vector<std::string> put = curlFlags(repo);
    for (const char* arg : {"-X", "PUT", "-o", "/dev/null", "-H"})
        put.push_back(arg);
    put.push_back("Content-Type: " + manifest.mediaType);
    put.push_back("--data-binary");
    put.push_back("@" + file.string());
    put.push_back(baseUrl() + "/v2/" + repo + "/manifests/" + reference);
    const CommandResult stored = runCommand(put);
    if (stored.exitCode != 0 && why)
        *why = "test registry: manifest " + repo + ":" + reference + ": " + stored.output;
    return stored.exitCode == 0;
}

bool TestRegistry::pushDirect(const std::map<std::string, Blob>& blobs, const std::vector<std::string>& manifests,
                              const std::string& repo, const std::string& tag, std::string* why)
{
    for (const auto& [digest, blob] : blobs) {
        const bool isManifest = std::find(manifests.begin(), manifests.end(), digest) != manifests.end();
        if (!isManifest && !uploadBlob(repo, digest, blob.data, why))
            return false;
    }
    // Manifests bottom up, so each names only what is there; the last is tagged.
    for (std::size_t i = 0; i < manifests.size(); ++i) {
        const std::string reference = i + 1 == manifests.size() ? tag : manifests[i];
        if (!putManifest(repo, reference, blobs.at(manifests[i]), why))
            return false;
    }
    return true;
}

} // namespace berth::test
