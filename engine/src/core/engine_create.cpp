// Engine::create: checks the request against the template's schema, then
// lets the template's builder fill a staging directory that the store
// renames into place.
#include "berth/engine.h"

#include "berth/config.h"
#include "cgroup/limit_writes.h"
#include "berth/model/trace.h"
#include "berth/names.h"
#include "spec/container_spec.h"
#include "core/create_setup.h"
#include "core/engine_images.h"
#include "config/new_container_config.h"
#include "idmap/container_identity.h"
#include "idmap/subordinate_range.h"
#include "runtime/container_network.h"
#include "store/container_lock.h"
#include "store/container_store.h"
#include "template/template_build.h"

#include <optional>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace berth {

namespace {

struct Builder {
    std::string_view templateName;
    templates::BuildFunction build;
};

constexpr Builder kBuilders[] = {
    {"busybox", templates::buildBusybox},      {"debian", templates::buildDebootstrap},
    {"ubuntu", templates::buildDebootstrap},   {"tarball", templates::buildTarball},
    {"clone", templates::buildClone},          {"oci", templates::buildOci},
    {"lxc-import", templates::buildLxcImport}, {"image", templates::buildImage},
};

templates::BuildFunction findBuilder(std::string_view name)
{
    for (const Builder& builder : kBuilders)
        if (builder.templateName == name)
            return builder.build;
    return nullptr;
}

const TemplateOption* fileOption(const TemplateInfo& info)
{
    for (const TemplateOption& option : info.options)
        if (option.type == OptionType::File)
            return &option;
    return nullptr;
}

// The descriptor is there when the template takes one, and of a kind it reads.
Status checkInputFd(const TemplateInfo& info, int fd)
{
    const TemplateOption* option = fileOption(info);
    if (!option)
        return fd < 0 ? Status{} : failWith(EINVAL, "template '" + info.name + "' takes no file");
    if (fd < 0)
        return option->required ? failWith(EINVAL, "template '" + info.name + "' needs its '" + option->key + "'")
                                : Status{};
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        return failErrno(errno, "the '" + option->key + "' descriptor");
    // Used only with the rights the caller opened it with: to read.
    const int access = ::fcntl(fd, F_GETFL);
    if (access < 0 || (access & O_PATH) == O_PATH || (access & O_ACCMODE) == O_WRONLY)
        return failWith(EINVAL, "the '" + option->key + "' descriptor is not open for reading (O_PATH or write-only)");
    const bool isDir = S_ISDIR(st.st_mode);
    const bool isFile = S_ISREG(st.st_mode) || S_ISFIFO(st.st_mode);
    if ((isDir && option->acceptsDirectory) || (isFile && option->acceptsFile))
        return {};
    const char* wanted = option->acceptsDirectory
                             ? (option->acceptsFile ? "a file, a pipe or a directory" : "a directory")
                             : "a regular file or a pipe";
    return failWith(EINVAL, "the '" + option->key + "' of template '" + info.name + "' must be " + wanted);
}

// The templates whose process comes from an image config.
bool fromImage(const TemplateInfo& info)
{
    return info.name == "oci" || info.name == "image";
}

// An entrypoint, working directory or user replaces what an image says;
// other templates have no image to say it, so asking is an error.
Status checkProcessOverrides(const CreateRequest& request, const TemplateInfo& info)
{
    const CreateSetup& setup = request.setup;
    if (fromImage(info) || (!setup.entrypoint && setup.workingDir.empty() && setup.user.empty()))
        return {};
    const char* what = setup.entrypoint            ? "an entrypoint"
                       : !setup.workingDir.empty() ? "a working directory"
                                                   : "a user";
    return failWith(EINVAL, std::string(what) +
                                " is only for containers made from an image (templates 'image' and "
                                "'oci'), not for template '" +
                                info.name + "'");
}

// The request with the template's defaults: kind and validated options.
Result<CreateRequest> resolveRequest(const CreateRequest& request, const TemplateInfo& info)
{
    CreateRequest resolved = request;
    auto options = validateTemplateOptions(info, request.options);
    if (!options)
        return fail(options.error());
    resolved.options = std::move(*options);
    resolved.kind = request.kind.value_or(info.defaultKind);
    // oci and image take the image's command, clone the source's.
    const bool commandFromTemplate = fromImage(info) || info.name == "clone";
    if (*resolved.kind == ContainerKind::Application && resolved.command.empty() && !commandFromTemplate)
        return failWith(EINVAL, "an application container needs a command");
    if (auto process = checkProcessOverrides(request, info); !process)
        return fail(process.error());
    if (auto input = checkInputFd(info, request.inputFd); !input)
        return fail(input.error());
    return resolved;
}

// Catches a bad hostname or command before anything is built.
Status checkBaseConfig(const CreateRequest& request, const std::string& text)
{
    if (*request.kind == ContainerKind::Application && request.command.empty())
        return {}; // the template supplies the command
    auto parsed = Config::parse(text);
    if (!parsed)
        return fail(parsed.error());
    if (auto spec = ContainerSpec::fromConfig(*parsed); !spec)
        return fail(spec.error());
    return {};
}

// An imported config may hold a limit this kernel has no file for. A config
// that does not load here is left to the store's own checks.
Status checkBuiltLimits(const std::filesystem::path& file)
{
    ConfigParseOptions options;
    options.followIncludes = false;
    auto config = Config::load(file, options);
    return config ? cgroup::checkLimitFilesOnHost(*config) : Status{};
}

// A creation that failed leaves no trace: the run directory its lock made
// goes too (while the lock is still held, so nobody is waiting on it; every
// other operation checks the container exists before locking it).
// The setup written into the staged config and checked on this host, the
// network lock taken first when an address is to be checked.
Status applySetup(const EngineSettings& settings, const CreateRequest& request, const std::filesystem::path& staging,
                  std::optional<UniqueFd>& networkLock)
{
    if (request.setup.empty())
        return {};
    if (auto written = applySetupToStaged(settings, request, staging / "config"); !written)
        return written;
    if (!request.setup.address.empty()) {
        auto locked = runtime::lockNetworks(settings.paths);
        if (!locked)
            return fail(locked.error());
        networkLock.emplace(std::move(*locked));
    }
    return checkSetupOnHost(settings, request.name, request.network, request.setup);
}

void removeRunDirOfFailedCreate(const Paths& paths, const std::string& name)
{
    ::unlink(paths.lockFile(name).c_str());
    ::rmdir(paths.containerRunDir(name).c_str());
}

} // namespace

Status Engine::create(const CreateRequest& request, const Progress& progress)
{
    const trace::Span traced("engine", "create " + request.name);
    if (auto valid = validateContainerName(request.name); !valid)
        return valid;
    const TemplateInfo* info = findTemplate(request.templateName);
    templates::BuildFunction build = findBuilder(request.templateName);
    if (!info || !build)
        return failWith(EINVAL, "unknown template '" + request.templateName + "'");
    auto resolved = resolveRequest(request, *info);
    if (!resolved)
        return fail(resolved.error());
    const std::string configText = newContainerConfig(*resolved, m_settings.paths.rootfsDir(request.name));
    if (auto checked = checkBaseConfig(*resolved, configText); !checked)
        return checked;
    // Early, so a setup that cannot hold fails before a long build; again
    // before the rename, when it counts.
    if (auto setup = checkSetupOnHost(m_settings, request.name, request.network, request.setup); !setup)
        return fail(setup.error().wrap("create '" + request.name + "'"));
    // Before anything is built: an unprivileged container needs Berth's range.
    if (!resolved->privileged)
        if (auto range = idmap::readBerthRange(m_settings.idRangeDir); !range)
            return fail(range.error().wrap("create '" + request.name + "'"));

    // The source of a clone stays locked (nobody starts or destroys it) until the copy is done.
    std::optional<ContainerLock> sourceLock;
    if (info->name == "clone") {
        if (auto source = checkCloneSource(m_settings, *resolved); !source)
            return source;
        auto locked = ContainerLock::acquire(m_settings.paths, resolved->options.at("source"));
        if (!locked)
            return fail(locked.error());
        sourceLock.emplace(std::move(*locked));
    }
    auto lock = ContainerLock::acquire(m_settings.paths, request.name);
    if (!lock)
        return fail(lock.error());
    progress.step("Preparing", 0);
    // Held from the choice of a block until the config recording it is in place.
    std::optional<idmap::BlockLock> blockLock;
    // Held from the check of the setup's address until the container is in place.
    std::optional<UniqueFd> networkLock;
    // image: the store's lock on the image, held until the container that names it is in place.
    std::optional<image_store::UseLock> imageUse;
    ContainerStore store(m_settings.paths);
    auto created = store.create(request.name, [&](const std::filesystem::path& staging) -> Status {
        const templates::BuildContext ctx{
            m_settings,
            *resolved,
            resolved->options,
            progress,
            staging,
            configText,
            [this, &progress](const PullRequest& pull) { return pullImage(pull, progress); },
            &imageUse};
        if (auto built = build(ctx); !built)
            return built;
        trace::point("engine", "create: built");
        if (auto setup = applySetup(m_settings, *resolved, staging, networkLock); !setup)
            return setup;
        if (auto files = checkBuiltLimits(staging / "config"); !files)
            return files;
        // The last moment a cancel still leaves nothing behind.
        if (auto go = progress.check(); !go)
            return go;
        trace::point("engine", "create: setup applied and checked");
        auto settled = idmap::settleNewIdentity(m_settings, *resolved, staging);
        if (!settled)
            return fail(settled.error());
        blockLock.emplace(std::move(*settled));
        trace::point("engine", "create: identity settled, putting it in place");
        return Status{};
    });
    if (!created) {
        removeRunDirOfFailedCreate(m_settings.paths, request.name);
        // A cancel that made a step fail (a closed pipe, a killed debootstrap) is still a cancel.
        if (progress.cancelled())
            return failWith(ECANCELED, "create '" + request.name + "': cancelled");
        return fail(created.error().wrap("create '" + request.name + "'"));
    }
    progress.step("Created", 1);
    return {};
}

} // namespace berth
