// The debian and ubuntu templates: debootstrap into the template cache
// (once), then the container's own copy or snapshot of the cached tree,
// its hostname, root password and a config for systemd as PID 1.
#include "template/template_build.h"

#include "berth/config.h"
#include "berth/model/container_name.h"
#include "fs/atomic_file.h"
#include "template/debootstrap_cache.h"
#include "template/debootstrap_rootfs.h"
#include "template/debootstrap_template.h"
#include "template/root_password.h"

namespace berth::templates {

namespace fsys = std::filesystem;

namespace {

std::string optionOf(const TemplateOptions& options, const char* key)
{
    auto found = options.find(key);
    return found == options.end() ? std::string() : found->second;
}

std::string optionOf(const BuildContext& ctx, const char* key)
{
    return optionOf(ctx.options, key);
}

fsys::path cacheDirOf(const EngineSettings& settings)
{
    return settings.templateCacheDir.empty() ? settings.paths.templateCacheDir() : settings.templateCacheDir;
}

// The base config with what systemd as PID 1 needs.
Result<std::string> systemConfig(const BuildContext& ctx, const fsys::path& lower, bool snapshot)
{
    auto config = Config::parse(ctx.baseConfig);
    if (!config)
        return fail(config.error());
    std::vector<std::pair<const char*, std::string>> settings = {
        {"lxc.init.cmd", "/sbin/init"},
        // systemd halts on SIGRTMIN+3 and ignores LXC's default SIGPWR.
        {"lxc.signal.halt", "SIGRTMIN+3"},
    };
    if (!config->get("lxc.tty.max"))
        settings.emplace_back("lxc.tty.max", "1");
    if (snapshot)
        settings.emplace_back("lxc.rootfs.path",
                              "overlay:" + lower.string() + ":" +
                                  (ctx.settings.paths.containerDir(ctx.request.name) / "delta").string());
    for (const auto& [key, value] : settings)
        if (auto set = config->set(key, value); !set)
            return fail(set.error());
    // A fresh /run at every boot, as on a host; systemd expects it empty.
    for (const char* entry : {"tmpfs run tmpfs rw,nosuid,nodev,mode=0755,size=10% 0 0",
                              "tmpfs run/lock tmpfs rw,nosuid,nodev,noexec,mode=1777,size=5m,create=dir 0 0"})
        if (auto added = config->append("lxc.mount.entry", entry); !added)
            return fail(added.error());
    return config->serialize();
}

Status personalize(const BuildContext& ctx, const RootfsWriter& writer)
{
    if (auto etc = makeDirectories(writer, "etc"); !etc)
        return fail(etc.error());
    if (auto enabled = enableNetworkd(writer); !enabled)
        return fail(enabled.error().wrap("enable systemd-networkd"));
    const std::string hostname = model::containerHostname(ctx.request.name, ctx.request.hostname);
    if (auto written = writeHostname(writer, hostname); !written)
        return written;
    // Empty: root stays locked, as debootstrap leaves it.
    const std::string password = optionOf(ctx, "root-password");
    if (password.empty())
        return {};
    if (auto set = setRootPassword(writer.readRoot.get(), writer.writeRoot.get(), password); !set)
        return fail(set.error().wrap("set the root password"));
    return {};
}

} // namespace

DebootstrapRequest debootstrapRequestOf(std::string_view distro, const TemplateOptions& options)
{
    DebootstrapRequest request;
    request.distro = std::string(distro);
    request.release = optionOf(options, "release");
    const std::string variant = optionOf(options, "variant");
    request.variant = variant.empty() ? "minbase" : variant;
    request.mirror = optionOf(options, "mirror");
    request.packages.assign(std::begin(kBootPackages), std::end(kBootPackages));
    for (std::string& package : splitListOption(optionOf(options, "packages")))
        request.packages.push_back(std::move(package));
    return request;
}

Status buildDebootstrap(const BuildContext& ctx)
{
    auto cached = ensureCachedRootfs(cacheDirOf(ctx.settings),
                                     debootstrapRequestOf(ctx.request.templateName, ctx.options), ctx.progress);
    if (!cached)
        return fail(cached.error());
    if (auto checked = ctx.progress.check(); !checked)
        return checked;
    const bool snapshot = optionOf(ctx, "snapshot") == "true";
    ctx.progress.step(snapshot ? "Making a snapshot of the cached system" : "Copying the cached system", 0.85);
    auto writer = makeContainerRootfs(cached->rootfs, ctx.staging, snapshot);
    if (!writer)
        return fail(writer.error());
    ctx.progress.step("Configuring the container", 0.97);
    if (auto done = personalize(ctx, *writer); !done)
        return done;
    auto config = systemConfig(ctx, cached->rootfs, snapshot);
    if (!config)
        return fail(config.error());
    return fs::writeStagedFile(ctx.staging / "config", *config, 0640);
}

} // namespace berth::templates
