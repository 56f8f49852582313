#include "hostile_registry.h"

#include "encoding.h"

#include <nlohmann/json.hpp>

#include <cstdlib>

namespace berth::test {

namespace fs = std::filesystem;

namespace {

constexpr std::uint64_t kHugeManifest = 100ULL * 1024 * 1024;

HttpResponse notFound()
{
    return HttpResponse::text(404, R"({"errors":[{"code":"NOT_FOUND","message":"not found"}]})", "application/json");
}

HttpResponse redirectTo(const std::string& location)
{
    HttpResponse response = HttpResponse::text(307, "");
    response.headers.emplace_back("Location", location);
    return response;
}

// busybox in one layer and `hostile` in a second, so the first is a layer
// a client may well have extracted before it meets the second.
BuiltImage imageWithHostileLayer(std::vector<LayerFile> hostile)
{
    ImageSpec spec;
    spec.layers.push_back({busyboxFiles()});
    spec.layers.push_back({std::move(hostile)});
    spec.config.cmd = {"/bin/sh"};
    return buildImage(spec);
}

} // namespace

bool HostileRegistry::start(const HostileOptions& options, std::string* why)
{
    m_options = options;
    char dirTemplate[] = "/tmp/berth-hostile-XXXXXX";
    if (!::mkdtemp(dirTemplate)) {
        if (why)
            *why = "hostile registry: cannot make a temporary directory";
        return false;
    }
    m_dir = dirTemplate;
    const auto handler = [this](const HttpRequest& request) { return answer(request, false); };
    if (!options.tls)
        return m_server.start(options.address, handler, why);
    if (!m_ca.create(m_dir / "ca", why) ||
        !m_server.start(options.address, handler, why, m_ca.serverCert(), m_ca.serverKey()))
        return false;
    return m_ca.addToCertsDir(certsDir(), hostPort(), why) &&
           m_ca.addToCertsDir(certsDir(), "localhost:" + std::to_string(m_server.port()), why);
}

void HostileRegistry::stop()
{
    m_server.stop();
    m_companion.stop();
    if (!m_dir.empty()) {
        std::error_code ec;
        fs::remove_all(m_dir, ec);
    }
    m_dir.clear();
}

void HostileRegistry::serve(const std::string& repo, const std::string& tag, const BuiltImage& image, Lie lie)
{
    std::lock_guard lock(m_mutex);
    m_blobs.insert(image.blobs.begin(), image.blobs.end());
    m_tags[repo + ":" + tag] = image.manifestDigest;
    m_repoLies[repo] = lie;
    if (lie == Lie::NoMatchingPlatform) {
        // An index whose entries name this manifest for platforms no host here has.
        nlohmann::json manifests = nlohmann::json::array();
        for (const auto& [os, arch] : {std::pair{"linux", "s390x"}, std::pair{"windows", "amd64"}})
            manifests.push_back({{"mediaType", image.manifestMediaType},
                                 {"digest", image.manifestDigest},
                                 {"size", image.manifest.size()},
                                 {"platform", {{"os", os}, {"architecture", arch}}}});
        const std::string index =
            nlohmann::json({{"schemaVersion", 2}, {"mediaType", media::kOciIndex}, {"manifests", manifests}}).dump();
        m_blobs[sha256Digest(index)] = {media::kOciIndex, index};
        m_tags[repo + ":" + tag] = sha256Digest(index);
    }
    if (!image.layerDigests.empty() &&
        (lie == Lie::BlobDigestMismatch || lie == Lie::TruncatedBlob || lie == Lie::SlowBlob))
        m_blobLies[image.layerDigests.front()] = lie;
}

void HostileRegistry::serve(const std::string& repo, const std::string& tag, const BuiltIndex& index, Lie lie)
{
    std::lock_guard lock(m_mutex);
    m_blobs.insert(index.blobs.begin(), index.blobs.end());
    m_tags[repo + ":" + tag] = index.digest;
    m_repoLies[repo] = lie;
    for (const BuiltImage& image : index.images) {
        if (!image.layerDigests.empty() &&
            (lie == Lie::BlobDigestMismatch || lie == Lie::TruncatedBlob || lie == Lie::SlowBlob))
            m_blobLies[image.layerDigests.front()] = lie;
    }
}

BuiltImage HostileRegistry::traversalImage()
{
    return imageWithHostileLayer({LayerFile::file("../escaped-by-berth-test", "out\n"),
                                  LayerFile::file("data/../../escaped-by-berth-test-2", "out\n")});
}

BuiltImage HostileRegistry::absolutePathImage()
{
    return imageWithHostileLayer({LayerFile::file("/tmp/escaped-by-berth-test", "out\n")});
}

BuiltImage HostileRegistry::symlinkEscapeImage()
{
    return imageWithHostileLayer(
        {LayerFile::symlink("out", "/tmp"), LayerFile::file("out/escaped-by-berth-test", "out\n")});
}

BuiltImage HostileRegistry::deviceNodeImage()
{
    return imageWithHostileLayer({LayerFile::dir("dev"), LayerFile::charDevice("dev/mem-like", 1, 1)});
}

BuiltImage HostileRegistry::hardLinkOutImage()
{
    return imageWithHostileLayer({LayerFile::hardLink("passwd-link", "/etc/shadow")});
}

void HostileRegistry::clearLies()
{
    std::lock_guard lock(m_mutex);
    m_blobLies.clear();
    for (auto& [repo, lie] : m_repoLies)
        lie = Lie::None;
}

int HostileRegistry::blobRequests(const std::string& digest) const
{
    int count = 0;
    for (const HttpServer* server : {&m_server, &m_companion}) {
        for (const std::string& request : server->requests())
            count += request.starts_with("GET ") && request.find("/blobs/" + digest) != std::string::npos;
    }
    return count;
}

int HostileRegistry::tokenRequests() const
{
    return m_server.requestCount("GET", "/token") + m_companion.requestCount("GET", "/token");
}

std::string HostileRegistry::ensureCompanion()
{
    std::lock_guard lock(m_mutex);
    if (m_companion.port() == 0)
        m_companion.start(
            m_options.address, [this](const HttpRequest& request) { return answer(request, true); }, nullptr);
    return "http://" + m_companion.hostPort();
}

HttpResponse HostileRegistry::answer(const HttpRequest& request, bool companion)
{
    if (request.path == "/token")
        return HttpResponse::text(200, R"({"token":"berth-hostile-token","access_token":"berth-hostile-token"})",
                                  "application/json");
    if (request.path.starts_with("/redirected/"))
        return blob(request, request.path.substr(12), true);
    if (!companion) {
        if (std::optional<HttpResponse> refusal = authorize(request))
            return *refusal;
    }
    if (request.path == "/v2/" || request.path == "/v2")
        return HttpResponse::text(200, "{}", "application/json");
    const std::size_t manifests = request.path.rfind("/manifests/");
    const std::size_t blobs = request.path.rfind("/blobs/");
    if (!request.path.starts_with("/v2/"))
        return notFound();
    if (manifests != std::string::npos)
        return manifest(request.path.substr(4, manifests - 4), request.path.substr(manifests + 11));
    if (blobs != std::string::npos)
        return blob(request, request.path.substr(blobs + 7), false);
    return notFound();
}

// RealmHttp / RealmOtherHost: 401 with a Bearer challenge until a Bearer
// token comes; nullopt when the request may go on.
std::optional<HttpResponse> HostileRegistry::authorize(const HttpRequest& request)
{
    std::string repo;
    Lie lie = Lie::None;
    {
        std::lock_guard lock(m_mutex);
        for (const auto& [name, repoLie] : m_repoLies) {
            if (repoLie == Lie::RealmHttp || repoLie == Lie::RealmOtherHost) {
                repo = name;
                lie = repoLie;
            }
        }
    }
    if (lie == Lie::None || request.header("authorization").starts_with("Bearer "))
        return std::nullopt;
    const std::string scheme = m_server.tls() ? "https://" : "http://";
    const std::string realm = lie == Lie::RealmHttp
                                  ? ensureCompanion() + "/token"
                                  : scheme + "localhost:" + std::to_string(m_server.port()) + "/token";
    HttpResponse refusal = HttpResponse::text(
        401, R"({"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]})", "application/json");
    refusal.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"" + realm +
                                                         "\",service=\"berth-hostile\",scope=\"repository:" + repo +
                                                         ":pull\"");
    return refusal;
}

HttpResponse HostileRegistry::manifest(const std::string& repo, const std::string& reference)
{
    std::lock_guard lock(m_mutex);
    std::string digest = reference;
    if (!reference.starts_with("sha256:")) {
        const auto tagged = m_tags.find(repo + ":" + reference);
        if (tagged == m_tags.end())
            return notFound();
        digest = tagged->second;
    }
    const auto found = m_blobs.find(digest);
    const auto lie = m_repoLies.find(repo);
    if (found == m_blobs.end() || lie == m_repoLies.end())
        return notFound();
    HttpResponse response;
    response.headers.emplace_back("Docker-Content-Digest", digest);
    if (lie->second == Lie::HugeManifest) {
        response.headers.emplace_back("Content-Type", found->second.mediaType);
        response.generatedSize = kHugeManifest;
        return response;
    }
    const bool typeLie = lie->second == Lie::ManifestMediaTypeLie && found->second.mediaType != media::kOciIndex;
    response.headers.emplace_back("Content-Type", typeLie ? media::kOciIndex : found->second.mediaType);
    response.body = found->second.data;
    return response;
}

HttpResponse HostileRegistry::blob(const HttpRequest& request, const std::string& digest, bool redirected)
{
    Blob data;
    Lie lie = Lie::None;
    Lie repoLie = Lie::None;
    {
        std::lock_guard lock(m_mutex);
        const auto found = m_blobs.find(digest);
        if (found == m_blobs.end())
            return notFound();
        data = found->second;
        if (const auto blobLie = m_blobLies.find(digest); blobLie != m_blobLies.end())
            lie = blobLie->second;
        const std::size_t repoEnd = request.path.rfind("/blobs/");
        if (!redirected && request.path.starts_with("/v2/") && repoEnd != std::string::npos) {
            if (const auto it = m_repoLies.find(request.path.substr(4, repoEnd - 4)); it != m_repoLies.end())
                repoLie = it->second;
        }
    }
    if (repoLie == Lie::RedirectToHttp)
        return redirectTo(ensureCompanion() + "/redirected/" + digest);
    if (repoLie == Lie::RedirectToOtherHost)
        return redirectTo(std::string(m_server.tls() ? "https://" : "http://") +
                          "localhost:" + std::to_string(m_server.port()) + "/redirected/" + digest);
    // A resumed download of the slow blob (a Range) is answered honestly.
    if (lie != Lie::None && !(lie == Lie::SlowBlob && !request.header("range").empty()))
        return lyingBlob(lie, data);
    return rangeOf(request, data);
}

HttpResponse HostileRegistry::lyingBlob(Lie lie, const Blob& data)
{
    HttpResponse response;
    response.headers.emplace_back("Content-Type", "application/octet-stream");
    response.body = data.data;
    if (lie == Lie::BlobDigestMismatch && !response.body.empty())
        response.body[response.body.size() / 2] = static_cast<char>(response.body[response.body.size() / 2] ^ 0x5a);
    if (lie == Lie::TruncatedBlob) {
        response.declaredLength = data.data.size();
        response.body.resize(data.data.size() / 2);
    }
    if (lie == Lie::SlowBlob)
        response.stallAfter = m_options.slowBlobBytes ? m_options.slowBlobBytes : data.data.size() / 2;
    return response;
}

// An honest blob, whole or from a "bytes=N-" / "bytes=N-M" Range (resume).
HttpResponse HostileRegistry::rangeOf(const HttpRequest& request, const Blob& data)
{
    HttpResponse response;
    response.headers.emplace_back("Content-Type", "application/octet-stream");
    response.headers.emplace_back("Docker-Content-Digest", sha256Digest(data.data));
    response.headers.emplace_back("Accept-Ranges", "bytes");
    const std::string range = request.header("range");
    if (!range.starts_with("bytes=")) {
        response.body = data.data;
        return response;
    }
    const std::uint64_t first = std::strtoull(range.c_str() + 6, nullptr, 10);
    const std::size_t dash = range.find('-');
    std::uint64_t last = data.data.size() - 1;
    if (dash != std::string::npos && dash + 1 < range.size())
        last = std::min<std::uint64_t>(last, std::strtoull(range.c_str() + dash + 1, nullptr, 10));
    if (first >= data.data.size() || first > last)
        return HttpResponse::text(416, "");
    response.status = 206;
    response.headers.emplace_back("Content-Range", "bytes " + std::to_string(first) + "-" + std::to_string(last) + "/" +
                                                       std::to_string(data.data.size()));
    response.body = data.data.substr(first, last - first + 1);
    return response;
}

} // namespace berth::test
