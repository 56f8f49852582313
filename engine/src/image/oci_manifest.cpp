#include "image/oci_manifest.h"

#include "image/oci_digest.h"
#include "image/oci_json.h"

#include <algorithm>
#include <array>
#include <cerrno>

namespace berth::image {

bool isIndexMediaType(std::string_view mediaType)
{
    return mediaType == media::kOciIndex || mediaType == media::kDockerList;
}

bool isManifestMediaType(std::string_view mediaType)
{
    return mediaType == media::kOciManifest || mediaType == media::kDockerManifest;
}

bool isLayerMediaType(std::string_view mediaType)
{
    static constexpr std::array<std::string_view, 8> kLayers = {
        "application/vnd.oci.image.layer.v1.tar",
        "application/vnd.oci.image.layer.v1.tar+gzip",
        "application/vnd.oci.image.layer.v1.tar+zstd",
        "application/vnd.oci.image.layer.nondistributable.v1.tar",
        "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip",
        "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd",
        "application/vnd.docker.image.rootfs.diff.tar.gzip",
        "application/vnd.docker.image.rootfs.diff.tar",
    };
    return std::find(kLayers.begin(), kLayers.end(), mediaType) != kLayers.end();
}

namespace {

Result<std::optional<std::uint64_t>> readSize(const Json& object, std::string_view what)
{
    const auto it = object.find("size");
    if (it == object.end())
        return std::optional<std::uint64_t>();
    if (!it->is_number_unsigned())
        return jsonError(what, "size", "is not a non-negative integer");
    return std::optional<std::uint64_t>(it->get<std::uint64_t>());
}

Status readPlatform(const Json& object, Descriptor& d, std::string_view what)
{
    auto platform = optionalObject(object, "platform", what);
    if (!platform)
        return fail(platform.error());
    if (!*platform)
        return {};
    auto os = optionalString(**platform, "os", what);
    auto arch = optionalString(**platform, "architecture", what);
    if (!os || !arch)
        return fail(!os ? os.error() : arch.error());
    d.os = os->value_or("");
    d.architecture = arch->value_or("");
    return {};
}

// One descriptor; OCI requires mediaType, digest and size in each.
Result<Descriptor> parseDescriptor(const Json& object, std::string_view what)
{
    if (!object.is_object())
        return failWith(EINVAL, std::string(what) + ": a descriptor is not an object", std::string(what));
    Descriptor d;
    auto mediaType = requiredString(object, "mediaType", what);
    auto digest = requiredString(object, "digest", what);
    if (!mediaType || !digest)
        return fail(!mediaType ? mediaType.error() : digest.error());
    if (auto hex = parseSha256Digest(*digest); !hex)
        return fail(hex.error().wrap(what));
    auto size = readSize(object, what);
    if (!size)
        return fail(size.error());
    if (!*size)
        return jsonError(what, "size", "is missing from the descriptor of " + *digest);
    auto annotations = stringMap(object, "annotations", what);
    if (!annotations)
        return fail(annotations.error());
    d.mediaType = std::move(*mediaType);
    d.digest = std::move(*digest);
    d.size = *size;
    d.annotations.insert(annotations->begin(), annotations->end());
    if (auto ok = readPlatform(object, d, what); !ok)
        return fail(ok.error());
    return d;
}

Result<std::vector<Descriptor>> parseDescriptorArray(const Json& document, std::string_view key, std::string_view what)
{
    auto array = requiredArray(document, key, what);
    if (!array)
        return fail(array.error());
    std::vector<Descriptor> list;
    for (const Json& item : **array) {
        auto d = parseDescriptor(item, what);
        if (!d)
            return fail(d.error());
        list.push_back(std::move(*d));
    }
    return list;
}

Status checkSchemaVersion(const Json& document, std::string_view what)
{
    const auto it = document.find("schemaVersion");
    if (it == document.end() || !it->is_number_integer() || it->get<std::int64_t>() != 2)
        return jsonError(what, "schemaVersion", "is not 2");
    return {};
}

} // namespace

Result<std::vector<Descriptor>> parseIndex(std::string_view text, std::string_view what)
{
    auto document = parseJsonObject(text, what);
    if (!document)
        return fail(document.error());
    if (auto ok = checkSchemaVersion(*document, what); !ok)
        return fail(ok.error());
    return parseDescriptorArray(*document, "manifests", what);
}

Result<Manifest> parseManifest(std::string_view text, std::string_view what)
{
    auto document = parseJsonObject(text, what);
    if (!document)
        return fail(document.error());
    if (auto ok = checkSchemaVersion(*document, what); !ok)
        return fail(ok.error());
    const auto config = document->find("config");
    if (config == document->end())
        return jsonError(what, "config", "is missing");
    auto configDescriptor = parseDescriptor(*config, what);
    if (!configDescriptor)
        return fail(configDescriptor.error());
    auto layers = parseDescriptorArray(*document, "layers", what);
    if (!layers)
        return fail(layers.error());
    for (const Descriptor& layer : *layers)
        if (!isLayerMediaType(layer.mediaType))
            return failWith(EOPNOTSUPP,
                            std::string(what) + ": layer " + layer.digest + " has media type '" + layer.mediaType +
                                "', which Berth cannot apply",
                            layer.digest);
    return Manifest{std::move(*configDescriptor), std::move(*layers)};
}

std::vector<std::string> descriptorNames(const Descriptor& descriptor)
{
    std::vector<std::string> names;
    for (std::string_view key : {kImageNameAnnotation, kRefNameAnnotation})
        if (const auto it = descriptor.annotations.find(key); it != descriptor.annotations.end() && !it->second.empty())
            names.push_back(it->second);
    return names;
}

namespace {

// Docker's implicit registry and namespace, left out so "busybox:latest"
// and "docker.io/library/busybox:latest" compare equal.
std::string_view withoutDockerHub(std::string_view name)
{
    for (std::string_view prefix : {"docker.io/library/", "docker.io/"})
        if (name.starts_with(prefix))
            return name.substr(prefix.size());
    return name;
}

} // namespace

bool referenceMatches(const std::vector<std::string>& names, std::string_view reference)
{
    const std::string_view ref = withoutDockerHub(reference);
    return !ref.empty() && std::any_of(names.begin(), names.end(),
                                       [&](const std::string& name) { return withoutDockerHub(name) == ref; });
}

namespace {

bool forThisHost(const Descriptor& d, std::string_view arch)
{
    return (d.os.empty() || d.os == "linux") && (d.architecture.empty() || d.architecture == arch);
}

std::string listManifests(const std::vector<Descriptor>& manifests)
{
    std::string text;
    for (const Descriptor& d : manifests) {
        const auto names = descriptorNames(d);
        text += (text.empty() ? "" : ", ") + (names.empty() ? d.digest : "'" + names.front() + "'");
    }
    return text;
}

} // namespace

Result<Descriptor> selectManifest(const std::vector<Descriptor>& manifests, std::string_view reference,
                                  std::string_view hostArchitecture)
{
    std::vector<Descriptor> usable;
    std::copy_if(manifests.begin(), manifests.end(), std::back_inserter(usable),
                 [&](const Descriptor& d) { return forThisHost(d, hostArchitecture); });
    if (usable.empty())
        return failWith(ENOENT, "the image has no manifest for linux/" + std::string(hostArchitecture));
    if (reference.empty()) {
        if (usable.size() == 1)
            return usable.front();
        return failWith(EINVAL, "the image holds several manifests (" + listManifests(usable) +
                                    "): pick one with the option 'reference'");
    }
    for (const Descriptor& d : usable)
        if (referenceMatches(descriptorNames(d), reference))
            return d;
    return failWith(ENOENT, "the image has no manifest named '" + std::string(reference) + "' (it has " +
                                listManifests(usable) + ")");
}

std::string_view hostOciArchitecture()
{
#if defined(__x86_64__)
    return "amd64";
#elif defined(__aarch64__)
    return "arm64";
#elif defined(__i386__)
    return "386";
#elif defined(__arm__)
    return "arm";
#elif defined(__powerpc64__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return "ppc64le";
#elif defined(__s390x__)
    return "s390x";
#elif defined(__riscv) && __riscv_xlen == 64
    return "riscv64";
#else
    return "unknown";
#endif
}

} // namespace berth::image
