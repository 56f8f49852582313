// Builds OCI images in memory from a description and writes them as OCI
// image layouts: layers of files, directories, links, devices and
// whiteouts (`.wh.NAME`, `.wh..wh..opq`), busybox-static so the image runs,
// a config with the process fields, OCI or Docker schema 2 manifests, an OCI
// index or a Docker manifest list over several platforms. Tar by libarchive
// (gzip, zstd or none), digests by OpenSSL. Hostile entries (`../x`,
// absolute paths, device nodes) are written as given, on purpose.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <sys/types.h>

namespace berth::test {

struct LayerFile {
    enum class Type { File, Dir, Symlink, HardLink, CharDevice, BlockDevice, Fifo };
    Type type = Type::File;
    std::string path; // as written into the tar, unchecked
    std::string data; // File
    std::string link; // Symlink, HardLink
    mode_t mode = 0644;
    uid_t uid = 0;
    gid_t gid = 0;
    unsigned major = 0; // devices
    unsigned minor = 0;

    static LayerFile file(std::string path, std::string data, mode_t mode = 0644);
    static LayerFile dir(std::string path, mode_t mode = 0755);
    static LayerFile symlink(std::string path, std::string target);
    static LayerFile hardLink(std::string path, std::string target);
    static LayerFile charDevice(std::string path, unsigned major, unsigned minor);
    // `.wh.NAME` beside path: removes path of the layers below.
    static LayerFile whiteout(const std::string& path);
    // `DIR/.wh..wh..opq`: hides what the layers below have in dir.
    static LayerFile opaque(const std::string& dir);
};

enum class Compression { None, Gzip, Zstd };

struct LayerSpec {
    std::vector<LayerFile> files;
    Compression compression = Compression::Gzip;
};

// bin/busybox (the host's /bin/busybox, busybox-static) and bin/APPLET links
// to it, plus etc/passwd and etc/group naming root and `app` (1000).
std::vector<LayerFile> busyboxFiles(const std::vector<std::string>& applets = {"sh", "cat", "ls", "echo", "id", "pwd",
                                                                               "sleep", "true", "env"});
// `size` bytes that compress about as badly as real binaries (xorshift).
std::string pseudoRandomData(std::size_t size, unsigned seed);

struct ImageConfigSpec {
    std::string os = "linux";
    std::string architecture = "amd64";
    std::string variant;
    std::vector<std::string> entrypoint;
    std::vector<std::string> cmd;
    std::vector<std::string> env = {"PATH=/bin"};
    std::string workingDir;
    std::string user;
    std::string stopSignal;
    std::vector<std::string> exposedPorts; // "80/tcp", "53/udp"
    std::map<std::string, std::string> labels;
    std::string created = "2026-01-01T00:00:00Z";
};

struct ImageSpec {
    std::vector<LayerSpec> layers; // bottom first
    ImageConfigSpec config;
};

enum class ManifestFormat { Oci, DockerV2 };

namespace media {
inline constexpr const char* kOciManifest = "application/vnd.oci.image.manifest.v1+json";
inline constexpr const char* kOciIndex = "application/vnd.oci.image.index.v1+json";
inline constexpr const char* kOciConfig = "application/vnd.oci.image.config.v1+json";
inline constexpr const char* kDockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
inline constexpr const char* kDockerList = "application/vnd.docker.distribution.manifest.list.v2+json";
inline constexpr const char* kDockerConfig = "application/vnd.docker.container.image.v1+json";
inline constexpr const char* kDockerLayer = "application/vnd.docker.image.rootfs.diff.tar.gzip";
} // namespace media

struct Blob {
    std::string mediaType;
    std::string data;
};

struct BuiltImage {
    std::string manifest;
    std::string manifestMediaType;
    std::string manifestDigest;
    std::string config;
    std::string configDigest;
    std::vector<std::string> layerDigests; // bottom first, as stored (compressed)
    std::vector<std::string> diffIds;      // sha256 of each uncompressed tar
    std::vector<std::string> layerMediaTypes;
    std::string os, architecture, variant;
    // Every blob by digest: config and layers (manifest too, by its digest).
    std::map<std::string, Blob> blobs;

    [[nodiscard]] std::uint64_t layersSize() const; // compressed bytes of all layers
};

// An OCI index or a Docker manifest list over images of the same format.
struct BuiltIndex {
    std::string index;
    std::string mediaType;
    std::string digest;
    std::vector<BuiltImage> images;
    std::map<std::string, Blob> blobs; // the images' blobs and the index itself
};

// The uncompressed tar of a layer.
std::string layerTar(const LayerSpec& layer);
BuiltImage buildImage(const ImageSpec& spec, ManifestFormat format = ManifestFormat::Oci);
BuiltIndex buildIndex(const std::vector<BuiltImage>& images, ManifestFormat format = ManifestFormat::Oci);

// An OCI image layout at dir (made if missing; blobs added to what is there)
// whose index.json names the image (or the index) as `tag`, for
// `skopeo copy oci:DIR:TAG ...`.
bool writeOciLayout(const std::filesystem::path& dir, const BuiltImage& image, const std::string& tag,
                    std::string* why);
bool writeOciLayout(const std::filesystem::path& dir, const BuiltIndex& index, const std::string& tag,
                    std::string* why);

} // namespace berth::test
