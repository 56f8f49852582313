// One HTTP exchange with a registry (issue #21), on libcurl: TLS verified
// against the system store plus the host's containers-certs.d CA files,
// plain http only for a host the policy calls insecure, redirects followed
// here (not by libcurl) under Berth's rules, bodies streamed to a sink with
// a size cap, and Cancel through the Progress.
#pragma once

#include "berth/error.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace berth {
class Progress;
}

namespace berth::registry {

struct RegistryPolicy;

struct HttpRequest {
    std::string url;                  // "https://host[:port]/v2/..."
    std::vector<std::string> headers; // "Accept: ...", without Authorization
    // "Bearer <token>" or "Basic <base64>": sent to the request's own host
    // only, never after a redirect to another one.
    std::string authorization;
    std::optional<std::uint64_t> rangeFrom; // "Range: bytes=N-"
    std::string postForm;                   // non-empty: a POST of this application/x-www-form-urlencoded body
    // More body bytes than this: EFBIG at once, the transfer stopped.
    std::uint64_t maxBodyBytes = std::uint64_t{4} << 20;
    // The whole exchange at most this long (0: no limit; stalls are caught
    // by the low-speed limit). The https probe of an insecure host uses it.
    long timeoutSeconds = 0;
};

struct HttpResponse {
    long status = 0;
    std::string url;                            // after redirects
    std::map<std::string, std::string> headers; // names lowercased; last one wins
    std::string body;                           // when no sink was given
    [[nodiscard]] std::string header(std::string_view name) const;
};

// Receives the body in pieces, only for 2xx answers (other answers are
// collected into HttpResponse::body, capped, for their error text), with
// the answer's status and headers (`head.body` stays empty). An error stops
// the transfer and is what `fetch` returns.
using BodySink = std::function<Status(const HttpResponse& head, std::string_view chunk)>;

// Redirects followed at most.
inline constexpr int kMaxRedirects = 5;

// One GET (or POST) with redirects. Redirects only to https, or to http on
// the same insecure host; a redirect to another host drops Authorization.
// A transport failure is EIO (ETIMEDOUT, ECONNREFUSED where libcurl says
// so) naming the host; Cancel is ECANCELED. Any HTTP status is a success
// here: the caller judges it (see statusError).
[[nodiscard]] Result<HttpResponse> fetch(const RegistryPolicy& policy, const HttpRequest& request, const BodySink& sink,
                                         const Progress& progress);

// "registry 'HOST' answered STATUS for WHAT" (+ the registry's own error
// message when its body has one), with an errno fitting the status: 404
// ENOENT, 401/403 EACCES, 429/5xx EAGAIN, else EIO.
[[nodiscard]] Error statusError(const HttpResponse& response, std::string_view what);

// "host[:port]" of a URL ("" when it has none).
[[nodiscard]] std::string urlHostPort(std::string_view url);

} // namespace berth::registry
