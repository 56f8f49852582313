// What one pull carries (issue #21): the administrator's registry policy,
// the caller's credentials (from its own files, handed over for this pull:
// never stored, never logged), the tokens registries gave for this pull,
// and the Progress that reports and cancels. Requests to a registry's /v2/
// API go through `get`, which answers a 401 challenge once and retries.
// Thread safe: layers may be fetched from several threads with one Session.
#pragma once

#include "berth/error.h"
#include "berth/images.h"
#include "berth/model/image_reference.h"
#include "berth/templates.h"
#include "registry/http_client.h"
#include "registry/registry_auth.h"
#include "registry/registry_policy.h"

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace berth::registry {

class Session {
public:
    Session(RegistryPolicy policy, std::vector<RegistryCredential> credentials, Progress progress);

    [[nodiscard]] const RegistryPolicy& policy() const { return m_policy; }
    [[nodiscard]] const Progress& progress() const { return m_progress; }

    // GET https://HOST/v2/<repository>/<path> of `reference`'s registry
    // ("manifests/TAG", "blobs/sha256:..."), with `headers`, authenticating
    // as the registry asks (anonymous token, or the caller's credential).
    // A blocked registry is EACCES; http is used only for an insecure host.
    // `progress` reports and cancels this request (the session's by default).
    [[nodiscard]] Result<HttpResponse> get(const model::ImageReference& reference, std::string_view path,
                                           HttpRequest request, const BodySink& sink,
                                           const Progress* progress = nullptr);

    // "https://registry-1.docker.io" for docker.io, "https://HOST" else; an
    // insecure host is probed (/v2/, 5 s, once per session) over https and
    // then http (loopback: http, then https) and reached by the first that
    // works.
    [[nodiscard]] Result<std::string> baseUrl(std::string_view registry, const Progress& progress);

private:
    [[nodiscard]] Result<bool> probe(const std::string& scheme, const std::string& host, const Progress& progress);
    [[nodiscard]] const RegistryCredential* credentialFor(std::string_view registry) const;
    [[nodiscard]] std::optional<std::string> cachedAuthorization(const std::string& key) const;
    [[nodiscard]] Result<std::string> authorize(const model::ImageReference& reference, std::string_view header,
                                                const Progress& progress);
    [[nodiscard]] Result<std::string> requestToken(const model::ImageReference& reference, const Challenge& challenge,
                                                   const Progress& progress);

    RegistryPolicy m_policy;
    std::vector<RegistryCredential> m_credentials;
    Progress m_progress;
    mutable std::mutex m_mutex;
    // "registry/repository" -> the Authorization value that worked.
    std::map<std::string, std::string> m_authorizations;
    // API host -> "https" or "http", once probed.
    std::map<std::string, std::string> m_schemes;
};

// The API host of a registry as references name it: docker.io is served by
// registry-1.docker.io.
[[nodiscard]] std::string apiHost(std::string_view registry);

} // namespace berth::registry
