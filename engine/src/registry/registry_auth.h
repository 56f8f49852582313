// Registry authentication (issue #21): the WWW-Authenticate challenge, the
// distribution token flow (Bearer realm/service/scope) and Basic auth.
// Pure parsers here; the exchange itself is session.cpp's.
#pragma once

#include "berth/error.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace berth::registry {

struct Challenge {
    std::string scheme;                        // lowercased: "bearer", "basic"
    std::map<std::string, std::string> params; // names lowercased: realm, service, scope, error
};

// Every challenge of a WWW-Authenticate header value (RFC 7235: quoted
// strings with escapes, commas inside quotes, several challenges in one
// header). Garbage is EINVAL naming the header.
[[nodiscard]] Result<std::vector<Challenge>> parseChallenges(std::string_view header);

struct Token {
    std::string token;
    std::int64_t expiresIn = 60; // seconds; the spec's default when absent
};

// A token service's JSON answer: `token` or `access_token`, `expires_in`.
[[nodiscard]] Result<Token> parseTokenResponse(std::string_view json);

// "repository:NAME:pull".
[[nodiscard]] std::string pullScope(std::string_view repository);

// The GET URL of a token request: realm?service=S&scope=SCOPE (escaped;
// a realm that has a query already gets '&').
[[nodiscard]] std::string tokenUrl(const Challenge& challenge, std::string_view scope);

// The POST form of the OAuth2 refresh-token request the distribution token
// spec defines for an identity token.
[[nodiscard]] std::string refreshTokenForm(const Challenge& challenge, std::string_view scope,
                                           std::string_view refreshToken);

// "Basic base64(user:password)".
[[nodiscard]] std::string basicAuthorization(std::string_view user, std::string_view password);

// Percent-encoding of a query value (RFC 3986 unreserved kept).
[[nodiscard]] std::string urlEncode(std::string_view text);

} // namespace berth::registry
