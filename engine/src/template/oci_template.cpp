// The oci template: an application container from an OCI image layout or
// a `docker save` archive, its layers applied in order with whiteouts and
// its config turned into the container's command, environment and user.
#include "template/template_build.h"

#include "template/image_process.h"

#include "fs/atomic_file.h"
#include "fs/file_io.h"
#include "fs/safe_path.h"
#include "image/oci_container_config.h"
#include "image/oci_input.h"
#include "image/oci_layers.h"
#include "image/oci_resolve.h"

#include <cerrno>
#include <optional>

#include <fcntl.h>
#include <sys/stat.h>

namespace berth::templates {

namespace {

Result<UniqueFd> makeRootfs(const std::filesystem::path& rootfs)
{
    if (::mkdir(rootfs.c_str(), 0755) != 0)
        return failErrno(errno, "create " + rootfs.string());
    UniqueFd fd(::open(rootfs.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!fd)
        return failErrno(errno, "open " + rootfs.string());
    return fd;
}

// A file of the new rootfs read inside it (the image controls its
// symlinks); missing reads as empty.
Result<std::string> readRootfsFile(int rootFd, std::string_view path)
{
    auto fd = fs::openInRoot(rootFd, path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (!fd)
        return fd.error().code == ENOENT ? Result<std::string>(std::string()) : fail(fd.error());
    return fs::readAll(fd->get());
}

std::string optionValue(const TemplateOptions& options, std::string_view key)
{
    const auto it = options.find(key);
    return it == options.end() ? std::string() : it->second;
}

Status buildFromLayout(const BuildContext& ctx, int layoutFd)
{
    auto image = image::resolveImage(layoutFd, optionValue(ctx.options, "reference"));
    if (!image)
        return fail(image.error());
    auto rootFd = makeRootfs(ctx.staging / "rootfs");
    if (!rootFd)
        return fail(rootFd.error());
    if (auto ok = image::applyLayers(layoutFd, image->layers, rootFd->get(), ctx.progress); !ok)
        return ok;
    const image::ProcessOverrides overrides = processOverrides(ctx.request);
    const int root = rootFd->get();
    auto user = lookUpImageUser(image::effectiveUser(image->config, overrides),
                                [root](std::string_view path) { return readRootfsFile(root, path); });
    if (!user)
        return fail(user.error());
    auto text = image::imageContainerConfig(ctx.baseConfig, image->config, overrides, *user, image->origin);
    if (!text)
        return fail(text.error());
    if (auto ok = checkImageContainerConfig(*text); !ok)
        return ok;
    ctx.progress.step("Writing the config", 0.95);
    return fs::writeStagedFile(ctx.staging / "config", *text, 0640);
}

} // namespace

Status buildOci(const BuildContext& ctx)
{
    ctx.progress.step("Reading the image", 0.02);
    // The scratch copy of an archive lives in the staging directory, so a
    // failure anywhere (the engine removes staging) leaves nothing either.
    const image::Reader reader{ctx.request.inputReader, ctx.request.inputReaderGroups};
    auto input = image::openImageInput(ctx.request.inputFd, ctx.staging / ".image", reader);
    if (!input)
        return fail(input.error().wrap("read the image"));
    if (auto built = buildFromLayout(ctx, input->layoutFd()); !built)
        return built;
    return input->release();
}

} // namespace berth::templates
