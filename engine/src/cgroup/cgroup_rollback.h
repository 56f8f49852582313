// The one owner that removes a cgroup by going away: a start under way.
#pragma once

#include "cgroup/container_cgroup.h"

#include <optional>
#include <utility>

namespace berth::cgroup {

// Holds a cgroup made for a start that is not done yet. Going away before
// commit() kills what runs there and removes the cgroup (a failed start
// leaves nothing); commit() hands the cgroup on to be removed only by an
// explicit remove().
class CgroupRollback {
public:
    explicit CgroupRollback(ContainerCgroup cgroup) : m_cgroup(std::move(cgroup)) {}
    CgroupRollback(CgroupRollback&& other) noexcept : m_cgroup(std::exchange(other.m_cgroup, std::nullopt)) {}
    CgroupRollback& operator=(CgroupRollback&&) = delete;
    CgroupRollback(const CgroupRollback&) = delete;
    CgroupRollback& operator=(const CgroupRollback&) = delete;
    // Best effort: a destructor has nobody to report to.
    ~CgroupRollback()
    {
        if (m_cgroup)
            (void)m_cgroup->remove();
    }

    // The start succeeded: the cgroup stays.
    [[nodiscard]] ContainerCgroup commit() &&
    {
        ContainerCgroup kept = std::move(*m_cgroup);
        m_cgroup.reset();
        return kept;
    }

    [[nodiscard]] const ContainerCgroup& operator*() const { return *m_cgroup; }
    [[nodiscard]] const ContainerCgroup* operator->() const { return &*m_cgroup; }

private:
    std::optional<ContainerCgroup> m_cgroup; // empty once committed or moved from
};

} // namespace berth::cgroup
