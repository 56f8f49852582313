#include "image/oci_resolve.h"

#include "image/oci_docker_manifest.h"
#include "image/oci_json.h"
#include "image/oci_layout.h"
#include "image/oci_manifest.h"

#include <cerrno>

namespace berth::image {

namespace {

// Nested indexes deeper than this are refused rather than followed.
constexpr int kMaxIndexDepth = 4;

Status expandIndex(int layoutFd, const std::vector<Descriptor>& entries, int depth, std::vector<Descriptor>& out);

// A nested index's manifests inherit its names when they have none, so a
// reference naming the index still finds them.
Status expandNested(int layoutFd, const Descriptor& index, int depth, std::vector<Descriptor>& out)
{
    if (depth >= kMaxIndexDepth)
        return failWith(EINVAL, "the image's indexes are nested too deeply", index.digest);
    auto path = blobPath(index.digest);
    if (!path)
        return fail(path.error());
    auto text = readVerified(layoutFd, *path, index.digest, index.size);
    if (!text)
        return fail(text.error());
    auto nested = parseIndex(*text, "index " + index.digest);
    if (!nested)
        return fail(nested.error());
    for (Descriptor& d : *nested)
        for (const auto& [key, value] : index.annotations)
            d.annotations.try_emplace(key, value);
    return expandIndex(layoutFd, *nested, depth + 1, out);
}

Status expandIndex(int layoutFd, const std::vector<Descriptor>& entries, int depth, std::vector<Descriptor>& out)
{
    for (const Descriptor& d : entries) {
        if (isManifestMediaType(d.mediaType))
            out.push_back(d);
        else if (isIndexMediaType(d.mediaType)) {
            if (auto ok = expandNested(layoutFd, d, depth, out); !ok)
                return ok;
        }
        // Anything else (attestations, artifacts) is not an image to run.
    }
    return {};
}

Result<ImageConfig> readConfig(int layoutFd, std::string_view path, std::string_view digest,
                               std::optional<std::uint64_t> size)
{
    auto text = readVerified(layoutFd, path, digest, size);
    if (!text)
        return fail(text.error());
    return parseImageConfig(*text, "config " + std::string(digest));
}

Result<ResolvedImage> fromManifest(int layoutFd, const Descriptor& descriptor, std::string_view reference)
{
    auto path = blobPath(descriptor.digest);
    if (!path)
        return fail(path.error());
    auto text = readVerified(layoutFd, *path, descriptor.digest, descriptor.size);
    if (!text)
        return fail(text.error());
    auto manifest = parseManifest(*text, "manifest " + descriptor.digest);
    if (!manifest)
        return fail(manifest.error());
    auto configPath = blobPath(manifest->config.digest);
    if (!configPath)
        return fail(configPath.error());
    auto config = readConfig(layoutFd, *configPath, manifest->config.digest, manifest->config.size);
    if (!config)
        return fail(config.error());
    ResolvedImage image{std::move(*config), {manifest->config.digest, descriptor.digest, std::string(reference)}, {}};
    for (const Descriptor& layer : manifest->layers) {
        auto layerPath = blobPath(layer.digest); // parseManifest checked the digest
        if (!layerPath)
            return fail(layerPath.error());
        image.layers.push_back({std::move(*layerPath), layer.digest, layer.size});
    }
    return image;
}

Status checkLayoutVersion(int layoutFd)
{
    auto text = readLayoutText(layoutFd, "oci-layout");
    if (!text)
        return fail(text.error());
    auto document = parseJsonObject(*text, "oci-layout");
    if (!document)
        return fail(document.error());
    auto version = requiredString(*document, "imageLayoutVersion", "oci-layout");
    if (!version)
        return fail(version.error());
    if (!version->starts_with("1."))
        return failWith(EOPNOTSUPP, "oci-layout: image layout version '" + *version + "' is not supported");
    return {};
}

Result<ResolvedImage> resolveOci(int layoutFd, std::string_view reference)
{
    if (auto ok = checkLayoutVersion(layoutFd); !ok)
        return fail(ok.error());
    auto text = readLayoutText(layoutFd, "index.json");
    if (!text)
        return fail(text.error());
    auto entries = parseIndex(*text, "index.json");
    if (!entries)
        return fail(entries.error());
    std::vector<Descriptor> manifests;
    if (auto ok = expandIndex(layoutFd, *entries, 0, manifests); !ok)
        return fail(ok.error());
    auto chosen = selectManifest(manifests, reference, hostOciArchitecture());
    if (!chosen)
        return fail(chosen.error());
    return fromManifest(layoutFd, *chosen, reference);
}

// Classic archives name layers by path; the config's diff_ids give each
// one's digest (docker saves them uncompressed, so the file hashes to it).
Result<ResolvedImage> resolveDocker(int layoutFd, std::string_view reference)
{
    auto text = readLayoutText(layoutFd, "manifest.json");
    if (!text)
        return fail(text.error());
    auto images = parseDockerManifest(*text);
    if (!images)
        return fail(images.error());
    auto chosen = selectDockerImage(*images, reference);
    if (!chosen)
        return fail(chosen.error());
    auto digest = dockerConfigDigest(chosen->config);
    if (!digest)
        return fail(digest.error());
    auto config = readConfig(layoutFd, chosen->config, *digest, std::nullopt);
    if (!config)
        return fail(config.error());
    if (config->diffIds.size() != chosen->layers.size())
        return failWith(EINVAL,
                        "config " + *digest + " lists " + std::to_string(config->diffIds.size()) +
                            " layers, manifest.json " + std::to_string(chosen->layers.size()),
                        *digest);
    ResolvedImage image{std::move(*config), {*digest, {}, std::string(reference)}, {}};
    for (std::size_t i = 0; i < chosen->layers.size(); ++i)
        image.layers.push_back({chosen->layers[i], image.config.diffIds[i], std::nullopt});
    return image;
}

} // namespace

Result<ResolvedImage> resolveImage(int layoutFd, std::string_view reference)
{
    if (layoutHas(layoutFd, "index.json"))
        return resolveOci(layoutFd, reference);
    if (layoutHas(layoutFd, "manifest.json"))
        return resolveDocker(layoutFd, reference);
    return failWith(EINVAL, "the input is neither an OCI image layout (no index.json) nor a docker save archive "
                            "(no manifest.json)");
}

} // namespace berth::image
