// An image reference as Docker and Podman users type it (issue #21):
// [REGISTRY/]REPOSITORY[:TAG][@DIGEST]. The one parser the CLI, the GUI's
// reference field, the helper and the engine share.
#pragma once

#include <expected>
#include <string>
#include <string_view>
#include <vector>

namespace berth::model {

inline constexpr std::string_view kDockerHub = "docker.io";

struct ImageReference {
    std::string registry;   // "docker.io", "localhost:5000", "quay.io"; empty: a short name
    std::string repository; // "library/debian", "team/app"
    std::string tag;        // "bookworm"; "latest" when neither tag nor digest was given
    std::string digest;     // "sha256:<64 hex>"; empty: by tag

    // "docker.io/library/debian:bookworm", "localhost:5000/app@sha256:…"
    // (with both: "NAME:TAG@DIGEST").
    [[nodiscard]] std::string text() const;
    // "REGISTRY/REPOSITORY": what a tag or digest is added to.
    [[nodiscard]] std::string name() const;
    [[nodiscard]] bool isShortName() const { return registry.empty(); }
    bool operator==(const ImageReference&) const = default;
};

enum class ReferenceProblem {
    Empty,
    Registry,   // not a host name or address with an optional port
    Repository, // path components of [a-z0-9] with . _ __ - separators, at most 255 characters in all
    Tag,        // [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}
    Digest,     // not sha256: followed by 64 lowercase hex digits
};

struct ReferenceError {
    ReferenceProblem problem = ReferenceProblem::Empty;
    std::string part; // the part at fault
};

// The first component is a registry when it has a '.' or a ':' or is
// "localhost" (Docker's rule); a short name keeps `registry` empty and
// `docker.io` names get "library/" before a one-component repository.
[[nodiscard]] std::expected<ImageReference, ReferenceError> parseImageReference(std::string_view text);

// The fully qualified candidates of a short name, in the order to try
// them: one per search registry ("library/" added for docker.io only);
// docker.io alone when `searchRegistries` is empty. A qualified reference
// is its own only candidate.
[[nodiscard]] std::vector<ImageReference> qualifiedCandidates(const ImageReference& reference,
                                                              const std::vector<std::string>& searchRegistries);

// The key of a registry's login in ~/.docker/config.json and
// containers' auth.json: "https://index.docker.io/v1/" for docker.io
// (Docker's own spelling; "docker.io" is accepted too), else the host[:port].
[[nodiscard]] std::vector<std::string> credentialKeys(std::string_view registry);

} // namespace berth::model
