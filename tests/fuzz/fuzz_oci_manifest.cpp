// OCI index.json and manifests come from image archives the caller hands
// in. Digests become blob file names (blobs/sha256/<hex>), so a digest
// that parsing accepts must be exactly "sha256:" and 64 lowercase hex
// digits: anything else could name a path outside the layout.
#include "fuzz_invariant.h"
#include "image/oci_manifest.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

namespace {

using berth::fuzz::require;
using berth::image::Descriptor;

void checkDigest(const Descriptor& descriptor)
{
    const std::string& digest = descriptor.digest;
    const bool hex = std::all_of(digest.begin() + std::min<std::size_t>(7, digest.size()), digest.end(),
                                 [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
    require(digest.size() == 71 && digest.starts_with("sha256:") && hex, "digest is sha256:<64 hex>", digest);
}

void checkIndex(std::string_view text)
{
    auto manifests = berth::image::parseIndex(text, "index.json");
    if (!manifests)
        return;
    for (const Descriptor& d : *manifests) {
        checkDigest(d);
        (void)berth::image::referenceMatches(berth::image::descriptorNames(d), "latest");
    }
    for (std::string_view reference : {"", "latest", "busybox:latest", "docker.io/library/busybox:latest"}) {
        auto chosen = berth::image::selectManifest(*manifests, reference, berth::image::hostOciArchitecture());
        if (!chosen)
            continue;
        const bool listed = std::any_of(manifests->begin(), manifests->end(),
                                        [&](const Descriptor& d) { return d.digest == chosen->digest; });
        require(listed, "the selected manifest is one the index lists", chosen->digest);
    }
}

void checkManifest(std::string_view text)
{
    auto manifest = berth::image::parseManifest(text, "manifest");
    if (!manifest)
        return;
    checkDigest(manifest->config);
    for (const Descriptor& layer : manifest->layers)
        checkDigest(layer);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text = berth::fuzz::asText(data, size);
    checkIndex(text);
    checkManifest(text);
    return 0;
}
