// Engine: containers from archives and from other containers, and export.
#include "berth/engine.h"

#include "berth/config.h"
#include "core/engine_checks.h"
#include "core/engine_images.h"
#include "fs/atomic_file.h"
#include "fs/safe_path.h"
#include "image/archive_export.h"
#include "image/archive_extract.h"
#include "image/tree_copy.h"
#include "runtime/plan_builder.h"
#include "runtime/spawn_monitor.h"
#include "store/container_store.h"

#include <fcntl.h>
#include <sys/stat.h>

namespace berth {

namespace fsys = std::filesystem;

namespace {

Result<UniqueFd> makeRootfsDir(const fsys::path& rootfs)
{
    if (::mkdir(rootfs.c_str(), 0755) != 0)
        return failErrno(errno, "create " + rootfs.string());
    UniqueFd fd(::open(rootfs.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW));
    if (!fd)
        return failErrno(errno, "open " + rootfs.string());
    return fd;
}

Result<UniqueFd> openRootfs(const fsys::path& rootfs)
{
    UniqueFd fd(::open(rootfs.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW));
    if (!fd)
        return failErrno(errno, "open " + rootfs.string());
    return fd;
}

} // namespace

Status populateFromArchive(const CreateRequest& request, const fsys::path& staging, const std::string& configText)
{
    if (request.archiveFd < 0)
        return failWith(EINVAL, "the tarball template needs an archive");
    struct stat st {};
    if (::fstat(request.archiveFd, &st) != 0 || !(S_ISREG(st.st_mode) || S_ISFIFO(st.st_mode)))
        return failWith(EINVAL, "the archive must be a regular file or a pipe");
    auto rootFd = makeRootfsDir(staging / "rootfs");
    if (!rootFd)
        return fail(rootFd.error());
    image::ExtractOptions options;
    options.allowDevices = false;
    if (auto extracted = image::extractArchive(request.archiveFd, rootFd->get(), options); !extracted)
        return fail(extracted.error().wrap("extract the archive"));
    return fs::writeFileAtomic(staging / "config", configText, 0640);
}

// The source's config with the clone's name and rootfs; host ports stay
// with the source.
Result<std::string> clonedConfig(const EngineSettings& settings, const CreateRequest& request)
{
    auto config = runtime::loadContainerConfig(settings, request.source);
    if (!config)
        return fail(config.error());
    const std::string hostname = request.hostname.empty() ? request.name : request.hostname;
    if (auto set = config->set("lxc.uts.name", hostname); !set)
        return fail(set.error());
    const std::string rootfs = request.snapshot
        ? "overlay:" + settings.paths.rootfsDir(request.source).string() + ":" +
              (settings.paths.containerDir(request.name) / "delta").string()
        : "dir:" + settings.paths.rootfsDir(request.name).string();
    if (auto set = config->set("lxc.rootfs.path", rootfs); !set)
        return fail(set.error());
    config->unset("berth.net.forward");
    return config->serialize();
}

Status populateFromClone(const EngineSettings& settings, const CreateRequest& request, const fsys::path& staging)
{
    auto text = clonedConfig(settings, request);
    if (!text)
        return fail(text.error());
    if (request.snapshot) {
        // The merged view is mounted on rootfs/ at start; writes land in delta/.
        for (const char* dir : {"rootfs", "delta"})
            if (::mkdir((staging / dir).c_str(), 0755) != 0)
                return failErrno(errno, "create " + (staging / dir).string());
        return fs::writeFileAtomic(staging / "config", *text, 0640);
    }
    auto source = openRootfs(settings.paths.rootfsDir(request.source));
    if (!source)
        return fail(source.error());
    auto dest = makeRootfsDir(staging / "rootfs");
    if (!dest)
        return fail(dest.error());
    if (auto copied = image::copyTree(source->get(), dest->get()); !copied)
        return fail(copied.error().wrap("copy the rootfs of '" + request.source + "'"));
    return fs::writeFileAtomic(staging / "config", *text, 0640);
}

Status checkCloneSource(const EngineSettings& settings, const CreateRequest& request)
{
    if (request.source.empty())
        return failWith(EINVAL, "the clone template needs a source container");
    if (auto exists = checkContainerExists(settings.paths, request.source); !exists)
        return exists;
    if (runtime::monitorAlive(settings.paths, request.source))
        return failWith(EBUSY, "container '" + request.source + "' is running: stop it before cloning it");
    return {};
}

Status checkNoSnapshotsOf(const EngineSettings& settings, const std::string& name)
{
    auto names = ContainerStore(settings.paths).list();
    if (!names)
        return {};
    const fsys::path rootfs = settings.paths.rootfsDir(name);
    for (const std::string& other : *names) {
        if (other == name)
            continue;
        auto spec = runtime::loadContainerSpec(settings, other);
        if (spec && spec->overlay && spec->overlay->lower == rootfs)
            return failWith(EBUSY, "container '" + other + "' is a snapshot of '" + name + "': destroy it first");
    }
    return {};
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
    auto rootFd = openRootfs(m_settings.paths.rootfsDir(name));
    if (!rootFd)
        return fail(rootFd.error());
    if (auto exported = image::exportTree(rootFd->get(), outFd, {}); !exported)
        return fail(exported.error().wrap("export '" + name + "'"));
    return {};
}

} // namespace berth
