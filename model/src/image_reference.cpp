// Image references as Docker's distribution/reference grammar defines them,
// written from that grammar (not from its code).
#include "berth/model/image_reference.h"

#include <algorithm>

namespace berth::model {

namespace {

constexpr std::size_t kMaxNameLength = 255;
constexpr std::size_t kMaxTagLength = 128;
constexpr std::string_view kLibrary = "library/";

bool isLower(char c)
{
    return c >= 'a' && c <= 'z';
}
bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
bool isAlnum(char c)
{
    return isLower(c) || isDigit(c) || (c >= 'A' && c <= 'Z');
}

std::unexpected<ReferenceError> problem(ReferenceProblem kind, std::string_view part)
{
    return std::unexpected(ReferenceError{kind, std::string(part)});
}

// A host name label: alphanumerics with inner hyphens.
bool isDomainLabel(std::string_view label)
{
    if (label.empty() || label.front() == '-' || label.back() == '-')
        return false;
    return std::all_of(label.begin(), label.end(), [](char c) { return isAlnum(c) || c == '-'; });
}

bool isPort(std::string_view port)
{
    return !port.empty() && port.size() <= 5 && std::all_of(port.begin(), port.end(), isDigit);
}

// "[v6 address]": hex digits, colons and dots inside the brackets.
bool isBracketedAddress(std::string_view host)
{
    if (host.size() < 3 || host.front() != '[' || host.back() != ']')
        return false;
    const std::string_view inner = host.substr(1, host.size() - 2);
    if (inner.find("..") != std::string_view::npos || inner.find(':') == std::string_view::npos)
        return false;
    return std::all_of(inner.begin(), inner.end(), [](char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
    });
}

bool isRegistry(std::string_view registry)
{
    std::string_view host = registry;
    const std::size_t close = registry.rfind(']');
    const std::size_t colon = registry.rfind(':');
    if (colon != std::string_view::npos && (close == std::string_view::npos || colon > close)) {
        if (!isPort(registry.substr(colon + 1)))
            return false;
        host = registry.substr(0, colon);
    }
    if (host.starts_with('['))
        return isBracketedAddress(host);
    for (std::size_t start = 0;;) {
        const std::size_t dot = host.find('.', start);
        if (!isDomainLabel(host.substr(start, dot - start)))
            return false;
        if (dot == std::string_view::npos)
            return true;
        start = dot + 1;
    }
}

// One path component: [a-z0-9]+ joined by '.', '_', '__' or any run of '-'.
bool isPathComponent(std::string_view component)
{
    if (component.empty() || !isAlnum(component.front()) || !isAlnum(component.back()))
        return false;
    for (std::size_t i = 0; i < component.size(); ++i) {
        const char c = component[i];
        if (isLower(c) || isDigit(c) || c == '-')
            continue;
        if (c == '.' || c == '_') {
            if (!isAlnum(component[i - 1]))
                return false;
            const bool doubleUnderscore = c == '_' && i + 1 < component.size() && component[i + 1] == '_';
            i += doubleUnderscore ? 1 : 0;
            if (!isAlnum(component[i + 1]))
                return false;
            continue;
        }
        return false; // upper case among them: repositories are lowercase
    }
    return true;
}

bool isRepository(std::string_view repository)
{
    for (std::size_t start = 0;;) {
        const std::size_t slash = repository.find('/', start);
        if (!isPathComponent(repository.substr(start, slash - start)))
            return false;
        if (slash == std::string_view::npos)
            return true;
        start = slash + 1;
    }
}

bool isTag(std::string_view tag)
{
    if (tag.empty() || tag.size() > kMaxTagLength || tag.front() == '.' || tag.front() == '-')
        return false;
    return std::all_of(tag.begin(), tag.end(), [](char c) { return isAlnum(c) || c == '_' || c == '.' || c == '-'; });
}

bool isSha256Digest(std::string_view digest)
{
    constexpr std::string_view kPrefix = "sha256:";
    if (!digest.starts_with(kPrefix) || digest.size() != kPrefix.size() + 64)
        return false;
    const std::string_view hex = digest.substr(kPrefix.size());
    return std::all_of(hex.begin(), hex.end(), [](char c) { return isDigit(c) || (c >= 'a' && c <= 'f'); });
}

bool isHex64(std::string_view text)
{
    return text.size() == 64 &&
           std::all_of(text.begin(), text.end(), [](char c) { return isDigit(c) || (c >= 'a' && c <= 'f'); });
}

// Docker's rule: the first component names a registry when it has a '.'
// or ':', is "localhost", or has an upper-case letter (repositories
// cannot).
bool namesRegistry(std::string_view first)
{
    return first.find_first_of(".:") != std::string_view::npos || first == "localhost" ||
           std::any_of(first.begin(), first.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::string canonicalRegistry(std::string_view registry)
{
    if (registry == "index.docker.io" || registry == "registry-1.docker.io")
        return std::string(kDockerHub);
    return std::string(registry);
}

// The name part (before any tag or digest) split into registry and repository.
std::expected<ImageReference, ReferenceError> splitName(std::string_view name)
{
    ImageReference ref;
    const std::size_t slash = name.find('/');
    if (slash != std::string_view::npos && namesRegistry(name.substr(0, slash))) {
        if (!isRegistry(name.substr(0, slash)))
            return problem(ReferenceProblem::Registry, name.substr(0, slash));
        ref.registry = canonicalRegistry(name.substr(0, slash));
        name.remove_prefix(slash + 1);
    }
    if (!isRepository(name) || (ref.registry.empty() && isHex64(name)))
        return problem(ReferenceProblem::Repository, name);
    ref.repository = std::string(name);
    if (ref.registry == kDockerHub && name.find('/') == std::string_view::npos)
        ref.repository.insert(0, kLibrary);
    return ref;
}

} // namespace

std::string ImageReference::name() const
{
    return registry.empty() ? repository : registry + "/" + repository;
}

std::string ImageReference::text() const
{
    std::string out = name();
    if (!tag.empty())
        out += ":" + tag;
    if (!digest.empty())
        out += "@" + digest;
    return out;
}

std::expected<ImageReference, ReferenceError> parseImageReference(std::string_view text)
{
    if (text.empty())
        return problem(ReferenceProblem::Empty, text);
    std::string_view digest;
    if (const std::size_t at = text.find('@'); at != std::string_view::npos) {
        digest = text.substr(at + 1);
        text = text.substr(0, at);
        if (!isSha256Digest(digest))
            return problem(ReferenceProblem::Digest, digest);
    }
    std::string_view tag;
    const std::size_t colon = text.rfind(':');
    if (colon != std::string_view::npos && text.find('/', colon) == std::string_view::npos) {
        tag = text.substr(colon + 1);
        text = text.substr(0, colon);
        if (!isTag(tag))
            return problem(ReferenceProblem::Tag, tag);
    }
    if (text.empty())
        return problem(ReferenceProblem::Repository, text);
    if (text.size() > kMaxNameLength)
        return problem(ReferenceProblem::Repository, text);
    auto ref = splitName(text);
    if (!ref)
        return ref;
    ref->tag = tag.empty() && digest.empty() ? "latest" : std::string(tag);
    ref->digest = std::string(digest);
    return ref;
}

std::vector<ImageReference> qualifiedCandidates(const ImageReference& reference,
                                                const std::vector<std::string>& searchRegistries)
{
    if (!reference.isShortName())
        return {reference};
    std::vector<ImageReference> candidates;
    const std::vector<std::string> dockerHubOnly{std::string(kDockerHub)};
    for (const std::string& registry : searchRegistries.empty() ? dockerHubOnly : searchRegistries) {
        ImageReference candidate = reference;
        candidate.registry = canonicalRegistry(registry);
        if (candidate.registry == kDockerHub && reference.repository.find('/') == std::string::npos)
            candidate.repository.insert(0, kLibrary);
        if (std::find(candidates.begin(), candidates.end(), candidate) == candidates.end())
            candidates.push_back(std::move(candidate));
    }
    return candidates;
}

std::vector<std::string> credentialKeys(std::string_view registry)
{
    const std::string host = canonicalRegistry(registry);
    if (host == kDockerHub)
        return {"https://index.docker.io/v1/", "index.docker.io", "docker.io", "https://index.docker.io",
                "registry-1.docker.io"};
    return {host, "https://" + host, "http://" + host};
}

} // namespace berth::model
