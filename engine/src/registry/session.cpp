#include "registry/session.h"

#include <algorithm>
#include <cerrno>

namespace berth::registry {

namespace {

// The https probe of an insecure registry: a registry that speaks TLS
// answers at once; anything else falls back to http.
constexpr long kProbeSeconds = 5;
// Token answers are small JSON documents.
constexpr std::uint64_t kMaxTokenBytes = 64 * 1024;

bool sameRegistry(std::string_view a, std::string_view b)
{
    if (a == b)
        return true;
    const auto keys = model::credentialKeys(a);
    return std::find(keys.begin(), keys.end(), b) != keys.end();
}

} // namespace

std::string apiHost(std::string_view registry)
{
    return registry == model::kDockerHub ? std::string("registry-1.docker.io") : std::string(registry);
}

Session::Session(RegistryPolicy policy, std::vector<RegistryCredential> credentials, Progress progress)
    : m_policy(std::move(policy)), m_credentials(std::move(credentials)), m_progress(std::move(progress))
{}

const RegistryCredential* Session::credentialFor(std::string_view registry) const
{
    for (const RegistryCredential& c : m_credentials)
        if (sameRegistry(registry, c.registry))
            return &c;
    return nullptr;
}

std::optional<std::string> Session::cachedAuthorization(const std::string& key) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_authorizations.find(key);
    return it == m_authorizations.end() ? std::nullopt : std::optional(it->second);
}

// Whether `scheme` reaches a registry at `host`: over https any HTTP
// answer does (a TLS handshake passed); over http only what a registry's
// /v2/ says (200, or 401 asking for a login), not a TLS server's 400.
Result<bool> Session::probe(const std::string& scheme, const std::string& host, const Progress& progress)
{
    HttpRequest request{
        .url = scheme + "://" + host + "/v2/", .maxBodyBytes = 64 * 1024, .timeoutSeconds = kProbeSeconds};
    auto answer = fetch(m_policy, request, {}, progress);
    if (!answer && answer.error().code == ECANCELED)
        return fail(answer.error());
    return answer && (scheme == "https" || answer->status == 200 || answer->status == 401);
}

Result<std::string> Session::baseUrl(std::string_view registry, const Progress& progress)
{
    const std::string host = apiHost(registry);
    if (!m_policy.isInsecureHost(host))
        return "https://" + host;
    {
        std::lock_guard lock(m_mutex);
        if (const auto it = m_schemes.find(host); it != m_schemes.end())
            return it->second + "://" + host;
    }
    // https first, as Docker and Podman do; on loopback, where nobody can
    // listen in, plain http first (a TLS server refuses it at once, while a
    // plain server may wait for more of a TLS handshake).
    const bool loopback = isLoopbackHost(host);
    const std::string first = loopback ? "http" : "https", second = loopback ? "https" : "http";
    auto works = probe(first, host, progress);
    if (!works)
        return fail(works.error());
    const std::string scheme = *works ? first : second;
    std::lock_guard lock(m_mutex);
    m_schemes.emplace(host, scheme);
    return scheme + "://" + host;
}

Result<HttpResponse> Session::get(const model::ImageReference& reference, std::string_view path, HttpRequest request,
                                  const BodySink& sink, const Progress* progress)
{
    const Progress& p = progress ? *progress : m_progress;
    if (m_policy.isBlocked(reference.name()))
        return failWith(EACCES, "registry '" + reference.registry + "' is blocked for '" + reference.name() +
                                    "' by the administrator (registries.conf)");
    auto base = baseUrl(reference.registry, p);
    if (!base)
        return fail(base.error());
    request.url = *base + "/v2/" + reference.repository + "/" + std::string(path);
    const std::string key = reference.registry + "/" + reference.repository;
    request.authorization = cachedAuthorization(key).value_or("");
    auto response = fetch(m_policy, request, sink, p);
    if (!response || response->status != 401)
        return response;
    // Asked to authenticate (first time, or a token expired): once.
    auto authorization = authorize(reference, response->header("www-authenticate"), p);
    if (!authorization)
        return fail(authorization.error());
    {
        std::lock_guard lock(m_mutex);
        m_authorizations[key] = *authorization;
    }
    request.authorization = std::move(*authorization);
    return fetch(m_policy, request, sink, p);
}

Result<std::string> Session::authorize(const model::ImageReference& reference, std::string_view header,
                                       const Progress& progress)
{
    auto challenges = parseChallenges(header);
    if (!challenges)
        return fail(challenges.error().wrap("registry '" + reference.registry + "'"));
    for (const Challenge& c : *challenges)
        if (c.scheme == "bearer")
            return requestToken(reference, c, progress);
    const RegistryCredential* credential = credentialFor(reference.registry);
    for (const Challenge& c : *challenges) {
        if (c.scheme != "basic")
            continue;
        if (!credential || credential->username.empty())
            return failWith(EACCES, "registry '" + reference.registry +
                                        "' asks for a login and none was given for it (docker login or podman "
                                        "login as the user who pulls)");
        return basicAuthorization(credential->username, credential->secret);
    }
    return failWith(EACCES, "registry '" + reference.registry + "' asks for an authentication Berth does not speak");
}

Result<std::string> Session::requestToken(const model::ImageReference& reference, const Challenge& challenge,
                                          const Progress& progress)
{
    const auto realm = challenge.params.find("realm");
    if (realm == challenge.params.end() || realm->second.empty())
        return failWith(EACCES, "registry '" + reference.registry + "' asks for a token but names no realm");
    const std::string scope = pullScope(reference.repository);
    HttpRequest request{.url = tokenUrl(challenge, scope), .maxBodyBytes = kMaxTokenBytes};
    // The caller's secret goes to the realm only over TLS, or in plain http
    // to a host the administrator allows plain http for (loopback, listed
    // insecure registries): never in clear text anywhere else.
    const std::string realmHost = urlHostPort(realm->second);
    const bool mayCarrySecret = realm->second.starts_with("https://") ||
                                (realm->second.starts_with("http://") && m_policy.isInsecureHost(realmHost));
    const RegistryCredential* credential = mayCarrySecret ? credentialFor(reference.registry) : nullptr;
    if (credential && credential->username.empty()) {
        request.url = realm->second; // the OAuth2 form of an identity token
        request.postForm = refreshTokenForm(challenge, scope, credential->secret);
    } else if (credential)
        request.authorization = basicAuthorization(credential->username, credential->secret);
    auto answer = fetch(m_policy, request, {}, progress);
    if (!answer)
        return fail(answer.error().wrap("token for '" + reference.name() + "'"));
    if (answer->status != 200)
        return fail(statusError(*answer, "a token for '" + reference.name() + "'"));
    auto token = parseTokenResponse(answer->body);
    if (!token)
        return fail(token.error().wrap("registry '" + realmHost + "'"));
    return "Bearer " + token->token;
}

} // namespace berth::registry
