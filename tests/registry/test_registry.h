// Debian's docker-registry (distribution 2.8) run by a test: a config of
// the harness's own (filesystem storage in a temporary directory, the
// access log on stdout), listening in the CALLER's network namespace on
// 127.0.0.1 (or the address given) and a free port, so tests in their own
// netns and the system tests' root-netns helper can both reach it over
// loopback only. Plain http, TLS with a test CA, htpasswd basic auth, or a
// bearer-token realm (TokenService). Fed with skopeo; the access log tells
// how often each blob was downloaded. Stopped by PID; everything removed.
#pragma once

#include "child_process.h"
#include "image_builder.h"
#include "test_ca.h"
#include "token_service.h"

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace berth::test {

struct RegistryOptions {
    bool tls = false; // https with a test CA (certsDir(), ca())
    // Set both for htpasswd basic auth (or, with tokenAuth, for the token service).
    std::string user;
    std::string password;
    bool tokenAuth = false; // `auth: token:` with a TokenService of the registry's own
    std::string address = "127.0.0.1";
};

// One line of the registry's access log.
struct RegistryRequest {
    std::string method;
    std::string path; // with the query
    int status = 0;
};

class TestRegistry {
public:
    TestRegistry() = default;
    TestRegistry(const TestRegistry&) = delete;
    TestRegistry& operator=(const TestRegistry&) = delete;
    ~TestRegistry() { stop(); }

    // Writes the config, starts docker-registry, waits until /v2/ answers.
    bool start(const RegistryOptions& options, std::string* why);
    // Stops the registry (and token service) by PID, removes every file.
    void stop();

    // "127.0.0.1:PORT": the registry part of references.
    [[nodiscard]] const std::string& hostPort() const { return m_hostPort; }
    // "127.0.0.1:PORT/REPO:TAG" (or "@sha256:..." when tagOrDigest is a digest).
    [[nodiscard]] std::string reference(const std::string& repo, const std::string& tagOrDigest = "latest") const;
    [[nodiscard]] const RegistryOptions& options() const { return m_options; }
    // A certs.d-style directory holding hostPort()/ca.crt (TLS only): what
    // EngineSettings::registryCertsDir should name.
    [[nodiscard]] std::filesystem::path certsDir() const { return m_dir / "certs.d"; }
    [[nodiscard]] const TestCa& ca() const { return m_ca; }
    [[nodiscard]] TokenService* tokenService() { return m_token.get(); }
    [[nodiscard]] std::filesystem::path storageDir() const { return m_dir / "storage"; }
    [[nodiscard]] pid_t pid() const { return m_process.pid(); }
    // The registry's stderr (its own log), for failure messages.
    [[nodiscard]] std::string log() const;

    // Pushes with `skopeo copy oci:LAYOUT:TAG docker://HOST/REPO:TAG`
    // (--all: every platform of an index; --preserve-digests, so the digests
    // the builder computed are the registry's). push() of a Docker schema 2
    // image or manifest list goes through pushDirect() instead.
    bool pushLayout(const std::filesystem::path& layout, const std::string& layoutTag, const std::string& repo,
                    const std::string& tag, std::string* why);
    bool push(const BuiltImage& image, const std::string& repo, const std::string& tag, std::string* why);
    bool push(const BuiltIndex& index, const std::string& repo, const std::string& tag, std::string* why);
    // Pushes with the distribution API itself (curl): every blob but the
    // manifests, then the manifests in the order given (each by digest, the
    // last by tag). push() uses it for Docker schema 2 manifests and lists,
    // which skopeo cannot read from an OCI layout.
    bool pushDirect(const std::map<std::string, Blob>& blobs, const std::vector<std::string>& manifests,
                    const std::string& repo, const std::string& tag, std::string* why);
    // "http(s)://HOST:PORT"
    [[nodiscard]] std::string baseUrl() const;
    // skopeo's flags to reach this registry as a source ("--src-...") or a
    // destination ("--dest-..."): TLS verification or its CA, credentials.
    [[nodiscard]] std::vector<std::string> skopeoFlags(const std::string& side) const;
    // `skopeo inspect --raw` (manifest) or `--config`; the output, or empty with why.
    std::string inspect(const std::string& reference, bool config, std::string* why) const;

    // The access log so far (HEAD and GET alike).
    [[nodiscard]] std::vector<RegistryRequest> requests() const;
    // GETs of /v2/*/blobs/DIGEST answered 200 or 206: downloads of that blob.
    [[nodiscard]] int blobDownloads(const std::string& digest) const;
    // Requests whose method matches and whose path contains `part`.
    [[nodiscard]] int requestCount(const std::string& method, const std::string& part) const;

private:
    bool writeConfig(std::string* why);
    bool waitReady(std::string* why);
    // curl with the registry's CA and credentials (a token of the registry's
    // own token service, for push and pull of repo).
    [[nodiscard]] std::vector<std::string> curlFlags(const std::string& repo) const;
    bool uploadBlob(const std::string& repo, const std::string& digest, const std::string& data, std::string* why);
    bool putManifest(const std::string& repo, const std::string& reference, const Blob& manifest, std::string* why);

    RegistryOptions m_options;
    std::filesystem::path m_dir;
    std::string m_hostPort;
    int m_port = 0;
    TestCa m_ca;
    std::unique_ptr<TokenService> m_token;
    BackgroundProcess m_process;
};

// A free TCP port on address (bound and released: a small race with others).
int freeTcpPort(const std::string& address);

} // namespace berth::test
