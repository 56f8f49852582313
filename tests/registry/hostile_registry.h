// A registry of the test's own that lies (HttpServer, plain or TLS with a
// test CA): just enough of the OCI distribution API (/v2/, manifests and
// blobs by tag and digest, HEAD and GET, Range on honest blobs) to serve
// real images honestly or with one lie each, so a client's refusals can be
// tested one by one. Every request is logged (server().requests()).
#pragma once

#include "http_server.h"
#include "image_builder.h"
#include "test_ca.h"

#include <filesystem>
#include <map>
#include <mutex>
#include <string>

namespace berth::test {

enum class Lie {
    None,                 // honest
    BlobDigestMismatch,   // the first layer with one byte flipped (same size)
    TruncatedBlob,        // the first layer: full Content-Length, half the bytes, connection closed
    HugeManifest,         // the tag's manifest is 100 MB of blanks (streamed, Content-Length 100 MB)
    RedirectToHttp,       // blobs: 307 to http:// (a plain companion server that serves them honestly)
    RedirectToOtherHost,  // blobs: 307 to the same server named "localhost" (same scheme), which serves them
    NoMatchingPlatform,   // the tag is an OCI index naming only linux/s390x and windows/amd64
    ManifestMediaTypeLie, // the manifest sent with Content-Type of an OCI index (body: an image manifest)
    RealmHttp,            // 401 Bearer with realm="http://…/token" (a plain companion that issues tokens)
    RealmOtherHost,       // 401 Bearer with realm on "localhost" (same scheme), which issues tokens
    SlowBlob, // the first layer: slowBlobBytes bytes, then it stalls until release(); a Range request is honest
};

struct HostileOptions {
    bool tls = false; // https with a test CA of its own (certsDir())
    std::string address = "127.0.0.1";
    std::uint64_t slowBlobBytes = 0; // SlowBlob: 0 = half the blob
};

class HostileRegistry {
public:
    HostileRegistry() = default;
    HostileRegistry(const HostileRegistry&) = delete;
    HostileRegistry& operator=(const HostileRegistry&) = delete;
    ~HostileRegistry() { stop(); }

    bool start(const HostileOptions& options, std::string* why);
    void stop();

    // Serves image (or index) as REPO:TAG (and by digest) with the lie.
    void serve(const std::string& repo, const std::string& tag, const BuiltImage& image, Lie lie = Lie::None);
    void serve(const std::string& repo, const std::string& tag, const BuiltIndex& index, Lie lie = Lie::None);

    // Images whose layers are hostile, served honestly: a `../` path, an
    // absolute path, a symlink out then a file through it, a device node
    // (char 1:3), a hard link to a host path.
    static BuiltImage traversalImage();
    static BuiltImage absolutePathImage();
    static BuiltImage symlinkEscapeImage();
    static BuiltImage deviceNodeImage();
    static BuiltImage hardLinkOutImage();

    [[nodiscard]] std::string hostPort() const { return m_server.hostPort(); }
    [[nodiscard]] std::string reference(const std::string& repo, const std::string& tag = "latest") const
    {
        return hostPort() + "/" + repo + ":" + tag;
    }
    // certs.d-style directory with hostPort()/ca.crt and localhost:PORT/ca.crt (TLS only).
    [[nodiscard]] std::filesystem::path certsDir() const { return m_dir / "certs.d"; }
    [[nodiscard]] HttpServer& server() { return m_server; }
    // The plain companion (RedirectToHttp, RealmHttp), started on first use.
    [[nodiscard]] HttpServer& companion() { return m_companion; }
    // From now on every repository and blob is served honestly.
    void clearLies();
    // Lets stalled SlowBlob answers finish.
    void release() { m_server.release(); }
    // GETs of a blob (any repository) on the main server and the companion.
    [[nodiscard]] int blobRequests(const std::string& digest) const;
    // Token requests on either server (what a client that followed a realm did).
    [[nodiscard]] int tokenRequests() const;

private:
    struct Served {
        std::string mediaType;
        std::string body;
    };
    HttpResponse answer(const HttpRequest& request, bool companion);
    HttpResponse manifest(const std::string& repo, const std::string& reference);
    HttpResponse blob(const HttpRequest& request, const std::string& digest, bool redirected);
    HttpResponse lyingBlob(Lie lie, const Blob& data);
    static HttpResponse rangeOf(const HttpRequest& request, const Blob& data);
    std::optional<HttpResponse> authorize(const HttpRequest& request);
    std::string ensureCompanion();

    HostileOptions m_options;
    std::filesystem::path m_dir;
    TestCa m_ca;
    HttpServer m_server;
    HttpServer m_companion;
    mutable std::mutex m_mutex;
    std::map<std::string, Blob> m_blobs;       // by digest
    std::map<std::string, std::string> m_tags; // "repo:tag" → manifest digest
    std::map<std::string, Lie> m_repoLies;     // repo → lie
    std::map<std::string, Lie> m_blobLies;     // digest → lie (first layers)
};

} // namespace berth::test
