#include "registry/registry_auth.h"

#include "image/oci_json.h"

#include <algorithm>
#include <cerrno>

namespace berth::registry {

namespace {

// Token and challenge texts are capped: they come from the registry.
constexpr std::size_t kMaxHeader = 8192;

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
    return out;
}

// RFC 7230 token characters.
bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

class ChallengeReader {
public:
    explicit ChallengeReader(std::string_view text) : m_text(text) {}

    Result<std::vector<Challenge>> read();

private:
    std::unexpected<Error> error(std::string_view problem) const
    {
        return failWith(EINVAL, "WWW-Authenticate: " + std::string(problem), "WWW-Authenticate");
    }
    char peek() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }
    void skipSpace()
    {
        while (peek() == ' ' || peek() == '\t')
            ++m_pos;
    }
    std::string token()
    {
        const std::size_t start = m_pos;
        while (isTokenChar(peek()))
            ++m_pos;
        return std::string(m_text.substr(start, m_pos - start));
    }
    Result<std::string> quoted();
    Status parameter(Challenge& challenge);
    bool atNextChallenge() const;

    std::string_view m_text;
    std::size_t m_pos = 0;
};

Result<std::string> ChallengeReader::quoted()
{
    std::string out;
    for (++m_pos; m_pos < m_text.size(); ++m_pos) {
        const char c = m_text[m_pos];
        if (c == '"') {
            ++m_pos;
            return out;
        }
        if (c == '\\' && ++m_pos >= m_text.size())
            break;
        out += m_text[m_pos];
    }
    return error("a quoted string is not closed");
}

Status ChallengeReader::parameter(Challenge& challenge)
{
    const std::string name = lower(token());
    skipSpace();
    if (name.empty() || peek() != '=')
        return error("expected name=value");
    ++m_pos;
    skipSpace();
    auto value = peek() == '"' ? quoted() : Result<std::string>(token());
    if (!value)
        return fail(value.error());
    challenge.params[name] = std::move(*value);
    return {};
}

// After a comma: "Scheme param=..." starts a new challenge, "param=" goes on.
bool ChallengeReader::atNextChallenge() const
{
    std::size_t p = m_pos;
    while (p < m_text.size() && isTokenChar(m_text[p]))
        ++p;
    while (p < m_text.size() && (m_text[p] == ' ' || m_text[p] == '\t'))
        ++p;
    return p >= m_text.size() || m_text[p] != '=';
}

Result<std::vector<Challenge>> ChallengeReader::read()
{
    if (m_text.size() > kMaxHeader)
        return error("the header is too long");
    std::vector<Challenge> challenges;
    for (skipSpace(); m_pos < m_text.size(); skipSpace()) {
        if (peek() == ',') { // empty list elements are allowed
            ++m_pos;
            continue;
        }
        const bool newChallenge = challenges.empty() || atNextChallenge();
        if (newChallenge) {
            Challenge c{lower(token()), {}};
            if (c.scheme.empty())
                return error(std::string("unexpected '") + peek() + "'");
            challenges.push_back(std::move(c));
            skipSpace();
            if (peek() == ',' || m_pos >= m_text.size())
                continue;
        }
        if (auto ok = parameter(challenges.back()); !ok)
            return fail(ok.error());
        skipSpace();
        if (m_pos < m_text.size() && peek() != ',')
            return error(std::string("unexpected '") + peek() + "'");
    }
    if (challenges.empty())
        return error("no challenge");
    return challenges;
}

std::string base64(std::string_view data)
{
    static constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (std::size_t i = 0; i < data.size(); i += 3) {
        const auto byte = [&](std::size_t k) { return k < data.size() ? static_cast<unsigned char>(data[k]) : 0u; };
        const unsigned n = (byte(i) << 16) | (byte(i + 1) << 8) | byte(i + 2);
        out += kAlphabet[(n >> 18) & 63];
        out += kAlphabet[(n >> 12) & 63];
        out += i + 1 < data.size() ? kAlphabet[(n >> 6) & 63] : '=';
        out += i + 2 < data.size() ? kAlphabet[n & 63] : '=';
    }
    return out;
}

std::string param(const Challenge& c, const std::string& name)
{
    const auto it = c.params.find(name);
    return it == c.params.end() ? std::string() : it->second;
}

} // namespace

Result<std::vector<Challenge>> parseChallenges(std::string_view header)
{
    return ChallengeReader(header).read();
}

Result<Token> parseTokenResponse(std::string_view json)
{
    auto document = image::parseJsonObject(json, "the token answer");
    if (!document)
        return fail(document.error());
    auto token = image::optionalString(*document, "token", "the token answer");
    auto access = image::optionalString(*document, "access_token", "the token answer");
    if (!token || !access)
        return fail(!token ? token.error() : access.error());
    Token out;
    out.token = token->value_or("").empty() ? access->value_or("") : **token;
    if (out.token.empty() || out.token.size() > kMaxHeader)
        return failWith(EINVAL, "the token answer holds no usable token");
    if (out.token.find_first_of("\r\n") != std::string::npos)
        return failWith(EINVAL, "the token answer's token is not one line");
    if (const auto it = document->find("expires_in"); it != document->end() && it->is_number_integer())
        out.expiresIn = std::max<std::int64_t>(it->get<std::int64_t>(), 60);
    return out;
}

std::string pullScope(std::string_view repository)
{
    return "repository:" + std::string(repository) + ":pull";
}

std::string urlEncode(std::string_view text)
{
    static constexpr std::string_view kHex = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
            c == '_' || c == '~')
            out += c;
        else {
            out += '%';
            out += kHex[u >> 4];
            out += kHex[u & 15];
        }
    }
    return out;
}

std::string tokenUrl(const Challenge& challenge, std::string_view scope)
{
    std::string url = param(challenge, "realm");
    url += url.find('?') == std::string::npos ? '?' : '&';
    if (const std::string service = param(challenge, "service"); !service.empty())
        url += "service=" + urlEncode(service) + "&";
    url += "scope=" + urlEncode(scope);
    return url;
}

std::string refreshTokenForm(const Challenge& challenge, std::string_view scope, std::string_view refreshToken)
{
    return "grant_type=refresh_token&service=" + urlEncode(param(challenge, "service")) + "&scope=" + urlEncode(scope) +
           "&client_id=berth&refresh_token=" + urlEncode(refreshToken);
}

std::string basicAuthorization(std::string_view user, std::string_view password)
{
    return "Basic " + base64(std::string(user) + ":" + std::string(password));
}

} // namespace berth::registry
