// Shared setup for integration tests: a private network namespace, a state
// root and a cgroup parent of the test's own, and a check that the test
// left nothing behind.
#pragma once

#include "berth/engine.h"

#include <QtTest/QtTest>

#include <filesystem>
#include <functional>
#include <set>
#include <string>
#include <vector>

namespace berth::test {

class IntegrationEnvironment {
public:
    static IntegrationEnvironment& instance();

    // Enters a new network namespace (loopback up), creates a temporary
    // state root and picks a cgroup parent name. Returns false with a reason.
    bool setUp(const std::string& testName, std::string* why);
    // Removes the cgroup parent and the state root.
    void tearDown();

    [[nodiscard]] const std::filesystem::path& stateRoot() const { return m_stateRoot; }
    [[nodiscard]] const std::string& cgroupParent() const { return m_cgroupParent; }
    [[nodiscard]] EngineSettings engineSettings() const;

    // What the test left behind compared to setUp: new mounts in this mount
    // namespace, links in the test's netns, cgroups under the parent, and
    // processes whose cgroup lies under the parent. Empty when clean.
    [[nodiscard]] std::vector<std::string> leftovers() const;

private:
    std::filesystem::path m_stateRoot;
    std::string m_cgroupParent;
    std::set<std::string> m_mountsAtStart;
    std::set<std::string> m_linksAtStart;
};

// Directories of each mounted cgroup hierarchy (v1 controllers, named
// hierarchies and the unified mount).
std::vector<std::filesystem::path> cgroupHierarchies();
std::set<std::string> currentMounts();
std::set<std::string> currentLinks();

// Sets the environment up, then constructs and runs the test (so members
// of the test object may use the environment), then checks for leftovers.
int runIntegrationTest(const char* name, const std::function<int()>& run);

} // namespace berth::test

// main() of an integration test: refuses to run (fails) without root, so a
// CI run cannot pass by skipping.
#define BERTH_INTEGRATION_MAIN(TestClass)                                                                              \
    int main(int argc, char** argv)                                                                                    \
    {                                                                                                                  \
        return berth::test::runIntegrationTest(#TestClass, [&] {                                                       \
            TestClass test;                                                                                            \
            return QTest::qExec(&test, argc, argv);                                                                    \
        });                                                                                                            \
    }
