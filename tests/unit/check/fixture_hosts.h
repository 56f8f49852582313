// Fake host trees (proc/, sys/, lib/, boot/, usr/, bin/) for the system check.
#pragma once

#include <filesystem>
#include <string>

namespace berth::test {

enum class FixtureHost {
    Hybrid,  // like this machine: v1 controllers, empty cgroup2, swap accounting
    Unified, // pure cgroup2, unprivileged user namespaces off, kernel config only, dynamic busybox
    Bare,    // v1 without pids or memsw, no user namespace, no overlay, no tools
};

// Writes the tree of `host` below `root` (which must exist).
void writeFixtureHost(FixtureHost host, const std::filesystem::path& root);

} // namespace berth::test
