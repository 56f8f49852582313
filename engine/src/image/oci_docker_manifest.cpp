#include "image/oci_docker_manifest.h"

#include "image/oci_digest.h"
#include "image/oci_json.h"
#include "image/oci_manifest.h"

#include <algorithm>
#include <cerrno>

namespace berth::image {

namespace {

constexpr std::string_view kWhat = "manifest.json";

Result<DockerImageEntry> parseEntry(const Json& item)
{
    if (!item.is_object())
        return failWith(EINVAL, "manifest.json: an entry is not an object", std::string(kWhat));
    DockerImageEntry entry;
    auto config = requiredString(item, "Config", kWhat);
    auto tags = stringArray(item, "RepoTags", kWhat);
    auto layers = stringArray(item, "Layers", kWhat);
    if (!config || !tags || !layers)
        return fail(!config ? config.error() : !tags ? tags.error() : layers.error());
    if (layers->empty())
        return jsonError(kWhat, "Layers", "is missing or empty");
    entry.config = std::move(*config);
    entry.repoTags = std::move(*tags);
    entry.layers = std::move(*layers);
    return entry;
}

std::string listImages(const std::vector<DockerImageEntry>& images)
{
    std::string text;
    for (const DockerImageEntry& image : images)
        text += (text.empty() ? "'" : ", '") + (image.repoTags.empty() ? image.config : image.repoTags.front()) + "'";
    return text;
}

} // namespace

Result<std::vector<DockerImageEntry>> parseDockerManifest(std::string_view text)
{
    if (text.size() > kMaxJsonBytes)
        return failWith(EFBIG, "manifest.json is too large", std::string(kWhat));
    const Json document = Json::parse(text, nullptr, false);
    if (document.is_discarded() || !document.is_array())
        return failWith(EINVAL, "manifest.json is not a JSON array", std::string(kWhat));
    std::vector<DockerImageEntry> images;
    for (const Json& item : document) {
        auto entry = parseEntry(item);
        if (!entry)
            return fail(entry.error());
        images.push_back(std::move(*entry));
    }
    if (images.empty())
        return failWith(EINVAL, "manifest.json lists no image", std::string(kWhat));
    return images;
}

Result<DockerImageEntry> selectDockerImage(const std::vector<DockerImageEntry>& images, std::string_view reference)
{
    if (reference.empty()) {
        if (images.size() == 1)
            return images.front();
        return failWith(EINVAL, "the archive holds several images (" + listImages(images) +
                                    "): pick one with the option 'reference'");
    }
    for (const DockerImageEntry& image : images)
        if (referenceMatches(image.repoTags, reference))
            return image;
    return failWith(ENOENT, "the archive has no image tagged '" + std::string(reference) + "' (it has " +
                                listImages(images) + ")");
}

Result<std::string> dockerConfigDigest(std::string_view configPath)
{
    std::string_view name = configPath;
    if (name.starts_with("blobs/sha256/"))
        name.remove_prefix(13);
    else if (name.ends_with(".json"))
        name.remove_suffix(5);
    const std::string digest = "sha256:" + std::string(name);
    if (auto hex = parseSha256Digest(digest); !hex)
        return failWith(EINVAL,
                        "manifest.json: config file '" + std::string(configPath) + "' is not named by its digest",
                        std::string(kWhat));
    return digest;
}

} // namespace berth::image
