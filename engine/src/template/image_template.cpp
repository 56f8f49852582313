// The image template: an application (or, when asked, system) container
// made from an image of Berth's store, pulled first when the store lacks
// it. O(1) in the image's size: nothing of the layers is copied; the
// container's rootfs is an overlay of the image's layers (topmost first)
// under its own upper layer delta/, mounted at start.
#include "template/template_build.h"

#include "berth/config.h"
#include "fs/atomic_file.h"
#include "image/oci_container_config.h"
#include "image/overlay_layout.h"
#include "image/overlay_lookup.h"
#include "registry/registry_policy.h"
#include "template/image_process.h"

#include <cerrno>

#include <sys/stat.h>

namespace berth::templates {

namespace fsys = std::filesystem;

namespace {

using FoundImage = std::pair<image_store::StoredImage, image_store::UseLock>;

std::string referenceOption(const BuildContext& ctx)
{
    const auto it = ctx.options.find("reference");
    return it == ctx.options.end() ? std::string() : it->second;
}

// The store's image, pulled (with the caller's logins) when it has none.
Result<FoundImage> imageForUse(const BuildContext& ctx, const std::string& reference)
{
    auto policy = registry::loadRegistryPolicy(ctx.settings.registriesConf, ctx.settings.registryCertsDir);
    if (!policy)
        return fail(policy.error());
    auto found = image_store::findForUse(ctx.settings.paths, policy->searchRegistries, reference);
    if (found || found.error().code != ENOENT || !ctx.pullImage)
        return found;
    ctx.progress.step("Pulling " + reference, 0.01);
    auto pulled = ctx.pullImage(PullRequest{.reference = reference, .credentials = ctx.request.credentials});
    if (!pulled)
        return fail(pulled.error());
    if (auto go = ctx.progress.check(); !go)
        return fail(go.error());
    return image_store::findForUse(ctx.settings.paths, policy->searchRegistries, reference);
}

Status makeDirs(const fsys::path& staging)
{
    // rootfs/: where the merged view is mounted; delta/: the upper layer;
    // olwork/: overlayfs' work directory, next to the upper one.
    for (const char* dir : {"rootfs", "delta", "olwork"})
        if (::mkdir((staging / dir).c_str(), 0755) != 0)
            return failErrno(errno, "create " + (staging / dir).string());
    return {};
}

// The image's user database, read through its layers (never mounted, never walked).
Result<std::optional<image::ImageUser>> userOf(const std::vector<fsys::path>& lowers, const std::string& user)
{
    return lookUpImageUser(user, [&lowers](std::string_view path) -> Result<std::string> {
        auto text = image::readMergedFile(lowers, path);
        if (!text)
            return fail(text.error());
        return text->value_or(std::string());
    });
}

Result<std::string> withOverlayRootfs(const std::string& text, const std::vector<fsys::path>& lowers,
                                      const fsys::path& upper)
{
    auto config = Config::parse(text);
    if (!config)
        return fail(config.error());
    if (auto set = config->set("lxc.rootfs.path", image::formatOverlayRootfs(lowers, upper)); !set)
        return fail(set.error());
    return config->serialize();
}

} // namespace

Status buildFromStoredImage(const BuildContext& ctx, const image_store::StoredImage& stored,
                            const std::string& reference)
{
    if (stored.layerDirs.empty())
        return failWith(EINVAL, "image '" + reference + "' has no layers");
    const std::vector<fsys::path> lowers(stored.layerDirs.rbegin(), stored.layerDirs.rend());
    if (auto made = makeDirs(ctx.staging); !made)
        return made;
    const image::ProcessOverrides overrides = processOverrides(ctx.request);
    image::ImageConfig config = stored.config;
    if (config.stopSignal.empty())
        config.stopSignal = stored.stopSignal;
    auto user = userOf(lowers, image::effectiveUser(config, overrides));
    if (!user)
        return fail(user.error());
    const image::ImageOrigin origin{stored.id, stored.manifestDigest, stored.name.empty() ? reference : stored.name};
    auto text = image::imageContainerConfig(ctx.baseConfig, config, overrides, *user, origin);
    if (!text)
        return fail(text.error());
    text = withOverlayRootfs(*text, lowers, ctx.settings.paths.containerDir(ctx.request.name) / "delta");
    if (!text)
        return fail(text.error());
    if (auto ok = checkImageContainerConfig(*text); !ok)
        return ok;
    return fs::writeStagedFile(ctx.staging / "config", *text, 0640);
}

Status buildImage(const BuildContext& ctx)
{
    const std::string reference = referenceOption(ctx);
    ctx.progress.step("Looking up image " + reference, 0);
    auto found = imageForUse(ctx, reference);
    if (!found)
        return fail(found.error().wrap("image '" + reference + "'"));
    // Held until the container is in place: rm and prune wait for it.
    if (ctx.imageUse)
        ctx.imageUse->emplace(std::move(found->second));
    ctx.progress.step("Making the container's layer", 0.95);
    return buildFromStoredImage(ctx, found->first, reference);
}

} // namespace berth::templates
