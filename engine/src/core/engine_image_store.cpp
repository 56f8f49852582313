// Engine: the image store's reads and removals (issue #21); the pull is in
// engine_pull.cpp.
#include "berth/engine.h"

#include "image_store/image_catalog.h"
#include "registry/registry_policy.h"

namespace berth {

namespace {

// Short names resolve through the administrator's search registries.
Result<std::vector<std::string>> searchRegistries(const EngineSettings& settings)
{
    auto policy = registry::loadRegistryPolicy(settings.registriesConf, settings.registryCertsDir);
    if (!policy)
        return fail(policy.error());
    return policy->searchRegistries;
}

} // namespace

Result<std::vector<ImageInfo>> Engine::images() const
{
    return image_store::listImages(m_settings.paths);
}

Result<ImageInfo> Engine::image(const std::string& reference) const
{
    auto search = searchRegistries(m_settings);
    if (!search)
        return fail(search.error());
    return image_store::describeImage(m_settings.paths, *search, reference);
}

Status Engine::removeImage(const std::string& reference)
{
    auto search = searchRegistries(m_settings);
    if (!search)
        return fail(search.error());
    return image_store::removeImage(m_settings.paths, *search, reference);
}

Result<PruneResult> Engine::pruneImages(bool all)
{
    return image_store::pruneStore(m_settings.paths, all);
}

} // namespace berth
