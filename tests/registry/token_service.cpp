#include "token_service.h"

#include "child_process.h"
#include "encoding.h"
#include "test_ca.h"

#include <nlohmann/json.hpp>

#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>

namespace berth::test {

using nlohmann::json;

namespace {

// "repository:NAME:pull,push ..." → [{type, name, actions}]. The name lies
// between the first and the last colon (a scope never names the host).
json accessOfScopes(const std::string& scopes)
{
    json access = json::array();
    std::size_t at = 0;
    while (at < scopes.size()) {
        std::size_t end = scopes.find(' ', at);
        if (end == std::string::npos)
            end = scopes.size();
        const std::string scope = scopes.substr(at, end - at);
        const std::size_t first = scope.find(':');
        const std::size_t last = scope.rfind(':');
        if (first != std::string::npos && last > first) {
            json actions = json::array();
            const std::string list = scope.substr(last + 1);
            for (std::size_t a = 0; a <= list.size();) {
                std::size_t comma = list.find(',', a);
                if (comma == std::string::npos)
                    comma = list.size();
                if (comma > a)
                    actions.push_back(list.substr(a, comma - a));
                a = comma + 1;
            }
            access.push_back({{"type", scope.substr(0, first)},
                              {"name", scope.substr(first + 1, last - first - 1)},
                              {"actions", actions}});
        }
        at = end + 1;
    }
    return access;
}

std::string derOfPem(const std::filesystem::path& pem)
{
    std::unique_ptr<FILE, decltype(&std::fclose)> file(std::fopen(pem.c_str(), "r"), std::fclose);
    if (!file)
        return {};
    X509* certificate = PEM_read_X509(file.get(), nullptr, nullptr, nullptr);
    if (!certificate)
        return {};
    unsigned char* der = nullptr;
    const int length = i2d_X509(certificate, &der);
    std::string out(reinterpret_cast<char*>(der), static_cast<std::size_t>(std::max(length, 0)));
    OPENSSL_free(der);
    X509_free(certificate);
    return out;
}

} // namespace

TokenService::~TokenService()
{
    stop();
}

bool TokenService::start(const std::filesystem::path& dir, const TokenServiceOptions& options, std::string* why)
{
    m_dir = dir;
    m_options = options;
    std::filesystem::create_directories(dir);
    const CommandResult made = runCommand(
        {"openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
         (dir / "token.key").string(), "-out", certificate().string(), "-days", "2", "-subj", "/CN=" + options.issuer});
    std::unique_ptr<FILE, decltype(&std::fclose)> keyFile(std::fopen((dir / "token.key").c_str(), "r"), std::fclose);
    if (made.exitCode == 0 && keyFile)
        m_key = PEM_read_PrivateKey(keyFile.get(), nullptr, nullptr, nullptr);
    m_certificateDer = derOfPem(certificate());
    if (!m_key || m_certificateDer.empty()) {
        if (why)
            *why = "token service: cannot make its signing key: " + made.output;
        return false;
    }
    const auto handler = [this](const HttpRequest& request) { return answer(request); };
    if (options.tls)
        return m_server.start(options.address, handler, why, options.tls->serverCert(), options.tls->serverKey());
    return m_server.start(options.address, handler, why);
}

void TokenService::stop()
{
    m_server.stop();
    if (m_key)
        EVP_PKEY_free(m_key);
    m_key = nullptr;
}

std::string TokenService::realm() const
{
    return std::string(m_options.tls ? "https://" : "http://") + m_server.hostPort() + "/token";
}

int TokenService::refused() const
{
    std::lock_guard lock(m_mutex);
    return m_refused;
}

HttpResponse TokenService::answer(const HttpRequest& request)
{
    if (request.method != "GET" || request.path != "/token")
        return HttpResponse::text(404, "not found\n");
    std::string subject = "anonymous";
    if (!m_options.user.empty()) {
        if (request.header("authorization") != "Basic " + base64(m_options.user + ":" + m_options.password)) {
            std::lock_guard lock(m_mutex);
            ++m_refused;
            HttpResponse refusal = HttpResponse::text(401, R"({"details":"bad credentials"})", "application/json");
            refusal.headers.emplace_back("WWW-Authenticate", "Basic realm=\"berth-test-token\"");
            return refusal;
        }
        subject = m_options.user;
    }
    const json access = accessOfScopes(request.queryValue("scope"));
    const std::string jwt = token(subject, access.dump());
    const json body = {
        {"token", jwt}, {"access_token", jwt}, {"expires_in", 300}, {"issued_at", "2026-01-01T00:00:00Z"}};
    return HttpResponse::text(200, body.dump(), "application/json");
}

std::string TokenService::token(const std::string& subject, const std::string& accessJson) const
{
    const auto now =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    static std::atomic<int> serial = 0;
    const json header = {{"typ", "JWT"}, {"alg", "ES256"}, {"x5c", {base64(m_certificateDer)}}};
    const json claims = {{"iss", m_options.issuer},
                         {"sub", subject},
                         {"aud", m_options.service},
                         {"exp", now + 300},
                         {"nbf", now - 60},
                         {"iat", now},
                         {"jti", "berth-test-" + std::to_string(++serial)},
                         {"access", json::parse(accessJson)}};
    const std::string input = base64Url(header.dump()) + "." + base64Url(claims.dump());
    return input + "." + base64Url(sign(input));
}

// ES256 as JWS wants it: r and s, 32 bytes each, not DER.
std::string TokenService::sign(const std::string& signingInput) const
{
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    std::size_t length = 0;
    EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, m_key);
    EVP_DigestSign(context.get(), nullptr, &length, reinterpret_cast<const unsigned char*>(signingInput.data()),
                   signingInput.size());
    std::string der(length, '\0');
    EVP_DigestSign(context.get(), reinterpret_cast<unsigned char*>(der.data()), &length,
                   reinterpret_cast<const unsigned char*>(signingInput.data()), signingInput.size());
    const unsigned char* cursor = reinterpret_cast<const unsigned char*>(der.data());
    ECDSA_SIG* signature = d2i_ECDSA_SIG(nullptr, &cursor, static_cast<long>(length));
    std::string raw(64, '\0');
    if (signature) {
        BN_bn2binpad(ECDSA_SIG_get0_r(signature), reinterpret_cast<unsigned char*>(raw.data()), 32);
        BN_bn2binpad(ECDSA_SIG_get0_s(signature), reinterpret_cast<unsigned char*>(raw.data()) + 32, 32);
        ECDSA_SIG_free(signature);
    }
    return raw;
}

} // namespace berth::test
