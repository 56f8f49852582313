// Engine::pullImage (issue #21): a reference resolved at a registry, the
// layers the store lacks fetched and extracted, the image recorded.
#include "berth/engine.h"

#include "core/layer_fetcher.h"
#include "image_store/image_catalog.h"
#include "image_store/image_commit.h"
#include "image_store/store_dirs.h"
#include "image_store/store_lock.h"
#include "registry/registry_policy.h"
#include "registry/remote_image.h"
#include "registry/session.h"

#include <optional>

namespace berth {

namespace {

std::string inQuotes(std::string_view s)
{
    return "'" + std::string(s) + "'";
}

// The first candidate a registry has; when none has it, the most telling
// error (one that is not "not found", else the first).
Result<registry::RemoteImage> resolveFirst(registry::Session& session,
                                           const std::vector<model::ImageReference>& candidates)
{
    std::optional<Error> error;
    for (const model::ImageReference& candidate : candidates) {
        auto remote = registry::resolveRemote(session, candidate);
        if (remote || remote.error().code == ECANCELED)
            return remote;
        if (!error || (error->code == ENOENT && remote.error().code != ENOENT))
            error = remote.error();
    }
    if (!error)
        return failWith(ENOENT, "no registry to pull from");
    return fail(*error);
}

Result<model::ImageReference> parseReference(const std::string& text)
{
    auto ref = model::parseImageReference(text);
    if (!ref)
        return failWith(EINVAL, "pull " + inQuotes(text) + ": not an image reference (" + ref.error().part + ")", text);
    return *ref;
}

Result<std::string> pullInto(const image_store::StoreDirs& dirs, registry::Session& session,
                             const std::vector<model::ImageReference>& candidates, const Progress& progress)
{
    progress.step("Resolving the image", 0.0);
    auto remote = resolveFirst(session, candidates);
    if (!remote)
        return fail(remote.error());
    progress.step("Fetching layers of " + remote->reference.text(), 0.05);
    if (auto ok = fetchLayers(session, *remote, dirs, progress); !ok)
        return fail(ok.error().wrap("pull " + inQuotes(remote->reference.text())));
    progress.step("Recording the image", 0.95);
    std::vector<std::string> layerDigests;
    for (const registry::LayerDescriptor& layer : remote->layers)
        layerDigests.push_back(layer.digest);
    auto record = image_store::commitImage(dirs, {.name = remote->reference.text(),
                                                  .manifestDigest = remote->manifestDigest,
                                                  .manifest = remote->manifest,
                                                  .config = remote->config,
                                                  .layerDigests = std::move(layerDigests)});
    if (!record)
        return fail(record.error().wrap("pull " + inQuotes(remote->reference.text())));
    return record->id;
}

} // namespace

Result<ImageInfo> Engine::pullImage(const PullRequest& request, const Progress& progress)
{
    auto reference = parseReference(request.reference);
    if (!reference)
        return fail(reference.error());
    auto policy = registry::loadRegistryPolicy(m_settings.registriesConf, m_settings.registryCertsDir);
    if (!policy)
        return fail(policy.error().wrap("pull " + inQuotes(request.reference)));
    const auto candidates = model::qualifiedCandidates(*reference, policy->searchRegistries);
    const auto search = policy->searchRegistries;
    auto dirs = image_store::openStore(m_settings.paths, true);
    if (!dirs)
        return fail(dirs.error());
    // Held shared for the whole pull: rm and prune (exclusive) never see a
    // layer extracted but not yet recorded.
    auto lock = image_store::lockStore(dirs->rootFd.get(), image_store::LockMode::Shared);
    if (!lock)
        return fail(lock.error());
    registry::Session session(std::move(*policy), request.credentials, progress);
    auto id = pullInto(*dirs, session, candidates, progress);
    if (!id)
        return fail(id.error());
    progress.step("Pulled", 1.0);
    return image_store::describeImage(m_settings.paths, search, *id);
}

} // namespace berth
