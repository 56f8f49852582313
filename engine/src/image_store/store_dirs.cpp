#include "image_store/store_dirs.h"

#include "image/oci_digest.h"

#include <cerrno>

#include <fcntl.h>
#include <sys/stat.h>

namespace berth::image_store {

namespace {

Result<UniqueFd> openSubdir(int parentFd, const std::filesystem::path& shown, const char* name, mode_t mode,
                            bool create)
{
    if (create && ::mkdirat(parentFd, name, mode) != 0 && errno != EEXIST)
        return failErrno(errno, "create " + (shown / name).string());
    UniqueFd fd(::openat(parentFd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!fd)
        return failErrno(errno, "open " + (shown / name).string());
    return fd;
}

Status makeParents(const std::filesystem::path& root)
{
    std::error_code ec;
    std::filesystem::create_directories(root.parent_path(), ec);
    if (ec)
        return failWith(ec.value(), "create " + root.parent_path().string() + ": " + ec.message());
    if (::mkdir(root.c_str(), 0700) != 0 && errno != EEXIST)
        return failErrno(errno, "create " + root.string());
    return {};
}

} // namespace

Result<StoreDirs> openStore(const Paths& paths, bool create)
{
    StoreDirs dirs;
    dirs.root = paths.imagesDir();
    if (create)
        if (auto made = makeParents(dirs.root); !made)
            return fail(made.error().wrap("image store"));
    dirs.rootFd.reset(::open(dirs.root.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!dirs.rootFd)
        return failErrno(errno, "open the image store " + dirs.root.string());
    auto blobs = openSubdir(dirs.rootFd.get(), dirs.root, "blobs", 0700, create);
    if (!blobs)
        return fail(blobs.error());
    auto sha = openSubdir(blobs->get(), dirs.root / "blobs", "sha256", 0700, create);
    auto layers = openSubdir(dirs.rootFd.get(), dirs.root, "layers", 0755, create);
    auto images = openSubdir(dirs.rootFd.get(), dirs.root, "images", 0700, create);
    auto downloads = openSubdir(dirs.rootFd.get(), dirs.root, "downloads", 0700, create);
    for (auto* dir : {&sha, &layers, &images, &downloads})
        if (!*dir)
            return fail(dir->error());
    dirs.blobsFd = std::move(*sha);
    dirs.layersFd = std::move(*layers);
    dirs.imagesFd = std::move(*images);
    dirs.downloadsFd = std::move(*downloads);
    return dirs;
}

Result<std::string> digestHex(std::string_view digest)
{
    if (!digest.starts_with("sha256:"))
        return image::parseSha256Digest("sha256:" + std::string(digest));
    return image::parseSha256Digest(digest);
}

} // namespace berth::image_store
