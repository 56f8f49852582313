// SetConfig, SetConfigIfUnchanged, SetLimits, SetAutostart and ConvertContainer.
#include "service.h"

#include "berth/model/limits.h"
#include "config_judgement.h"
#include "store/container_store.h"
#include "validation.h"

#include <cerrno>

namespace berth::helper {

void Service::SetConfig(const QString& qname, const QString& qtext)
{
    replaceConfig(qname, qtext, std::nullopt);
}

// The editors' save (the GUI's Config tab, berthctl config edit): never
// over a config changed since the caller read `basedOn`.
void Service::SetConfigIfUnchanged(const QString& qname, const QString& basedOn, const QString& qtext)
{
    if (rejected(validateConfigText(basedOn.toStdString())))
        return;
    replaceConfig(qname, qtext, basedOn.toStdString());
}

void Service::replaceConfig(const QString& qname, const QString& qtext, std::optional<std::string> basedOn)
{
    const std::string name = qname.toStdString();
    std::string text = qtext.toStdString();
    if (rejected(validateName(name)))
        return;
    auto current = ContainerStore(m_engine.settings().paths).readConfig(name);
    if (rejected(current ? Status{} : fail(current.error())))
        return;
    auto reasons = judgeConfig(text, *current, m_engine.settings().paths);
    if (rejected(reasons ? Status{} : fail(reasons.error())))
        return;
    Needs needs{QString::fromLatin1(kActionManage)};
    needs.needHost(*reasons);
    // A privileged config needs the administrator, whatever the old one
    // was; so does any change of a privileged container (trimming it would
    // let a member run code in a rootfs that an administrator's config may
    // later run with CAP_SYS_ADMIN again).
    auto privilege = configPrivilege(text);
    if (!privilege.privileged)
        privilege = existingPrivilege(name);
    requirePrivilege(privilege, name, needs);
    // The engine checks an lxc.idmap against Berth's range and the other containers' maps.
    authorizeAndRun(needs, [this, name, text = std::move(text), basedOn = std::move(basedOn)]() -> Status {
        return m_engine.setConfig(name, text, basedOn);
    });
}

void Service::SetLimits(const QString& qname, const StringMap& args)
{
    const std::string name = qname.toStdString();
    std::map<std::string, std::string> given;
    for (auto it = args.cbegin(); it != args.cend(); ++it)
        given.emplace(it.key().toStdString(), it.value().toStdString());
    auto limits = model::parseLimitArgs(given);
    if (rejected(validateName(name)) || rejected(limits ? Status{} : failWith(EINVAL, limits.error().message)) ||
        rejectedUnlessExists(name))
        return;
    authorizeAndRun({kActionManage}, [this, name, limits = *limits] { return m_engine.setLimits(name, limits); });
}

// One key; a privileged container's config is the administrator's (as in SetConfig).
void Service::SetAutostart(const QString& qname, bool enabled)
{
    const std::string name = qname.toStdString();
    if (rejected(validateName(name)) || rejectedUnlessExists(name))
        return;
    Needs needs{QString::fromLatin1(kActionManage)};
    requirePrivilege(existingPrivilege(name), name, needs);
    authorizeAndRun(needs, [this, name, enabled] { return m_engine.setAutostart(name, enabled); });
}

// Lowering a container's privilege hands nobody more than they had: the
// container's root becomes an unprivileged user of its own block. So the
// manage action, as for any other change of a stopped container.
QDBusObjectPath Service::ConvertContainer(const QString& qname)
{
    const std::string name = qname.toStdString();
    if (rejected(validateName(name)) || rejected(validateJobCount(runningJobs())) || rejectedUnlessExists(name))
        return {};
    authorizeJob({QString::fromLatin1(kActionManage)}, QStringLiteral("convert"), name,
                 [this, name](const Progress& progress) {
                     progress.step("Giving the container a user namespace", -1);
                     return m_engine.convertToUnprivileged(name);
                 });
    return {};
}

} // namespace berth::helper
