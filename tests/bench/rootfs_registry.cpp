#include "rootfs_registry.h"

#include "command.h"

#include <algorithm>
#include <cerrno>
#include <map>
#include <utility>

#include <sys/stat.h>
#include <sys/sysmacros.h>

namespace berth::bench {

namespace fs = std::filesystem;
using berth::test::LayerFile;

namespace {

// The image's platform: the host's, so that both runtimes accept it.
constexpr const char* hostArchitecture()
{
#if defined(__x86_64__)
    return "amd64";
#elif defined(__aarch64__)
    return "arm64";
#elif defined(__i386__)
    return "386";
#else
    return "unknown";
#endif
}

} // namespace

Result<std::vector<LayerFile>> treeLayerFiles(const fs::path& root)
{
    std::vector<fs::path> paths;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
        paths.push_back(it->path());
    if (ec)
        return failWith(ec.value(), "walk the rootfs: " + ec.message(), root.string());
    std::ranges::sort(paths);
    // A file with several names: the first name in the tree carries the
    // data, the others are hard links to it.
    std::map<std::pair<dev_t, ino_t>, std::string> firstName;
    std::vector<LayerFile> files;
    for (const fs::path& path : paths) {
        struct stat st {};
        if (::lstat(path.c_str(), &st) != 0)
            return failErrno(errno, "lstat '" + path.string() + "'");
        LayerFile file;
        file.path = path.lexically_relative(root).string();
        file.mode = st.st_mode & 07777;
        file.uid = st.st_uid;
        file.gid = st.st_gid;
        switch (st.st_mode & S_IFMT) {
        case S_IFDIR:
            file.type = LayerFile::Type::Dir;
            break;
        case S_IFLNK:
            file.type = LayerFile::Type::Symlink;
            file.link = fs::read_symlink(path, ec).string();
            if (ec)
                return failWith(ec.value(), "readlink: " + ec.message(), path.string());
            break;
        case S_IFREG:
            if (st.st_nlink > 1) {
                const auto [known, fresh] = firstName.try_emplace({st.st_dev, st.st_ino}, file.path);
                if (!fresh) {
                    file.type = LayerFile::Type::HardLink;
                    file.link = known->second;
                    break;
                }
            }
            file.type = LayerFile::Type::File;
            file.data = berth::test::readWholeFile(path);
            if (file.data.size() != std::size_t(st.st_size))
                return failWith(EIO, "cannot read the whole file", path.string());
            break;
        case S_IFCHR:
        case S_IFBLK:
            file.type = S_ISCHR(st.st_mode) ? LayerFile::Type::CharDevice : LayerFile::Type::BlockDevice;
            file.major = ::major(st.st_rdev);
            file.minor = ::minor(st.st_rdev);
            break;
        case S_IFIFO:
            file.type = LayerFile::Type::Fifo;
            break;
        default: // a socket: nothing a layer can carry
            continue;
        }
        files.push_back(std::move(file));
    }
    return files;
}

Status RootfsRegistry::publish(const fs::path& rootfs, const std::string& repo)
{
    if (Status ok = runChecked({"ip", "link", "set", "lo", "up"}); !ok)
        return fail(ok.error().wrap("bring lo up in the bench's network namespace"));
    auto files = treeLayerFiles(rootfs);
    if (!files)
        return fail(files.error());
    m_entries = files->size();
    berth::test::ImageSpec spec;
    spec.layers.push_back({std::move(*files)});
    spec.config.architecture = hostArchitecture();
    spec.config.env = {"PATH=/usr/sbin:/usr/bin:/sbin:/bin"};
    spec.config.cmd = {"/bin/sh"};
    const berth::test::BuiltImage image = berth::test::buildImage(spec);
    m_layerBytes = image.layersSize();
    std::string why;
    if (!m_registry.start({}, &why) || !m_registry.push(image, repo, "latest", &why))
        return failWith(EIO, "local registry: " + why);
    m_reference = m_registry.reference(repo, "latest");
    return {};
}

} // namespace berth::bench
