// Image references and registry logins (issue #21), checked before
// authorization: a caller can name an image, never a path, and can hand
// over logins that cannot smuggle anything into a request.
#include "validation.h"

#include "berth/model/image_reference.h"
#include "config/values.h"

#include <algorithm>
#include <cerrno>
#include <string>

namespace berth::helper {
namespace {

std::string referenceProblem(model::ReferenceProblem problem)
{
    switch (problem) {
    case model::ReferenceProblem::Empty:
        return "is empty";
    case model::ReferenceProblem::Registry:
        return "has an invalid registry";
    case model::ReferenceProblem::Repository:
        return "has an invalid repository (lowercase letters, digits and . _ - separators)";
    case model::ReferenceProblem::Tag:
        return "has an invalid tag";
    case model::ReferenceProblem::Digest:
        return "has an invalid digest (sha256: and 64 lowercase hex digits)";
    }
    return "is invalid";
}

bool isLowerHex(std::string_view text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool hasControl(std::string_view text)
{
    return std::any_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte < 0x20 || byte == 0x7f;
    });
}

// "sha256:<64 hex>", or 12..64 hex digits (a prefix of an id).
bool isImageId(std::string_view text)
{
    if (text.starts_with("sha256:"))
        return text.size() == 7 + 64 && isLowerHex(text.substr(7));
    return text.size() >= 12 && text.size() <= 64 && isLowerHex(text);
}

Status validateRegistryHost(std::string_view registry, std::size_t index)
{
    const std::string where = "credential " + std::to_string(index + 1) + ": registry ";
    if (registry.empty() || registry.size() > 255 || hasControl(registry))
        return failWith(EINVAL, where + "is not a host[:port]");
    // A registry is what a reference names before its first '/': parse one.
    auto parsed = model::parseImageReference(std::string(registry) + "/x");
    if (!parsed || parsed->registry != registry)
        return failWith(EINVAL, where + quoteForMessage(std::string(registry)) + " is not a host[:port]");
    return {};
}

Status validateCredential(const RegistryCredential& credential, std::size_t index)
{
    const std::string where = "credential " + std::to_string(index + 1) + ": ";
    if (auto valid = validateRegistryHost(credential.registry, index); !valid)
        return valid;
    for (const std::string* field : {&credential.username, &credential.secret})
        if (field->size() > kMaxCredentialFieldBytes)
            return failWith(E2BIG, where + (field == &credential.username ? "username" : "secret") +
                                       " is longer than 4096 bytes");
    if (hasControl(credential.username) || hasControl(credential.secret))
        return failWith(EINVAL, where + "a control character in the username or secret");
    if (credential.username.find(':') != std::string::npos)
        return failWith(EINVAL, where + "the username has a ':'");
    if (credential.secret.empty())
        return failWith(EINVAL, where + "the secret is empty");
    return {};
}

} // namespace

Status validateImageReference(std::string_view reference)
{
    if (reference.size() > kMaxReferenceBytes)
        return failWith(ENAMETOOLONG, "image reference is longer than 1024 bytes");
    if (hasControl(reference))
        return failWith(EINVAL, "image reference has a control character");
    auto parsed = model::parseImageReference(reference);
    if (!parsed)
        return failWith(EINVAL, "image reference " + quoteForMessage(std::string(reference)) + " " +
                                    referenceProblem(parsed.error().problem));
    return {};
}

Status validateImageLookup(std::string_view reference)
{
    if (isImageId(reference))
        return {};
    return validateImageReference(reference);
}

Status validateCredentials(const std::vector<RegistryCredential>& credentials)
{
    if (credentials.size() > kMaxCredentials)
        return failWith(E2BIG, "more than 16 registry credentials");
    for (std::size_t i = 0; i < credentials.size(); ++i)
        if (auto valid = validateCredential(credentials[i], i); !valid)
            return valid;
    return {};
}

} // namespace berth::helper
