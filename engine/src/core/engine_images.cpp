// Engine: containers from archives and from other containers, and export.
#include "berth/engine.h"

#include "berth/config.h"
#include "berth/model/container_name.h"
#include "core/archive_config.h"
#include "core/engine_checks.h"
#include "core/engine_images.h"
#include "fs/atomic_file.h"
#include "fs/directory.h"
#include "fs/safe_path.h"
#include "idmap/container_identity.h"
#include "idmap/tree_shift.h"
#include "net/net_spec.h"
#include "image/archive_export.h"
#include "image/archive_extract.h"
#include "image/overlay_layout.h"
#include "image/tree_copy.h"
#include "runtime/overlay_mount.h"
#include "runtime/plan_builder.h"
#include "runtime/read_only_root.h"
#include "runtime/spawn_monitor.h"
#include "runtime/upper_layer_owner.h"
#include "store/container_store.h"
#include "template/template_build.h"

#include <fcntl.h>
#include <sys/stat.h>

namespace berth {

namespace fsys = std::filesystem;

namespace templates {

// Every other container's stored config.
Result<std::vector<std::string>> otherConfigs(const EngineSettings& settings, const std::string& name)
{
    const ContainerStore store(settings.paths);
    auto names = store.list();
    if (!names)
        return fail(names.error());
    std::vector<std::string> configs;
    for (const std::string& other : *names)
        if (other != name)
            if (auto text = store.readConfig(other))
                configs.push_back(std::move(*text));
    return configs;
}

// A container archive's config, made the new container's and judged
// before anything of the archive is written.
Status takeArchiveConfig(const BuildContext& ctx, std::string text, std::optional<std::string>& config)
{
    auto imported = importedConfig(text, ctx.request, ctx.baseConfig);
    if (!imported)
        return fail(imported.error().wrap("import the archive's config"));
    auto others = otherConfigs(ctx.settings, ctx.request.name);
    if (!others)
        return fail(others.error());
    imported = withoutTakenAddresses(*imported, *others);
    if (!imported)
        return fail(imported.error());
    if (ctx.request.checkImportedConfig)
        if (auto allowed = ctx.request.checkImportedConfig(*imported); !allowed)
            return allowed;
    config = std::move(*imported);
    return {};
}

// Engine::create checked that inputFd is a regular file or a pipe.
Status buildTarball(const BuildContext& ctx)
{
    auto rootFd = fs::makeDirectory(ctx.staging / "rootfs");
    if (!rootFd)
        return fail(rootFd.error());
    image::ExtractOptions options;
    options.allowDevices = false;
    options.leaveOutDevNodes = true;
    // A cancel stops the extraction at the next entry.
    options.beforeEntry = [&ctx](std::string_view) -> Result<bool> {
        if (auto go = ctx.progress.check(); !go)
            return fail(go.error());
        return false;
    };
    std::optional<std::string> config; // a plain rootfs archive has none
    options.containerConfig = [&ctx, &config](std::string text) {
        return takeArchiveConfig(ctx, std::move(text), config);
    };
    ctx.progress.step("Extracting the archive", 0.1);
    if (auto extracted = image::extractArchive(ctx.request.inputFd, rootFd->get(), options); !extracted)
        return fail(extracted.error().wrap("extract the archive"));
    return fs::writeStagedFile(ctx.staging / "config", config.value_or(ctx.baseConfig), 0640);
}

} // namespace templates

namespace {

// A container's overlay rootfs; nothing for a directory rootfs (or a config that does not read).
std::optional<image::OverlayLayout> overlayOf(const EngineSettings& settings, const std::string& name)
{
    auto config = runtime::loadContainerConfig(settings, name);
    if (!config)
        return std::nullopt;
    auto layout =
        image::parseOverlayRootfs(config->get("lxc.rootfs.path").value_or(""), settings.paths.containerDir(name));
    return layout ? std::optional(std::move(*layout)) : std::nullopt;
}

// The tree a container writes to: its rootfs, or an overlay's upper layer.
fsys::path writableTree(const EngineSettings& settings, const std::string& name)
{
    const auto layout = overlayOf(settings, name);
    return layout ? layout->upper : settings.paths.rootfsDir(name);
}

// The block an overlay's upper layer was shifted into at start; none when
// it never was (privileged, or not started yet).
model::IdMap upperBlock(const EngineSettings& settings, const std::string& name, const image::OverlayLayout& layout)
{
    auto config = runtime::loadContainerConfig(settings, name);
    const model::IdMap map = config ? idmap::configIdMap(*config) : model::IdMap{};
    return runtime::upperShiftedInto(layout.upper, map) ? map : model::IdMap{};
}

// A snapshot's lowers: the source's rootfs, or an overlay source's own
// lowers (the image's layers), whose upper layer the snapshot copies.
std::vector<fsys::path> snapshotLowers(const EngineSettings& settings, const std::string& source)
{
    if (const auto layout = overlayOf(settings, source))
        return layout->lowers;
    return {settings.paths.rootfsDir(source)};
}

// The source's interface identity (net::isInterfaceIdentity) and the
// gateways that go with its static addresses.
bool sourcesNetworkIdentity(std::string_view key)
{
    const auto subkey = net::interfaceSubkey(key);
    return subkey && (net::isInterfaceIdentity(*subkey) || *subkey == "ipv4.gateway" || *subkey == "ipv6.gateway");
}

// The source's config with the clone's name and rootfs; host ports stay
// with the source. Like Incus's copies, a clone is a new machine on the
// network: its MACs come from its own name, and on Berth's bridges it gets
// an address of its own (elsewhere, none, instead of the source's).
Result<std::string> clonedConfig(const EngineSettings& settings, const CreateRequest& request,
                                 const std::string& source, bool snapshot)
{
    auto config = runtime::loadContainerConfig(settings, source);
    if (!config)
        return fail(config.error());
    const std::string hostname = model::containerHostname(request.name, request.hostname);
    if (auto set = config->set("lxc.uts.name", hostname); !set)
        return fail(set.error());
    const std::string rootfs = snapshot
                                   ? image::formatOverlayRootfs(snapshotLowers(settings, source),
                                                                settings.paths.containerDir(request.name) / "delta")
                                   : "dir:" + settings.paths.rootfsDir(request.name).string();
    if (auto set = config->set("lxc.rootfs.path", rootfs); !set)
        return fail(set.error());
    config->unset("berth.net.forward");
    for (const ConfigEntry& entry : config->allEntries())
        if (sourcesNetworkIdentity(entry.key))
            config->unset(entry.key);
    if (auto set = config->set("berth.template", "clone"); !set)
        return fail(set.error());
    if (auto set = config->set("berth.cloned-from", source); !set)
        return fail(set.error());
    return config->serialize();
}

// A container archive: the config, then the rootfs. A rootfs shifted on
// disk is written with the IDs it has inside, as an idmapped one is stored:
// the tarball template reads either back the same.
Result<image::ExportOptions> exportOptions(const EngineSettings& settings, const std::string& name)
{
    auto config = runtime::loadContainerConfig(settings, name);
    if (!config)
        return fail(config.error());
    image::ExportOptions options;
    options.leaveOutDevices = true;
    auto stored = ContainerStore(settings.paths).readConfig(name);
    auto carried = stored ? exportedConfig(*stored) : Result<std::string>(fail(stored.error()));
    if (!carried)
        return fail(carried.error());
    options.config = std::move(*carried);
    // An overlay's merged view: what its upper layer holds is owned by the
    // container's block once it started; its layers by the inside IDs.
    const auto layout = overlayOf(settings, name);
    const model::IdMap disk = layout ? upperBlock(settings, name, *layout) : idmap::diskIdMap(*config);
    if (disk.empty())
        return options;
    options.rewriteIds = [shift = idmap::IdShift{disk, {}}, partial = layout.has_value(), disk](image::EntryIds& ids) {
        // In a merged view only the upper layer's files have the block's IDs.
        if (partial && !disk.toInside(model::IdKind::User, ids.uid))
            return;
        const auto moved = [&](model::IdKind kind, std::uint32_t id) {
            return partial ? disk.toInside(kind, id).value_or(id) : shift(kind, id);
        };
        ids.uid = moved(model::IdKind::User, ids.uid);
        ids.gid = moved(model::IdKind::Group, ids.gid);
        for (auto& [xname, value] : ids.xattrs) {
            const bool acl = xname == "system.posix_acl_access" || xname == "system.posix_acl_default";
            auto shifted = acl                              ? idmap::shiftedAcl(value, shift)
                           : xname == "security.capability" ? idmap::shiftedCapability(value, shift)
                                                            : std::nullopt;
            if (shifted)
                value = std::move(*shifted);
        }
    };
    return options;
}

} // namespace

namespace templates {

namespace {

Status copyRootfs(const BuildContext& ctx, const std::string& sourceName, int destFd)
{
    auto source = fs::openDirectory(ctx.settings.paths.rootfsDir(sourceName));
    if (!source)
        return fail(source.error());
    if (auto copied = image::copyTree(source->get(), destFd); !copied)
        return fail(copied.error().wrap("copy the rootfs of '" + sourceName + "'"));
    return {};
}

// A full copy of an overlay container is flat: its merged view, with what
// its upper layer holds owned by the inside IDs again.
Status copyMergedView(const BuildContext& ctx, const std::string& sourceName, const image::OverlayLayout& layout,
                      int destFd)
{
    auto view = runtime::readOnlyMergedView(layout);
    if (!view)
        return fail(view.error().wrap("the merged view of '" + sourceName + "'"));
    if (auto copied = image::copyTree(view->get(), destFd); !copied)
        return fail(copied.error().wrap("copy the merged view of '" + sourceName + "'"));
    return runtime::shiftCopyOutOfBlock(ctx.staging / "rootfs", upperBlock(ctx.settings, sourceName, layout));
}

// A snapshot of an overlay container shares its lowers (an image's layers)
// and starts from a copy of its upper layer: the source stays writable, and
// the copy's owners fit the snapshot's own block (not the source's).
Status copyUpperOf(const BuildContext& ctx, const std::string& sourceName, const image::OverlayLayout& layout)
{
    auto source = fs::openDirectory(layout.upper);
    if (!source)
        return fail(source.error());
    auto dest = fs::openDirectory(ctx.staging / "delta");
    if (!dest)
        return fail(dest.error());
    ctx.progress.step("Copying the container's own layer", 0.1);
    if (auto copied = image::copyTree(source->get(), dest->get()); !copied)
        return fail(copied.error().wrap("copy the upper layer of '" + sourceName + "'"));
    return runtime::shiftCopyOutOfBlock(ctx.staging / "delta", upperBlock(ctx.settings, sourceName, layout));
}

} // namespace

Status buildClone(const BuildContext& ctx)
{
    const std::string& sourceName = ctx.options.at("source");
    const bool snapshot = ctx.options.at("snapshot") == "true";
    const fsys::path& staging = ctx.staging;
    auto text = clonedConfig(ctx.settings, ctx.request, sourceName, snapshot);
    if (!text)
        return fail(text.error());
    const auto sourceOverlay = overlayOf(ctx.settings, sourceName);
    if (snapshot) {
        // The merged view is mounted on rootfs/ at start; writes land in delta/.
        for (const char* dir : {"rootfs", "delta"})
            if (::mkdir((staging / dir).c_str(), 0755) != 0)
                return failErrno(errno, "create " + (staging / dir).string());
        if (sourceOverlay)
            if (auto copied = copyUpperOf(ctx, sourceName, *sourceOverlay); !copied)
                return copied;
        return fs::writeStagedFile(staging / "config", *text, 0640);
    }
    auto dest = fs::makeDirectory(staging / "rootfs");
    if (!dest)
        return fail(dest.error());
    ctx.progress.step("Copying the root filesystem", 0.1);
    auto copied = sourceOverlay ? copyMergedView(ctx, sourceName, *sourceOverlay, dest->get())
                                : copyRootfs(ctx, sourceName, dest->get());
    if (!copied)
        return copied;
    return fs::writeStagedFile(staging / "config", *text, 0640);
}

} // namespace templates

Status checkCloneSource(const EngineSettings& settings, const CreateRequest& request)
{
    const std::string& source = request.options.at("source");
    if (source == request.name)
        return failWith(EINVAL, "a container cannot be cloned onto itself");
    if (auto exists = checkContainerExists(settings.paths, source); !exists)
        return exists;
    if (runtime::monitorAlive(settings.paths, source))
        return failWith(EBUSY, "container '" + source + "' is running: stop it before cloning it");
    return {};
}

Status checkNoSnapshotsOf(const EngineSettings& settings, const std::string& name)
{
    // The same search that makes the source read-only at start (runtime/read_only_root.h).
    auto snapshots = runtime::snapshotsOf(settings, writableTree(settings, name));
    if (!snapshots || snapshots->empty())
        return {};
    return failWith(EBUSY, "container '" + snapshots->front() + "' is a snapshot of '" + name + "': destroy it first");
}

Status Engine::exportContainer(const std::string& name, int outFd)
{
    auto lock = lockExistingContainer(m_settings.paths, name);
    if (!lock)
        return fail(lock.error());
    if (runtime::monitorAlive(m_settings.paths, name))
        return failWith(EBUSY, "container '" + name + "' is running: stop it before exporting it");
    struct stat st {};
    if (::fstat(outFd, &st) != 0 || !(S_ISREG(st.st_mode) || S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)))
        return failWith(EINVAL, "export needs a file, pipe or socket to write to");
    auto options = exportOptions(m_settings, name);
    if (!options)
        return fail(options.error());
    // Stopped, an overlay's rootfs/ is an empty mount point: its files are
    // its layers' and its upper's, merged here in a detached read-only view.
    const auto layout = overlayOf(m_settings, name);
    auto rootFd = layout ? runtime::readOnlyMergedView(*layout) : fs::openDirectory(m_settings.paths.rootfsDir(name));
    if (!rootFd)
        return fail(rootFd.error());
    if (auto exported = image::exportTree(rootFd->get(), outFd, *options); !exported)
        return fail(exported.error().wrap("export '" + name + "'"));
    return {};
}

} // namespace berth
