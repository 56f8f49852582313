// TEMPORARY (branch wt-container only): stand-ins for what the "store" and
// "registry" engineers implement on their branches (image_store::findForUse,
// Engine::pullImage, registry::loadRegistryPolicy), so that this branch
// links on its own. Weak: their real definitions win. DELETE THIS FILE when
// wt-store and wt-registry are merged.
#include "berth/engine.h"
#include "image_store/image_store.h"
#include "registry/registry_policy.h"

#include <cerrno>

namespace berth {

[[gnu::weak]] Result<ImageInfo> Engine::pullImage(const PullRequest& request, const Progress&)
{
    return failWith(ENOSYS, "pull '" + request.reference + "': not built into this engine yet");
}

namespace image_store {

[[gnu::weak]] Result<std::pair<StoredImage, UseLock>> findForUse(const Paths&, const std::vector<std::string>&,
                                                                 const std::string& reference)
{
    return failWith(ENOENT, "image '" + reference + "' is not in the store");
}

} // namespace image_store

namespace registry {

[[gnu::weak]] Result<RegistryPolicy> loadRegistryPolicy(const std::filesystem::path&, const std::filesystem::path&)
{
    return RegistryPolicy{};
}

} // namespace registry

} // namespace berth
