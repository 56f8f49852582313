#include "registry/remote_image.h"

#include "image/oci_digest.h"
#include "image/oci_json.h"
#include "image/oci_manifest.h"
#include "registry/session.h"

#include <cerrno>

namespace berth::registry {

namespace {

constexpr std::string_view kAccept = "Accept: application/vnd.oci.image.index.v1+json, "
                                     "application/vnd.oci.image.manifest.v1+json, "
                                     "application/vnd.docker.distribution.manifest.list.v2+json, "
                                     "application/vnd.docker.distribution.manifest.v2+json";

struct Document {
    std::string mediaType;
    std::string digest; // computed from the bytes
    std::string text;
};

// "type; charset=..." -> "type".
std::string_view bareMediaType(std::string_view contentType)
{
    contentType = contentType.substr(0, contentType.find(';'));
    while (!contentType.empty() && contentType.back() == ' ')
        contentType.remove_suffix(1);
    return contentType;
}

bool isSchema1(std::string_view mediaType)
{
    return mediaType.starts_with("application/vnd.docker.distribution.manifest.v1");
}

// The media type a manifest is: its own "mediaType" field, which must agree
// with what the registry said it sent; the Content-Type alone when the
// document names none (OCI allows that).
Result<std::string> mediaTypeOf(std::string_view contentType, std::string_view text, std::string_view what)
{
    auto json = image::parseJsonObject(text, what);
    if (!json)
        return fail(json.error());
    if (const auto v = json->find("schemaVersion"); isSchema1(contentType) || (v != json->end() && *v == 1))
        return failWith(EOPNOTSUPP, std::string(what) +
                                        " is a Docker schema 1 manifest, which Berth does not pull (deprecated "
                                        "since 2017; push the image again with a current tool)");
    auto declared = image::optionalString(*json, "mediaType", what);
    if (!declared)
        return fail(declared.error());
    std::string type = declared->value_or(std::string(contentType));
    // Neither names a manifest type (an OCI document without mediaType sent
    // as plain JSON): its members tell, as the OCI spec's own detection does.
    if (!image::isIndexMediaType(type) && !image::isManifestMediaType(type) && !declared->has_value())
        type = json->contains("manifests") ? std::string(image::media::kOciIndex)
               : json->contains("layers")  ? std::string(image::media::kOciManifest)
                                           : type;
    if (declared->has_value() && !contentType.empty() && contentType != "application/json" && type != contentType)
        return failWith(EINVAL, std::string(what) + " says it is '" + type + "' but was sent as '" +
                                    std::string(contentType) + "'");
    if (!image::isIndexMediaType(type) && !image::isManifestMediaType(type))
        return failWith(EOPNOTSUPP, std::string(what) + " has media type '" + type + "', not an image manifest");
    return type;
}

// GET manifests/<reference>, capped and checked: by digest, the bytes must
// hash to it.
Result<Document> fetchManifest(Session& session, const model::ImageReference& ref, std::string_view tagOrDigest)
{
    const std::string what = "manifest '" + std::string(tagOrDigest) + "'";
    HttpRequest request{.headers = {std::string(kAccept)}, .maxBodyBytes = kMaxManifestBytes};
    auto answer = session.get(ref, "manifests/" + std::string(tagOrDigest), request, {});
    if (!answer)
        return fail(answer.error());
    if (answer->status != 200)
        return fail(statusError(*answer, what));
    Document doc{{}, image::sha256OfText(answer->body), std::move(answer->body)};
    if (tagOrDigest.starts_with("sha256:") && doc.digest != tagOrDigest)
        return failWith(EINVAL, what + " does not match its digest (the registry sent " + doc.digest + ")");
    auto type = mediaTypeOf(bareMediaType(answer->header("content-type")), doc.text, what);
    if (!type)
        return fail(type.error());
    doc.mediaType = std::move(*type);
    return doc;
}

std::string platformText(const image::Descriptor& d)
{
    return (d.os.empty() ? "?" : d.os) + "/" + (d.architecture.empty() ? "?" : d.architecture);
}

// The index's manifest for linux on this host's architecture.
Result<image::Descriptor> pickPlatform(const Document& index, const model::ImageReference& ref)
{
    auto entries = image::parseIndex(index.text, "index " + index.digest);
    if (!entries)
        return fail(entries.error());
    const std::string_view arch = image::hostOciArchitecture();
    std::string offered;
    for (const image::Descriptor& d : *entries) {
        if (d.os == "linux" && d.architecture == arch && image::isManifestMediaType(d.mediaType))
            return d;
        if (d.os != "unknown" && image::isManifestMediaType(d.mediaType)) // not an attestation
            offered += (offered.empty() ? "" : ", ") + platformText(d);
    }
    return failWith(ENOENT, "no image for linux/" + std::string(arch) + " in '" + ref.text() + "' (it has " +
                                (offered.empty() ? std::string("none") : offered) + ")");
}

// The platform's manifest itself, held to the index's descriptor.
Result<Document> fetchChosen(Session& session, const model::ImageReference& ref, const image::Descriptor& chosen)
{
    auto doc = fetchManifest(session, ref, chosen.digest);
    if (!doc)
        return doc;
    if (chosen.size && *chosen.size != doc->text.size())
        return failWith(EINVAL, "manifest " + chosen.digest + " is " + std::to_string(doc->text.size()) +
                                    " bytes, the index says " + std::to_string(*chosen.size));
    if (!image::isManifestMediaType(doc->mediaType))
        return failWith(EOPNOTSUPP, "manifest " + chosen.digest + " is an index inside an index");
    return doc;
}

Result<std::string> fetchConfig(Session& session, const model::ImageReference& ref, const image::Descriptor& config)
{
    const std::string what = "config " + config.digest;
    if (config.size && *config.size > kMaxConfigBytes)
        return failWith(EFBIG, what + " is " + std::to_string(*config.size) + " bytes, more than Berth accepts");
    HttpRequest request{.maxBodyBytes = kMaxConfigBytes};
    auto answer = session.get(ref, "blobs/" + config.digest, request, {});
    if (!answer)
        return fail(answer.error());
    if (answer->status != 200)
        return fail(statusError(*answer, what));
    const std::string actual = image::sha256OfText(answer->body);
    if (auto ok = image::checkDigest(config.digest, config.size, actual, answer->body.size()); !ok)
        return fail(ok.error());
    return std::move(answer->body);
}

bool isNonDistributable(std::string_view mediaType)
{
    return mediaType.find("nondistributable") != std::string_view::npos ||
           mediaType.find("foreign") != std::string_view::npos;
}

Status checkPlatform(const image::ImageConfig& config)
{
    const std::string_view arch = image::hostOciArchitecture();
    if ((!config.os.empty() && config.os != "linux") || (!config.architecture.empty() && config.architecture != arch))
        return failWith(ENOEXEC, "the image is for " + config.os + "/" + config.architecture + ", this host is linux/" +
                                     std::string(arch));
    return {};
}

// The layers, each capped and of a kind Berth applies, paired with the
// config's diff IDs.
Status collectLayers(const image::Manifest& manifest, RemoteImage& image)
{
    const auto& diffIds = image.parsedConfig.diffIds;
    if (diffIds.size() != manifest.layers.size())
        return failWith(EINVAL, "the manifest lists " + std::to_string(manifest.layers.size()) +
                                    " layers, the config " + std::to_string(diffIds.size()) + " diff IDs");
    for (std::size_t i = 0; i < manifest.layers.size(); ++i) {
        const image::Descriptor& layer = manifest.layers[i];
        if (isNonDistributable(layer.mediaType))
            return failWith(EOPNOTSUPP, "layer " + layer.digest + " is non-distributable ('" + layer.mediaType +
                                            "'): it is not in the registry");
        if (!layer.size || *layer.size > kMaxLayerBytes)
            return failWith(EFBIG,
                            "layer " + layer.digest + " is larger than " + std::to_string(kMaxLayerBytes) + " bytes");
        image.layers.push_back({layer.mediaType, layer.digest, *layer.size, diffIds[i]});
    }
    return {};
}

Result<RemoteImage> resolve(Session& session, const model::ImageReference& ref)
{
    RemoteImage image{.reference = ref};
    auto doc = fetchManifest(session, ref, ref.digest.empty() ? ref.tag : ref.digest);
    if (!doc)
        return fail(doc.error());
    if (image::isIndexMediaType(doc->mediaType)) {
        image.indexDigest = doc->digest;
        auto chosen = pickPlatform(*doc, ref);
        if (!chosen)
            return fail(chosen.error());
        doc = fetchChosen(session, ref, *chosen);
        if (!doc)
            return fail(doc.error());
    }
    auto manifest = image::parseManifest(doc->text, "manifest " + doc->digest);
    if (!manifest)
        return fail(manifest.error());
    auto config = fetchConfig(session, ref, manifest->config);
    if (!config)
        return fail(config.error());
    auto parsed = image::parseImageConfig(*config, "config " + manifest->config.digest);
    if (!parsed)
        return fail(parsed.error());
    if (auto ok = checkPlatform(*parsed); !ok)
        return fail(ok.error());
    image.manifestDigest = doc->digest;
    image.manifestMediaType = doc->mediaType;
    image.manifest = std::move(doc->text);
    image.configDigest = manifest->config.digest;
    image.config = std::move(*config);
    image.parsedConfig = std::move(*parsed);
    if (auto ok = collectLayers(*manifest, image); !ok)
        return fail(ok.error());
    return image;
}

} // namespace

Result<RemoteImage> resolveRemote(Session& session, const model::ImageReference& reference)
{
    if (reference.isShortName())
        return failWith(EINVAL, "pull '" + reference.text() + "': a short name must be qualified first");
    auto image = resolve(session, reference);
    if (!image)
        return fail(image.error().wrap("pull '" + reference.text() + "'"));
    return image;
}

} // namespace berth::registry
