// SetConfig and SetLimits.
#include "service.h"

#include "config/container_spec.h"
#include "host_exposure.h"
#include "limits_args.h"
#include "net/bridge_host.h"
#include "store/container_lock.h"
#include "store/container_store.h"
#include "validation.h"

namespace berth::helper {
namespace {

// Parses and checks the text as the engine will read it; lxc.include is
// refused (no base directory), so the text is all there is to judge.
Result<bool> judgeConfig(const std::string& text, const std::string& currentText, const Paths& paths)
{
    if (auto size = validateConfigText(text); !size)
        return fail(size.error());
    auto config = Config::parse(text);
    if (!config)
        return fail(config.error());
    auto spec = ContainerSpec::fromConfig(*config);
    if (!spec)
        return fail(spec.error());
    std::optional<std::string> currentRootfs;
    if (auto current = Config::parse(currentText))
        currentRootfs = current->get("lxc.rootfs.path");
    auto isBerthBridge = [&paths](const std::string& link) { return net::isBerthBridge(paths, link); };
    return !hostExposures(*config, *spec, currentRootfs).empty()
        || !hostNetworkExposures(*spec, isBerthBridge).empty();
}

} // namespace

void Service::SetConfig(const QString& qname, const QString& qtext)
{
    const std::string name = qname.toStdString();
    std::string text = qtext.toStdString();
    if (rejected(validateName(name)))
        return;
    auto current = ContainerStore(m_engine.settings().paths).readConfig(name);
    if (rejected(current ? Status{} : fail(current.error())))
        return;
    auto exposes = judgeConfig(text, *current, m_engine.settings().paths);
    if (rejected(exposes ? Status{} : fail(exposes.error())))
        return;
    QStringList actions{QString::fromLatin1(kActionManage)};
    if (*exposes)
        actions << QString::fromLatin1(kActionHostAccess);
    // A privileged config needs the administrator, whatever the old one was.
    const QString refusal = requirePrivilegeAction(configPrivilege(text), name, actions);
    authorizeAndRun(actions, [this, name, text = std::move(text)]() -> Status {
        auto lock = ContainerLock::acquire(m_engine.settings().paths, name);
        if (!lock)
            return fail(lock.error());
        return ContainerStore(m_engine.settings().paths).writeConfig(name, text);
    }, {}, refusal);
}

void Service::SetLimits(const QString& qname, const StringMap& args)
{
    const std::string name = qname.toStdString();
    std::map<std::string, std::string> given;
    for (auto it = args.cbegin(); it != args.cend(); ++it)
        given.emplace(it.key().toStdString(), it.value().toStdString());
    auto limits = parseLimitArgs(given);
    if (rejected(validateName(name)) || rejected(limits ? Status{} : fail(limits.error())) ||
        rejectedUnlessExists(name))
        return;
    authorizeAndRun({kActionManage}, [this, name, limits = *limits] { return m_engine.setLimits(name, limits); });
}

} // namespace berth::helper
