// OCI image indexes and manifests (and their docker v2 equivalents):
// parsing and picking the manifest a reference names. Pure functions on
// the documents' text; reading and checking blobs is oci_layout.h's.
#pragma once

#include "berth/error.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace berth::image {

namespace media {
inline constexpr std::string_view kOciIndex = "application/vnd.oci.image.index.v1+json";
inline constexpr std::string_view kOciManifest = "application/vnd.oci.image.manifest.v1+json";
inline constexpr std::string_view kDockerList = "application/vnd.docker.distribution.manifest.list.v2+json";
inline constexpr std::string_view kDockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
} // namespace media

inline constexpr std::string_view kRefNameAnnotation = "org.opencontainers.image.ref.name";
// What containerd and docker >= 25 add: the full name, "docker.io/library/busybox:latest".
inline constexpr std::string_view kImageNameAnnotation = "io.containerd.image.name";

struct Descriptor {
    std::string mediaType;
    std::string digest;                // "sha256:<hex>", checked
    std::optional<std::uint64_t> size; // required in OCI documents
    std::map<std::string, std::string, std::less<>> annotations;
    std::string os, architecture; // platform, when given
};

[[nodiscard]] bool isIndexMediaType(std::string_view mediaType);
[[nodiscard]] bool isManifestMediaType(std::string_view mediaType);
// Layer media types we can apply (tar, gzip, zstd; OCI and docker names).
[[nodiscard]] bool isLayerMediaType(std::string_view mediaType);

// The descriptors listed by an index (index.json or a nested index blob).
[[nodiscard]] Result<std::vector<Descriptor>> parseIndex(std::string_view text, std::string_view what);

struct Manifest {
    Descriptor config;
    std::vector<Descriptor> layers;
};
[[nodiscard]] Result<Manifest> parseManifest(std::string_view text, std::string_view what);

// The names a descriptor is known by (its ref.name and image name
// annotations), for matching and for messages.
[[nodiscard]] std::vector<std::string> descriptorNames(const Descriptor& descriptor);
// True when `reference` is one of `names` (ref.name "latest" or
// "busybox:latest", a full image name, a docker RepoTag), where docker's
// implicit "docker.io/library/" and "docker.io/" do not count.
[[nodiscard]] bool referenceMatches(const std::vector<std::string>& names, std::string_view reference);

// Manifests for another OS or architecture than this host's are dropped
// first (a multi-platform index); then `reference` picks one by name, or,
// when empty, the only one. Several without a reference: EINVAL listing
// them; no match: ENOENT naming the reference.
[[nodiscard]] Result<Descriptor> selectManifest(const std::vector<Descriptor>& manifests, std::string_view reference,
                                                std::string_view hostArchitecture);

// This host's architecture in OCI's words ("amd64", "arm64", ...).
[[nodiscard]] std::string_view hostOciArchitecture();

} // namespace berth::image
