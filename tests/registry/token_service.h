// A bearer-token service of the test's own for docker-registry's
// `auth: token:` (the WWW-Authenticate realm/service/scope flow): GET
// REALM?service=S&scope=repository:NAME:ACTIONS answers {"token": JWT}, the
// JWT signed ES256 with a test key whose self-signed certificate is the
// registry's rootcertbundle (and is sent in the JWT's x5c header). With a
// user and password set, it asks for them (HTTP basic) and answers 401
// otherwise; without, every caller gets a token (anonymous pulls). Only GET
// (Docker's token flow); not OAuth2's POST form.
#pragma once

#include "http_server.h"

#include <filesystem>
#include <string>

typedef struct evp_pkey_st EVP_PKEY;

namespace berth::test {

class TestCa;

struct TokenServiceOptions {
    std::string service = "berth-test-registry";
    std::string issuer = "berth-test-token-issuer";
    std::string user; // empty: anonymous tokens
    std::string password;
    const TestCa* tls = nullptr; // serve the realm over https with the CA's server certificate
    std::string address = "127.0.0.1";
};

class TokenService {
public:
    TokenService() = default;
    TokenService(const TokenService&) = delete;
    TokenService& operator=(const TokenService&) = delete;
    ~TokenService();

    // Makes the signing key and certificate under dir, then listens.
    bool start(const std::filesystem::path& dir, const TokenServiceOptions& options, std::string* why);
    void stop();

    // "http(s)://127.0.0.1:PORT/token"
    [[nodiscard]] std::string realm() const;
    [[nodiscard]] const TokenServiceOptions& options() const { return m_options; }
    // The certificate docker-registry's rootcertbundle names.
    [[nodiscard]] std::filesystem::path certificate() const { return m_dir / "token.crt"; }
    // Tokens issued, and requests refused for bad credentials.
    [[nodiscard]] int tokensIssued() const { return m_server.requestCount("GET", "/token") - refused(); }
    [[nodiscard]] int refused() const;
    [[nodiscard]] HttpServer& server() { return m_server; }

    // A signed JWT granting `access` (a JSON array) to subject (for tests
    // that want to present a token of their own making).
    [[nodiscard]] std::string token(const std::string& subject, const std::string& accessJson) const;

private:
    HttpResponse answer(const HttpRequest& request);
    std::string sign(const std::string& signingInput) const;

    std::filesystem::path m_dir;
    TokenServiceOptions m_options;
    HttpServer m_server;
    EVP_PKEY* m_key = nullptr;
    std::string m_certificateDer;
    mutable std::mutex m_mutex;
    int m_refused = 0;
};

} // namespace berth::test
