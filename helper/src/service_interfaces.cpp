// AddInterface, SetInterface, RemoveInterface: one interface of a
// container's config, from its next start on.
#include "service.h"

#include "interface_args.h"
#include "store/container_store.h"
#include "validation.h"

namespace berth::helper {

// The arguments read, the config with the edit judged (all before
// authorization), the needs: manage, the host action when the result
// reaches the host or the container is privileged. False: replied already.
bool Service::interfaceEditNeeds(const std::string& name, const InterfaceEdit& edit, Needs& needs)
{
    if (rejected(validateName(name)) || rejectedUnlessExists(name))
        return false;
    auto current = ContainerStore(m_engine.settings().paths).readConfig(name);
    if (rejected(current ? Status{} : fail(current.error())))
        return false;
    auto reasons = interfaceEditExposures(*current, edit, m_engine.settings().paths);
    if (rejected(reasons ? Status{} : fail(reasons.error())))
        return false;
    needs.needHost(*reasons);
    requirePrivilege(existingPrivilege(name), name, needs);
    return true;
}

uint Service::AddInterface(const QString& qname, const QVariantMap& settings)
{
    const std::string name = qname.toStdString();
    auto change = parseInterfaceArgs(settings);
    if (rejected(change ? Status{} : fail(change.error())))
        return 0;
    Needs needs{QString::fromLatin1(kActionManage)};
    if (!interfaceEditNeeds(name, {InterfaceEdit::Kind::Add, 0, *change}, needs))
        return 0;
    runAuthorized<unsigned>(
        Authorizer::always(needs), [this, name, change = *change] { return m_engine.addInterface(name, change); },
        [](const DelayedReply& reply, const AuthorizationResult&, unsigned index) {
            reply.ok({QVariant::fromValue(uint(index))});
        });
    return 0;
}

void Service::SetInterface(const QString& qname, uint index, const QVariantMap& changes)
{
    const std::string name = qname.toStdString();
    auto change = parseInterfaceArgs(changes);
    if (rejected(change ? Status{} : fail(change.error())))
        return;
    Needs needs{QString::fromLatin1(kActionManage)};
    if (!interfaceEditNeeds(name, {InterfaceEdit::Kind::Set, index, *change}, needs))
        return;
    authorizeAndRun(needs,
                    [this, name, index, change = *change] { return m_engine.setInterface(name, index, change); });
}

void Service::RemoveInterface(const QString& qname, uint index)
{
    const std::string name = qname.toStdString();
    Needs needs{QString::fromLatin1(kActionManage)};
    if (!interfaceEditNeeds(name, {InterfaceEdit::Kind::Remove, index, {}}, needs))
        return;
    authorizeAndRun(needs, [this, name, index] { return m_engine.removeInterface(name, index); });
}

} // namespace berth::helper
