// Create, CreateFromFile and Export: validated here, then run as jobs.
#include "service.h"

#include "berth/model/create_options.h"
#include "berth/model/states.h"
#include "config/values.h"
#include "config_judgement.h"
#include "create_setup_args.h"
#include "core/archive_config.h"
#include "config/new_container_config.h"
#include "image/container_archive.h"
#include "net/bridge_host.h"
#include "store/container_store.h"
#include "template_exposure.h"
#include "validation.h"

#include <cerrno>

#include <sys/stat.h>

namespace berth::helper {
namespace {

const TemplateOption* fileOption(const TemplateInfo& info)
{
    for (const auto& option : info.options) {
        if (option.type == OptionType::File)
            return &option;
    }
    return nullptr;
}

std::vector<std::string> toStd(const QStringList& list)
{
    std::vector<std::string> out;
    out.reserve(std::size_t(list.size()));
    for (const auto& item : list)
        out.push_back(item.toStdString());
    return out;
}

// The descriptor matches the template: passed exactly when it has a File
// option, and of the kind that option accepts.
Status validateInput(const TemplateInfo& info, const QDBusUnixFileDescriptor* input)
{
    const TemplateOption* option = fileOption(info);
    if (!input) {
        if (option && option->required)
            return failWith(EINVAL, "template '" + info.name + "' needs a file: use CreateFromFile");
        return {};
    }
    if (!option)
        return failWith(EINVAL, "template '" + info.name + "' takes no file");
    return validateFd(input->fileDescriptor(), FdUse::Read, option->acceptsFile, option->acceptsDirectory);
}

// Berth's own option (model/create_options.h), taken out of the template's.
Result<bool> takePrivileged(TemplateOptions& options)
{
    const auto found = options.find(model::kPrivilegedOption);
    if (found == options.end())
        return false;
    const std::string value = found->second;
    options.erase(found);
    if (value != "true" && value != "false")
        return failWith(EINVAL, "option '" + std::string(model::kPrivilegedOption) + "' is " + quoteForMessage(value) +
                                    ", not 'true' or 'false'");
    return value == "true";
}

Result<CreateRequest> buildRequest(const std::string& name, const QString& templateName, const StringMap& options,
                                   const QString& kind, const QStringList& command, const QVariantMap& setup)
{
    TemplateOptions given;
    for (auto it = options.cbegin(); it != options.cend(); ++it)
        given.emplace(it.key().toStdString(), it.value().toStdString());
    CreateRequest request;
    request.name = name;
    request.templateName = templateName.toStdString();
    request.command = toStd(command);
    if (auto valid = validateName(name); !valid)
        return fail(valid.error());
    auto args = parseCreateSetup(setup);
    if (!args)
        return fail(args.error());
    request.network = args->network;
    request.setup = args->setup;
    request.credentials = args->credentials;
    auto privileged = takePrivileged(given);
    if (!privileged)
        return fail(privileged.error());
    request.privileged = *privileged;
    auto checked = validateTemplate(request.templateName, given);
    if (!checked)
        return fail(checked.error());
    request.options = given; // the engine fills defaults itself and checks again
    if (auto valid = validateKind(kind.toStdString()); !valid)
        return fail(valid.error());
    if (!kind.isEmpty())
        request.kind = model::parseContainerKind(kind.toStdString()).value_or(ContainerKind::System);
    if (auto valid = validateArgv(request.command, true); !valid)
        return fail(valid.error());
    // An image container names an image, never a path.
    if (const auto reference = request.options.find("reference");
        request.templateName == "image" && reference != request.options.end())
        if (auto valid = validateImageLookup(reference->second); !valid)
            return fail(valid.error());
    if (!request.network.empty()) {
        if (auto valid = validateBridgeName(request.network); !valid)
            return fail(valid.error());
    }
    return request;
}

// Why a creation reaches the host, whoever asks.
HostReasons createExposures(const CreateRequest& request, const Paths& paths)
{
    HostReasons out;
    // An imported LXC config comes from outside Berth and keeps its mount
    // entries (lxc-busybox binds host directories).
    if (request.templateName == "lxc-import")
        out.push_back({"template 'lxc-import'", "the imported config keeps its mount entries and keys",
                       "they may name host paths"});
    // eth0 on a bridge of the host's that is not Berth's (hostNetworkExposures says why).
    if (!net::isBerthBridge(paths, request.network))
        out.push_back({"network " + quoteForMessage(request.network), "eth0 joins a bridge of the host's",
                       "not one of Berth's bridges"});
    return out;
}

// Why the config an archive gives a new container (as the engine will
// store it) reaches the host, judged as SetConfig judges one; its rootfs
// is the one the engine gives it, as if already stored.
Result<HostReasons> importedConfigReasons(const std::string& text, const std::string& container, const Paths& paths)
{
    return judgeConfig(text, "lxc.rootfs.path = dir:" + paths.rootfsDir(container).string() + "\n", paths);
}

// A container archive in a regular file is judged before authorization, so
// the caller is asked for what its config needs; a pipe's config can only
// be judged in the job (judgeImportedConfig).
Status judgeArchiveFile(const CreateRequest& request, int fd, const Paths& paths, Needs& needs)
{
    struct stat st {};
    if (request.templateName != "tarball" || ::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        return {};
    auto text = image::peekContainerConfig(fd);
    if (!text)
        return fail(text.error());
    if (!*text)
        return {};
    auto imported = importedConfig(**text, request, newContainerConfig(request, paths.rootfsDir(request.name)));
    if (!imported)
        return fail(imported.error());
    auto reasons = importedConfigReasons(*imported, request.name, paths);
    if (!reasons)
        return fail(reasons.error());
    needs.needHost(*reasons);
    return {};
}

// In the job, the config the engine is about to store: refused unless the
// creation was granted the host action (or the caller is root).
Status judgeImportedConfig(const std::string& text, const std::string& container, const Paths& paths, bool hostGranted)
{
    auto reasons = importedConfigReasons(text, container, paths);
    if (!reasons)
        return fail(reasons.error());
    if (reasons->empty() || hostGranted)
        return {};
    return failWith(EPERM, "the archive's config reaches the host, so only an administrator may import it: " +
                               refusalText(kActionHostAccess, *reasons));
}

// Create and CreateFromFile are CreateContainer with a network only.
QVariantMap networkOnly(const QString& network)
{
    return {{QStringLiteral("network"), network}};
}

} // namespace

QDBusObjectPath Service::Create(const QString& name, const QString& templateName, const StringMap& options,
                                const QString& kind, const QStringList& command, const QString& network)
{
    return createJob(name.toStdString(), templateName, options, kind, command, networkOnly(network), nullptr);
}

QDBusObjectPath Service::CreateFromFile(const QString& name, const QString& templateName, const StringMap& options,
                                        const QString& kind, const QStringList& command, const QString& network,
                                        const QDBusUnixFileDescriptor& input)
{
    return createJob(name.toStdString(), templateName, options, kind, command, networkOnly(network), &input);
}

QDBusObjectPath Service::CreateContainer(const QString& name, const QString& templateName, const StringMap& options,
                                         const QString& kind, const QStringList& command, const QVariantMap& setup)
{
    return createJob(name.toStdString(), templateName, options, kind, command, setup, nullptr);
}

QDBusObjectPath Service::CreateContainerFromFile(const QString& name, const QString& templateName,
                                                 const StringMap& options, const QString& kind,
                                                 const QStringList& command, const QVariantMap& setup,
                                                 const QDBusUnixFileDescriptor& input)
{
    return createJob(name.toStdString(), templateName, options, kind, command, setup, &input);
}

QDBusObjectPath Service::createJob(const std::string& name, const QString& templateName, const StringMap& options,
                                   const QString& kind, const QStringList& command, const QVariantMap& setup,
                                   const QDBusUnixFileDescriptor* input)
{
    auto request = buildRequest(name, templateName, options, kind, command, setup);
    if (rejected(request ? Status{} : fail(request.error())))
        return {};
    if (rejected(validateInput(*findTemplate(request->templateName), input)) ||
        rejected(validateJobCount(runningJobs())))
        return {};
    if (ContainerStore(m_engine.settings().paths).exists(name)) {
        rejected(failWith(EEXIST, "container '" + name + "' exists already"));
        return {};
    }
    // The descriptor stays open (shared) for as long as the job holds this copy.
    QDBusUnixFileDescriptor keep = input ? *input : QDBusUnixFileDescriptor();
    Needs needs{QString::fromLatin1(kActionCreate)};
    needs.needHost(createExposures(*request, m_engine.settings().paths));
    // A clone: judged by its source's config (service.h, requireCloneOf).
    if (const auto source = request->options.find("source");
        request->templateName == "clone" && source != request->options.end() && validateName(source->second))
        requireCloneOf(source->second, needs);
    // A mirror other than the template's own (template_exposure.h).
    if (auto validated = validateTemplate(request->templateName, request->options))
        for (const std::string& reason : templateSourceExposures(*findTemplate(request->templateName), *validated))
            needs.needHost({{"", reason, ""}});
    // An image the store lacks is pulled by the job: that is image.manage's.
    requireImageFor(*request, needs);
    // A privileged container only when asked for (a clone included).
    requirePrivilege(createPrivilege(request->privileged), name, needs);
    // Config lines that touch the user namespace (lxc.idmap,
    // berth.privileged) reach the host there, as in SetConfig.
    const std::string baseConfig = newContainerConfig(*request, m_engine.settings().paths.rootfsDir(name));
    auto asked = setupNeeds(request->setup, baseConfig, m_engine.settings().paths);
    if (rejected(asked ? Status{} : fail(asked.error())))
        return {};
    if (asked->network)
        needs.actions << QString::fromLatin1(kActionNetwork);
    needs.needHost(asked->host);
    if (input && rejected(judgeArchiveFile(*request, input->fileDescriptor(), m_engine.settings().paths, needs)))
        return {};
    const bool hostGranted = needs.actions.contains(QString::fromLatin1(kActionHostAccess));
    // A directory (oci) is read with the caller's rights, never root's.
    authorizeJobFor(
        needs, QStringLiteral("create"), name,
        [this, request = *request, keep, name, hostGranted](const Progress& progress,
                                                            const CallerIdentity& caller) mutable {
            request.inputFd = keep.isValid() ? keep.fileDescriptor() : -1;
            request.checkImportedConfig = [this, name, hostGranted, caller](const std::string& text) {
                return judgeImportedConfig(text, name, m_engine.settings().paths, hostGranted || caller.uid == 0);
            };
            request.inputReader = uid_t(caller.uid);
            if (caller.groupsKnown)
                request.inputReaderGroups = std::vector<gid_t>(caller.groups.begin(), caller.groups.end());
            return m_engine.create(request, progress);
        },
        [this, name, creator = message().service()](const Status& status) {
            if (!status)
                return;
            Q_EMIT ContainerAdded(QString::fromStdString(name));
            removeUnlessStarted(name, creator);
        });
    return {};
}

QDBusObjectPath Service::Export(const QString& qname, const QDBusUnixFileDescriptor& output)
{
    const std::string name = qname.toStdString();
    if (rejected(validateName(name)) || rejected(validateFd(output.fileDescriptor(), FdUse::Write, true, false)) ||
        rejected(validateJobCount(runningJobs())) || rejectedUnlessExists(name))
        return {};
    authorizeJob({QString::fromLatin1(kActionManage)}, QStringLiteral("export"), name,
                 [this, name, output](const Progress& progress) {
                     progress.step("Exporting", -1);
                     return m_engine.exportContainer(name, output.fileDescriptor());
                 });
    return {};
}

} // namespace berth::helper
