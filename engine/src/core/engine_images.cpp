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
#include "runtime/plan_builder.h"
#include "runtime/read_only_root.h"
#include "runtime/spawn_monitor.h"
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
    return fs::writeFileAtomic(ctx.staging / "config", config.value_or(ctx.baseConfig), 0640);
}

} // namespace templates

namespace {

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
    const std::string rootfs = snapshot ? "overlay:" + settings.paths.rootfsDir(source).string() + ":" +
                                              (settings.paths.containerDir(request.name) / "delta").string()
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
    // Stopped, a snapshot's rootfs/ is an empty mount point: its files are
    // its source's and its delta/'s, merged only inside the container.
    if (image::parseOverlayRootfs(config->get("lxc.rootfs.path").value_or(""), settings.paths.containerDir(name)))
        return failWith(EOPNOTSUPP, "container '" + name +
                                        "' is an overlay snapshot, which cannot be exported yet: "
                                        "its files live in its source and its own layer");
    image::ExportOptions options;
    options.leaveOutDevices = true;
    auto stored = ContainerStore(settings.paths).readConfig(name);
    auto carried = stored ? exportedConfig(*stored) : Result<std::string>(fail(stored.error()));
    if (!carried)
        return fail(carried.error());
    options.config = std::move(*carried);
    const model::IdMap disk = idmap::diskIdMap(*config);
    if (disk.empty())
        return options;
    options.rewriteIds = [shift = idmap::IdShift{disk, {}}](image::EntryIds& ids) {
        ids.uid = shift(model::IdKind::User, ids.uid);
        ids.gid = shift(model::IdKind::Group, ids.gid);
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

Status buildClone(const BuildContext& ctx)
{
    const std::string& sourceName = ctx.options.at("source");
    const bool snapshot = ctx.options.at("snapshot") == "true";
    const fsys::path& staging = ctx.staging;
    auto text = clonedConfig(ctx.settings, ctx.request, sourceName, snapshot);
    if (!text)
        return fail(text.error());
    if (snapshot) {
        // The merged view is mounted on rootfs/ at start; writes land in delta/.
        for (const char* dir : {"rootfs", "delta"})
            if (::mkdir((staging / dir).c_str(), 0755) != 0)
                return failErrno(errno, "create " + (staging / dir).string());
        return fs::writeFileAtomic(staging / "config", *text, 0640);
    }
    auto source = fs::openDirectory(ctx.settings.paths.rootfsDir(sourceName));
    if (!source)
        return fail(source.error());
    auto dest = fs::makeDirectory(staging / "rootfs");
    if (!dest)
        return fail(dest.error());
    ctx.progress.step("Copying the root filesystem", 0.1);
    if (auto copied = image::copyTree(source->get(), dest->get()); !copied)
        return fail(copied.error().wrap("copy the rootfs of '" + sourceName + "'"));
    return fs::writeFileAtomic(staging / "config", *text, 0640);
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
    auto snapshots = runtime::snapshotsOf(settings, settings.paths.rootfsDir(name));
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
    auto rootFd = fs::openDirectory(m_settings.paths.rootfsDir(name));
    if (!rootFd)
        return fail(rootFd.error());
    if (auto exported = image::exportTree(rootFd->get(), outFd, *options); !exported)
        return fail(exported.error().wrap("export '" + name + "'"));
    return {};
}

} // namespace berth
