// From a reference to the image a registry holds for this host (issue #21):
// the manifest (an index or manifest list resolved to the host's
// platform), the config, and the layers to fetch — every document checked
// against its digest before it is parsed, every size capped, every media
// type checked. Nothing is written to disk here.
#pragma once

#include "berth/error.h"
#include "berth/model/image_reference.h"
#include "image/oci_image_config.h"

#include <cstdint>
#include <string>
#include <vector>

namespace berth::registry {

class Session;

// Caps on what a registry may send.
inline constexpr std::uint64_t kMaxManifestBytes = std::uint64_t{4} << 20;
inline constexpr std::uint64_t kMaxConfigBytes = std::uint64_t{8} << 20;
inline constexpr std::uint64_t kMaxLayerBytes = std::uint64_t{8} << 30;

struct LayerDescriptor {
    std::string mediaType; // OCI or docker tar, tar+gzip, tar+zstd (never non-distributable)
    std::string digest;    // "sha256:<hex>" of the compressed blob
    std::uint64_t size = 0;
    std::string diffId; // "sha256:<hex>" of the uncompressed tar (the config's rootfs.diff_ids entry)
};

struct RemoteImage {
    model::ImageReference reference; // fully qualified, as asked
    std::string indexDigest;         // when the reference named an index or manifest list; else ""
    std::string manifestDigest;      // of the platform's manifest, computed from its bytes
    std::string manifestMediaType;
    std::string manifest;     // its verified bytes
    std::string configDigest; // the image ID
    std::string config;       // its verified bytes
    image::ImageConfig parsedConfig;
    std::vector<LayerDescriptor> layers; // bottom first, as many as the config's diff IDs
};

// Resolves `reference` (qualified: a short name is the caller's to expand
// with model::qualifiedCandidates) at its registry. Errors name the
// reference: "pull 'REF': ...". A registry's 404 is ENOENT.
[[nodiscard]] Result<RemoteImage> resolveRemote(Session& session, const model::ImageReference& reference);

} // namespace berth::registry
