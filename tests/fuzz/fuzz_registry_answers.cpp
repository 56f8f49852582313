// What registries, registries.conf and users hand the registry client
// (issue #21): the first line picks the parser, the rest is its input.
// `reference`: an accepted image reference prints to text that parses to
// the same reference, and its parts cannot step out of a URL path.
// `challenge`: every parsed challenge has a lower-case scheme. `token`: an
// accepted token is one line (it becomes an Authorization header).
// `policy`: registries.conf never yields an empty location.
#include "fuzz_invariant.h"
#include "registry/registry_auth.h"
#include "registry/registry_policy.h"

#include "berth/model/image_reference.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

namespace {

using berth::fuzz::require;

void checkReference(std::string_view text)
{
    auto ref = berth::model::parseImageReference(text);
    if (!ref)
        return;
    auto again = berth::model::parseImageReference(ref->text());
    require(again.has_value() && *again == *ref, "a reference's text parses to the same reference", ref->text());
    const std::string name = ref->name();
    require(name.find("..") == std::string::npos && name.find("//") == std::string::npos &&
                !ref->repository.starts_with('/') && !ref->repository.ends_with('/'),
            "a reference's name has no empty or dot-dot component", name);
    require(ref->digest.empty() || ref->digest.size() == 71, "a digest is sha256:<64 hex>", ref->digest);
    for (const auto& candidate : berth::model::qualifiedCandidates(*ref, {"docker.io", "quay.io"}))
        require(!candidate.isShortName(), "a candidate is qualified", candidate.text());
}

void checkChallenge(std::string_view text)
{
    auto challenges = berth::registry::parseChallenges(text);
    if (!challenges)
        return;
    for (const auto& c : *challenges)
        require(!c.scheme.empty() &&
                    std::none_of(c.scheme.begin(), c.scheme.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; }),
                "a challenge's scheme is lower case", c.scheme);
}

void checkToken(std::string_view text)
{
    auto token = berth::registry::parseTokenResponse(text);
    if (!token)
        return;
    require(!token->token.empty() && token->token.find_first_of("\r\n") == std::string::npos,
            "a token is one non-empty line", token->token);
    require(token->expiresIn >= 60, "a token lives at least 60 s");
}

void checkPolicy(std::string_view text)
{
    auto policy = berth::registry::parseRegistryPolicy(text, "registries.conf");
    if (!policy)
        return;
    for (const auto& entry : policy->registries)
        require(!entry.location.empty(), "a registry entry has a location");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text = berth::fuzz::asText(data, size);
    const std::size_t newline = text.find('\n');
    const std::string_view kind = text.substr(0, newline);
    const std::string_view input = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
    if (kind == "reference")
        checkReference(input);
    else if (kind == "challenge")
        checkChallenge(input);
    else if (kind == "token")
        checkToken(input);
    else if (kind == "policy")
        checkPolicy(input);
    return 0;
}
