// Where the bench runs: private network and mount namespaces, a temporary
// directory, a cgroup parent of its own; all of it removed at the end.
#pragma once

#include "berth/error.h"

#include <filesystem>
#include <string>

namespace berth::bench {

class BenchEnvironment {
public:
    BenchEnvironment() = default;
    BenchEnvironment(const BenchEnvironment&) = delete;
    BenchEnvironment& operator=(const BenchEnvironment&) = delete;
    // Detaches mounts under the temporary directory, removes it and the
    // cgroup parent in every hierarchy.
    ~BenchEnvironment();

    // Enters new network and mount namespaces (mounts made private, so
    // nothing the bench mounts reaches the host, and a namespace file can
    // be bound inside), creates the temporary directory, names the parent.
    [[nodiscard]] Status enter();

    [[nodiscard]] const std::filesystem::path& tempDir() const { return m_tempDir; }
    // "berth-bench-<pid>", relative to each hierarchy's root.
    [[nodiscard]] const std::string& cgroupParent() const { return m_cgroupParent; }

private:
    std::filesystem::path m_tempDir;
    std::string m_cgroupParent;
};

} // namespace berth::bench
