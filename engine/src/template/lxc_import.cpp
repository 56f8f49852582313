// The lxc-import template: an existing LXC container directory (config and
// rootfs/, as under /var/lib/lxc/<name>) copied into a new Berth
// container. The original is only read, never changed.
#include "template/template_build.h"

#include "fs/atomic_file.h"
#include "fs/file_io.h"
#include "fs/safe_path.h"
#include "image/tree_copy.h"
#include "net/bridge_host.h"
#include "template/lxc_import_config.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace berth::templates {

namespace fsys = std::filesystem;

namespace {

// LXC configs are a few KiB; the cap keeps a hostile one from filling memory.
constexpr std::size_t kMaxLxcConfigSize = 1 << 20;

// Where the directory is now: only to recognise the rootfs path LXC wrote
// and to learn the old name. Nothing is opened by this path.
Result<fsys::path> directoryPath(int dirFd)
{
    std::error_code ec;
    fsys::path path = fsys::read_symlink("/proc/self/fd/" + std::to_string(dirFd), ec);
    if (ec)
        return failWith(ec.value(), "find the LXC container directory: " + ec.message());
    return path;
}

Result<std::string> readLxcConfig(int dirFd)
{
    auto fd = fs::openBeneath(dirFd, "config", O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (!fd)
        return fail(fd.error().wrap("open the LXC container's config"));
    struct stat st {};
    if (::fstat(fd->get(), &st) != 0)
        return failErrno(errno, "stat the LXC container's config");
    if (!S_ISREG(st.st_mode))
        return failWith(EINVAL, "the LXC container's config is not a regular file");
    auto text = fs::readAll(fd->get(), kMaxLxcConfigSize);
    if (!text)
        return fail(text.error().wrap("read the LXC container's config"));
    return text;
}

Result<LxcImportPlan> planImport(const BuildContext& ctx)
{
    const int dirFd = ctx.request.inputFd;
    auto directory = directoryPath(dirFd);
    if (!directory)
        return fail(directory.error());
    auto text = readLxcConfig(dirFd);
    if (!text)
        return fail(text.error());
    const Paths& paths = ctx.settings.paths;
    const LxcImportTarget target{ctx.request.name,
                                 ctx.request.hostname,
                                 paths.rootfsDir(ctx.request.name),
                                 ctx.baseConfig,
                                 !ctx.request.network.empty(),
                                 [&paths](std::string_view link) { return net::isBerthBridge(paths, link); }};
    auto plan = convertLxcConfig(*text, *directory, target);
    if (!plan)
        return fail(plan.error().wrap("import the LXC config"));
    return plan;
}

Status copyRootfs(const BuildContext& ctx, const std::string& rootfsInDirectory)
{
    auto source = fs::openBeneath(ctx.request.inputFd, rootfsInDirectory, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (!source)
        return fail(source.error().wrap("open the LXC rootfs '" + rootfsInDirectory + "'"));
    const fsys::path rootfs = ctx.staging / "rootfs";
    if (::mkdir(rootfs.c_str(), 0755) != 0)
        return failErrno(errno, "create " + rootfs.string());
    UniqueFd dest(::open(rootfs.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!dest)
        return failErrno(errno, "open " + rootfs.string());
    if (auto copied = image::copyTree(source->get(), dest.get()); !copied)
        return fail(copied.error().wrap("copy the LXC rootfs"));
    return {};
}

} // namespace

Status buildLxcImport(const BuildContext& ctx)
{
    struct stat st {};
    if (ctx.request.inputFd < 0 || ::fstat(ctx.request.inputFd, &st) != 0 || !S_ISDIR(st.st_mode))
        return failWith(EINVAL, "lxc-import needs the LXC container's directory");
    ctx.progress.step("Reading the LXC config", 0.0);
    auto plan = planImport(ctx);
    if (!plan)
        return fail(plan.error());
    for (const std::string& note : plan->notes)
        ctx.progress.log("lxc-import: " + note);
    if (auto c = ctx.progress.check(); !c)
        return c;
    ctx.progress.step("Copying the root filesystem", 0.05);
    if (auto copied = copyRootfs(ctx, plan->rootfsInDirectory); !copied)
        return copied;
    if (auto c = ctx.progress.check(); !c)
        return c;
    return fs::writeStagedFile(ctx.staging / "config", plan->config, 0640);
}

} // namespace berth::templates
