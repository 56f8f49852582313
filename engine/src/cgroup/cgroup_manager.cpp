#include "cgroup/cgroup_manager.h"

#include "cgroup/cgroup_rollback.h"
#include "cgroup/container_cgroup.h"
#include "cgroup/scope_leftovers.h"
#include "cgroup/systemd_scope.h"

#include <utility>
#include <vector>

namespace berth::cgroup {

namespace {

// Berth makes the container's cgroup below the parent it was given.
class CgroupfsManager : public CgroupManager {
public:
    explicit CgroupfsManager(std::string parent) : m_parent(std::move(parent)) {}

    ManagerKind kind() const override { return ManagerKind::Cgroupfs; }
    Result<std::string> prepareParent(const Layout&, std::string_view, pid_t) override { return m_parent; }
    Status announce(const MachineRegistration&) override { return {}; }
    Status release() override { return {}; }

private:
    std::string m_parent;
};

// systemd delegates scope berth-<name>.scope (Delegate=yes); nothing runs in
// the scope itself, since a cgroup with children may not hold processes:
// the monitor leaves its root for a sub-cgroup of its own.
class SystemdScopeManager : public CgroupManager {
public:
    ManagerKind kind() const override { return ManagerKind::SystemdScope; }

    Result<std::string> prepareParent(const Layout& layout, std::string_view container, pid_t monitor) override
    {
        auto scope = delegatedCgroupParent(container, monitor);
        if (!scope)
            return fail(scope.error().wrap("ask systemd for a delegated scope"));
        auto madeHere = hierarchiesWithoutScope(layout, *scope);
        auto created = ContainerCgroup::create(layout, *scope, kOwnCgroup);
        if (!created)
            return fail(created.error().wrap("leave the scope's root cgroup"));
        CgroupRollback own(std::move(*created));
        if (auto moved = own->attach(monitor); !moved)
            return fail(moved.error().wrap("leave the scope's root cgroup"));
        // systemd removes the scope, with it, when the monitor exits; where
        // systemd made no scope, release() does.
        (void)std::move(own).commit();
        m_scope = *scope;
        m_madeHere = std::move(madeHere);
        return *scope;
    }

    // machined attaches the machine to the unit of the leader's cgroup,
    // which is Berth's scope (a cgroup under berth/ belongs to no unit, and
    // machined would refuse it); it drops the machine by itself when the
    // scope ends with the monitor (machine_registration.cpp).
    Status announce(const MachineRegistration& machine) override
    {
        auto registered = registerMachine(machine);
        return registered ? Status{} : fail(registered.error());
    }

    // The scope's directories Berth made (in the v1 hierarchies systemd
    // leaves alone).
    Status release() override
    {
        if (m_madeHere.empty())
            return {};
        auto removed = removeScopeLeftovers(m_madeHere, m_scope, kOwnCgroup);
        m_madeHere.clear();
        if (!removed)
            return fail(removed.error().wrap("the scope's cgroups stay"));
        return {};
    }

private:
    static constexpr std::string_view kOwnCgroup = "monitor";
    std::string m_scope;
    std::vector<std::filesystem::path> m_madeHere; // hierarchies where the scope's dirs are Berth's
};

} // namespace

ManagerKind managerKindFor(const std::filesystem::path& root, std::string_view cgroupParent,
                           std::string_view defaultParent)
{
    const bool byDefault = cgroupParent.empty() || cgroupParent == defaultParent;
    return byDefault && systemdIsInit(root) ? ManagerKind::SystemdScope : ManagerKind::Cgroupfs;
}

std::unique_ptr<CgroupManager> makeCgroupManager(ManagerKind kind, std::string cgroupParent)
{
    if (kind == ManagerKind::SystemdScope)
        return std::make_unique<SystemdScopeManager>();
    return std::make_unique<CgroupfsManager>(std::move(cgroupParent));
}

} // namespace berth::cgroup
