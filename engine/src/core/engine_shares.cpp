// Shared folders: the berth.share lines of a container's config, and the
// inside user a folder is shown as.
#include "berth/engine.h"

#include "image/overlay_layout.h"
#include "image/overlay_lookup.h"

#include "spec/container_spec.h"
#include "core/engine_checks.h"
#include "fs/file_io.h"
#include "fs/safe_path.h"
#include "image/oci_user.h"
#include "runtime/plan_builder.h"
#include "store/container_store.h"

#include <algorithm>

#include <fcntl.h>
#include <sys/stat.h>

namespace berth {

namespace {

// Rewrites the container's berth.share lines: `share` (when given) replaces
// the one at its target, `removed` (when given) is dropped.
Status editShares(const EngineSettings& settings, const std::string& name,
                  const std::optional<model::SharedFolder>& share, const std::string& removed)
{
    auto config = runtime::loadContainerConfig(settings, name);
    if (!config)
        return fail(config.error());
    auto spec = ContainerSpec::fromConfig(*config);
    if (!spec)
        return fail(spec.error());
    const std::string replaced = share ? share->target : removed;
    auto kept = spec->shares;
    const auto gone =
        std::remove_if(kept.begin(), kept.end(), [&](const model::SharedFolder& s) { return s.target == replaced; });
    if (!share && gone == kept.end())
        return failWith(ENOENT, "container '" + name + "' shares no folder at '" + removed + "'");
    kept.erase(gone, kept.end());
    if (share)
        kept.push_back(*share);
    config->unset(model::kShareKey);
    for (const model::SharedFolder& s : kept)
        if (auto appended = config->append(model::kShareKey, model::formatSharedFolder(s)); !appended)
            return appended;
    // Checked again as the next start will read it (inside IDs in the map...).
    if (auto reparsed = ContainerSpec::fromConfig(*config); !reparsed)
        return fail(reparsed.error());
    return ContainerStore(settings.paths).writeConfig(name, config->serialize());
}

// A file of the rootfs, "" when it has none; an overlay's as its merged
// view shows it (whiteouts honoured: the merged view exists only inside).
std::string rootfsFile(const ContainerSpec& spec, const std::string& file)
{
    if (spec.overlay) {
        auto text = image::readMergedFile(image::overlayTrees(*spec.overlay), file);
        return text && *text ? **text : std::string();
    }
    UniqueFd rootFd(::open(spec.rootfs.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!rootFd)
        return {};
    // Non-blocking and regular files only: the container's root may have
    // put a FIFO or a device there.
    auto fd = fs::openInRoot(rootFd.get(), file, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st {};
    if (!fd || ::fstat(fd->get(), &st) != 0 || !S_ISREG(st.st_mode))
        return {};
    auto text = fs::readAll(fd->get());
    return text ? *text : std::string();
}

} // namespace

Result<std::vector<model::SharedFolder>> Engine::sharedFolders(const std::string& name) const
{
    if (auto exists = checkContainerExists(m_settings.paths, name); !exists)
        return fail(exists.error());
    auto spec = runtime::loadContainerSpec(m_settings, name);
    if (!spec)
        return fail(spec.error());
    return spec->shares;
}

Status Engine::shareFolder(const std::string& name, const model::SharedFolder& share)
{
    auto lock = lockExistingContainer(m_settings.paths, name);
    if (!lock)
        return fail(lock.error());
    if (auto edited = editShares(m_settings, name, share, {}); !edited)
        return fail(edited.error().wrap("share '" + share.hostPath + "' with '" + name + "'"));
    return {};
}

Status Engine::unshareFolder(const std::string& name, const std::string& target)
{
    auto lock = lockExistingContainer(m_settings.paths, name);
    if (!lock)
        return fail(lock.error());
    auto normal = model::normalizeShareTarget(target);
    if (!normal)
        return failWith(EINVAL, normal.error());
    return editShares(m_settings, name, std::nullopt, *normal);
}

Result<InsideUser> Engine::insideUser(const std::string& name, const std::string& user) const
{
    if (auto exists = checkContainerExists(m_settings.paths, name); !exists)
        return fail(exists.error());
    auto spec = runtime::loadContainerSpec(m_settings, name);
    if (!spec)
        return fail(spec.error());
    // Root is root, with or without an /etc/passwd.
    const std::string wanted = user == "root" ? "0:0" : user;
    auto resolved = image::resolveImageUser(wanted, rootfsFile(*spec, "etc/passwd"), rootfsFile(*spec, "etc/group"));
    if (!resolved)
        return fail(resolved.error().wrap("user '" + user + "' of container '" + name + "'"));
    return InsideUser{static_cast<std::uint32_t>(resolved->uid), static_cast<std::uint32_t>(resolved->gid)};
}

} // namespace berth
