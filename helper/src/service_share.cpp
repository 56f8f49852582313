// ShareFolder and UnshareFolder: a folder comes as the caller's descriptor;
// the helper records the path of its own copy and the folder's owner, and
// asks for the administrator when the caller is not that owner.
#include "service.h"

#include "runtime/plan_builder.h"
#include "share_rules.h"
#include "validation.h"

#include <pwd.h>

namespace berth::helper {
namespace {

// The caller's groups as the bus reports them; without them, the primary
// group of its passwd entry only (supplementary groups are never guessed).
std::vector<gid_t> groupsOf(const CallerIdentity& caller)
{
    if (caller.groupsKnown)
        return {caller.groups.begin(), caller.groups.end()};
    struct passwd entry {};
    struct passwd* found = nullptr;
    char buffer[4096];
    if (::getpwuid_r(caller.uid, &entry, buffer, sizeof buffer, &found) != 0 || !found)
        return {};
    return {found->pw_gid};
}

} // namespace

void Service::ShareFolder(const QString& qname, const QDBusUnixFileDescriptor& folder, const QString& qtarget,
                          const QString& qinsideUser)
{
    const std::string name = qname.toStdString();
    const std::string target = qtarget.toStdString();
    const std::string insideUser = qinsideUser.toStdString();
    if (rejected(validateName(name)) || rejected(validateShareTarget(target)) ||
        rejected(validateInsideUser(insideUser)) || rejectedUnlessExists(name))
        return;
    auto facts = folderFacts(folder.isValid() ? folder.fileDescriptor() : -1);
    if (rejected(facts ? Status{} : fail(facts.error())))
        return;
    Needs base{QString::fromLatin1(kActionManage)};
    requirePrivilege(existingPrivilege(name), name, base);
    auto spec = runtime::loadContainerSpec(m_engine.settings(), name);
    if (rejected(spec ? Status{} : fail(spec.error())))
        return;
    if (auto reason = containerShareExposure(name, !spec->idMap.empty()))
        base.needHost({*reason});
    auto needsOf = [base, facts = *facts](const CallerIdentity& caller) {
        Needs needs = base;
        if (auto reason = folderExposure(facts, callerOwnsFolder(facts, caller.uid, groupsOf(caller))))
            needs.needHost({*reason});
        return needs;
    };
    // The descriptor stays open (this copy) until the work is done.
    authorizeAndRun(needsOf, [this, name, target, insideUser, facts = *facts, keep = folder]() -> Status {
        auto user = m_engine.insideUser(name, insideUser);
        if (!user)
            return fail(user.error());
        const auto normal = model::normalizeShareTarget(target);
        const model::SharedFolder share{facts.path, normal.value_or(target), facts.uid, facts.gid, user->uid,
                                        user->gid};
        return m_engine.shareFolder(name, share);
    });
}

void Service::UnshareFolder(const QString& qname, const QString& qtarget)
{
    const std::string name = qname.toStdString();
    const std::string target = qtarget.toStdString();
    if (rejected(validateName(name)) || rejected(validateShareTarget(target)) || rejectedUnlessExists(name))
        return;
    authorizeAndRun({kActionManage}, [this, name, target] { return m_engine.unshareFolder(name, target); });
}

} // namespace berth::helper
