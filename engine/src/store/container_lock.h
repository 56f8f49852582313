// The per-container lock: two operations on one container never interleave.
#pragma once

#include "berth/error.h"
#include "berth/paths.h"
#include "berth/unique_fd.h"

#include <string>
#include <string_view>

namespace berth {

// An exclusive flock on Paths::lockFile(name), held for the object's life.
// The lock belongs to the open file, so it is released on destruction, on
// the holder's exit, and also if the holder is killed.
class ContainerLock {
public:
    ContainerLock(ContainerLock&&) noexcept = default;
    ContainerLock& operator=(ContainerLock&&) noexcept = default;
    ContainerLock(const ContainerLock&) = delete;
    ContainerLock& operator=(const ContainerLock&) = delete;
    ~ContainerLock() = default;

    // Creates the run directories (0700) when missing. Without `wait`, a
    // lock held elsewhere is EBUSY "container 'x' is busy: ...".
    [[nodiscard]] static Result<ContainerLock> acquire(const Paths& paths, std::string_view name, bool wait = false);

    [[nodiscard]] const std::string& name() const { return m_name; }
    [[nodiscard]] bool held() const { return m_fd.valid(); }

private:
    ContainerLock(std::string name, UniqueFd fd) : m_name(std::move(name)), m_fd(std::move(fd)) {}

    std::string m_name;
    UniqueFd m_fd;
};

} // namespace berth
