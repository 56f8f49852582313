// ImageBuilder's configs, manifests, indexes and OCI layouts.
#include "image_builder.h"

#include "child_process.h"
#include "encoding.h"

#include <nlohmann/json.hpp>

namespace berth::test {

std::string compressLayer(const std::string& tar, Compression compression);

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string layerMediaType(Compression compression, ManifestFormat format)
{
    if (format == ManifestFormat::DockerV2)
        return media::kDockerLayer;
    switch (compression) {
    case Compression::None:
        return "application/vnd.oci.image.layer.v1.tar";
    case Compression::Gzip:
        return "application/vnd.oci.image.layer.v1.tar+gzip";
    case Compression::Zstd:
        return "application/vnd.oci.image.layer.v1.tar+zstd";
    }
    return {};
}

json objectOfKeys(const std::vector<std::string>& keys)
{
    json object = json::object();
    for (const std::string& key : keys)
        object[key] = json::object();
    return object;
}

// The image config: platform, process fields, rootfs diff IDs, history.
std::string configJson(const ImageConfigSpec& spec, const std::vector<std::string>& diffIds)
{
    json process = json::object();
    if (!spec.entrypoint.empty())
        process["Entrypoint"] = spec.entrypoint;
    if (!spec.cmd.empty())
        process["Cmd"] = spec.cmd;
    if (!spec.env.empty())
        process["Env"] = spec.env;
    if (!spec.workingDir.empty())
        process["WorkingDir"] = spec.workingDir;
    if (!spec.user.empty())
        process["User"] = spec.user;
    if (!spec.stopSignal.empty())
        process["StopSignal"] = spec.stopSignal;
    if (!spec.exposedPorts.empty())
        process["ExposedPorts"] = objectOfKeys(spec.exposedPorts);
    if (!spec.labels.empty())
        process["Labels"] = spec.labels;
    json config = {{"created", spec.created},
                   {"os", spec.os},
                   {"architecture", spec.architecture},
                   {"config", process},
                   {"rootfs", {{"type", "layers"}, {"diff_ids", diffIds}}}};
    if (!spec.variant.empty())
        config["variant"] = spec.variant;
    json history = json::array();
    for (std::size_t i = 0; i < diffIds.size(); ++i)
        history.push_back({{"created", spec.created}, {"created_by", "berth test layer " + std::to_string(i)}});
    config["history"] = history;
    return config.dump();
}

json descriptorOf(const std::string& mediaType, const std::string& data)
{
    return {{"mediaType", mediaType}, {"digest", sha256Digest(data)}, {"size", data.size()}};
}

json platformOf(const BuiltImage& image)
{
    json platform = {{"architecture", image.architecture}, {"os", image.os}};
    if (!image.variant.empty())
        platform["variant"] = image.variant;
    return platform;
}

bool writeBlobs(const fs::path& dir, const std::map<std::string, Blob>& blobs, std::string* why)
{
    std::error_code ec;
    fs::create_directories(dir / "blobs/sha256", ec);
    for (const auto& [digest, blob] : blobs) {
        if (ec || !writeWholeFile(dir / "blobs/sha256" / digest.substr(7), blob.data)) {
            if (why)
                *why = "OCI layout " + dir.string() + ": cannot write " + digest;
            return false;
        }
    }
    return writeWholeFile(dir / "oci-layout", R"({"imageLayoutVersion":"1.0.0"})");
}

// Adds (or replaces) `tag` in the layout's index.json.
bool addToIndexJson(const fs::path& dir, const json& descriptor, const std::string& tag, std::string* why)
{
    json index = {{"schemaVersion", 2}, {"manifests", json::array()}};
    if (fs::exists(dir / "index.json"))
        index = json::parse(readWholeFile(dir / "index.json"), nullptr, false);
    json manifests = json::array();
    for (const json& entry : index.value("manifests", json::array())) {
        if (entry.value("annotations", json::object()).value("org.opencontainers.image.ref.name", "") != tag)
            manifests.push_back(entry);
    }
    json tagged = descriptor;
    tagged["annotations"] = {{"org.opencontainers.image.ref.name", tag}};
    manifests.push_back(tagged);
    index["manifests"] = manifests;
    if (!writeWholeFile(dir / "index.json", index.dump())) {
        if (why)
            *why = "OCI layout " + dir.string() + ": cannot write index.json";
        return false;
    }
    return true;
}

} // namespace

std::uint64_t BuiltImage::layersSize() const
{
    std::uint64_t size = 0;
    for (const std::string& digest : layerDigests)
        size += blobs.at(digest).data.size();
    return size;
}

BuiltImage buildImage(const ImageSpec& spec, ManifestFormat format)
{
    const bool docker = format == ManifestFormat::DockerV2;
    BuiltImage image;
    image.os = spec.config.os;
    image.architecture = spec.config.architecture;
    image.variant = spec.config.variant;
    json layers = json::array();
    for (const LayerSpec& layer : spec.layers) {
        const std::string tar = layerTar(layer);
        const Compression compression = docker ? Compression::Gzip : layer.compression;
        const std::string stored = compressLayer(tar, compression);
        const std::string mediaType = layerMediaType(compression, format);
        image.diffIds.push_back(sha256Digest(tar));
        image.layerDigests.push_back(sha256Digest(stored));
        image.layerMediaTypes.push_back(mediaType);
        image.blobs[image.layerDigests.back()] = {mediaType, stored};
        layers.push_back(descriptorOf(mediaType, stored));
    }
    image.config = configJson(spec.config, image.diffIds);
    image.configDigest = sha256Digest(image.config);
    const std::string configType = docker ? media::kDockerConfig : media::kOciConfig;
    image.blobs[image.configDigest] = {configType, image.config};
    image.manifestMediaType = docker ? media::kDockerManifest : media::kOciManifest;
    const json manifest = {{"schemaVersion", 2},
                           {"mediaType", image.manifestMediaType},
                           {"config", descriptorOf(configType, image.config)},
                           {"layers", layers}};
    image.manifest = manifest.dump();
    image.manifestDigest = sha256Digest(image.manifest);
    image.blobs[image.manifestDigest] = {image.manifestMediaType, image.manifest};
    return image;
}

BuiltIndex buildIndex(const std::vector<BuiltImage>& images, ManifestFormat format)
{
    BuiltIndex index;
    index.images = images;
    index.mediaType = format == ManifestFormat::DockerV2 ? media::kDockerList : media::kOciIndex;
    json manifests = json::array();
    for (const BuiltImage& image : images) {
        json descriptor = descriptorOf(image.manifestMediaType, image.manifest);
        descriptor["platform"] = platformOf(image);
        manifests.push_back(descriptor);
        index.blobs.insert(image.blobs.begin(), image.blobs.end());
    }
    index.index = json({{"schemaVersion", 2}, {"mediaType", index.mediaType}, {"manifests", manifests}}).dump();
    index.digest = sha256Digest(index.index);
    index.blobs[index.digest] = {index.mediaType, index.index};
    return index;
}

bool writeOciLayout(const fs::path& dir, const BuiltImage& image, const std::string& tag, std::string* why)
{
    return writeBlobs(dir, image.blobs, why) &&
           addToIndexJson(dir, descriptorOf(image.manifestMediaType, image.manifest), tag, why);
}

bool writeOciLayout(const fs::path& dir, const BuiltIndex& index, const std::string& tag, std::string* why)
{
    return writeBlobs(dir, index.blobs, why) &&
           addToIndexJson(dir, descriptorOf(index.mediaType, index.index), tag, why);
}

} // namespace berth::test
