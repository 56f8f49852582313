// Create, CreateFromFile and Export: validated here, then run as jobs.
#include "service.h"

#include "net/bridge_host.h"
#include "store/container_store.h"
#include "template_exposure.h"
#include "validation.h"

#include <cerrno>

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
    return validateFd(input->fileDescriptor(), option->acceptsFile, option->acceptsDirectory);
}

Result<CreateRequest> buildRequest(const std::string& name, const QString& templateName, const StringMap& options,
                                   const QString& kind, const QStringList& command, const QString& network)
{
    TemplateOptions given;
    for (auto it = options.cbegin(); it != options.cend(); ++it)
        given.emplace(it.key().toStdString(), it.value().toStdString());
    CreateRequest request;
    request.name = name;
    request.templateName = templateName.toStdString();
    request.command = toStd(command);
    request.network = network.toStdString();
    if (auto valid = validateName(name); !valid)
        return fail(valid.error());
    auto checked = validateTemplate(request.templateName, given);
    if (!checked)
        return fail(checked.error());
    request.options = given;   // the engine fills defaults itself and checks again
    if (auto valid = validateKind(kind.toStdString()); !valid)
        return fail(valid.error());
    if (!kind.isEmpty())
        request.kind = kind == QLatin1String("application") ? ContainerKind::Application : ContainerKind::System;
    if (auto valid = validateArgv(request.command, true); !valid)
        return fail(valid.error());
    if (!request.network.empty()) {
        if (auto valid = validateBridgeName(request.network); !valid)
            return fail(valid.error());
    }
    return request;
}

} // namespace

QDBusObjectPath Service::Create(const QString& name, const QString& templateName, const StringMap& options,
                                const QString& kind, const QStringList& command, const QString& network)
{
    return createJob(name.toStdString(), templateName, options, kind, command, network, nullptr);
}

QDBusObjectPath Service::CreateFromFile(const QString& name, const QString& templateName, const StringMap& options,
                                        const QString& kind, const QStringList& command, const QString& network,
                                        const QDBusUnixFileDescriptor& input)
{
    return createJob(name.toStdString(), templateName, options, kind, command, network, &input);
}

QDBusObjectPath Service::createJob(const std::string& name, const QString& templateName, const StringMap& options,
                                   const QString& kind, const QStringList& command, const QString& network,
                                   const QDBusUnixFileDescriptor* input)
{
    auto request = buildRequest(name, templateName, options, kind, command, network);
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
    // An imported LXC config comes from outside Berth and keeps its mount
    // entries (lxc-busybox binds host directories): like a config that
    // reaches the host, it needs the host action, whoever asks.
    // So does eth0 on a bridge of the host's that is not Berth's
    // (hostNetworkExposures says why).
    QStringList actions{QString::fromLatin1(kActionCreate)};
    // A mirror other than the template's own: the same action (template_exposure.h).
    QStringList sourceReasons;
    if (auto validated = validateTemplate(request->templateName, request->options))
        for (const std::string& reason : templateSourceExposures(*findTemplate(request->templateName), *validated))
            sourceReasons << QString::fromStdString(reason);
    if (request->templateName == "lxc-import"
        || !net::isBerthBridge(m_engine.settings().paths, request->network) || !sourceReasons.isEmpty())
        actions << QString::fromLatin1(kActionHostAccess);
    authorizeJob(actions, QStringLiteral("create"), name,
                 [this, request = *request, keep](const Progress& progress) mutable {
                     request.inputFd = keep.isValid() ? keep.fileDescriptor() : -1;
                     return m_engine.create(request, progress);
                 },
                 [this, name](const Status& status) {
                     if (status)
                         Q_EMIT ContainerAdded(QString::fromStdString(name));
                 },
                 sourceReasons);
    return {};
}

QDBusObjectPath Service::Export(const QString& qname, const QDBusUnixFileDescriptor& output)
{
    const std::string name = qname.toStdString();
    if (rejected(validateName(name)) || rejected(validateFd(output.fileDescriptor(), true, false)) ||
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
