// The scope's directories Berth makes itself on a legacy or hybrid systemd
// host (cgroup/scope_leftovers.h), on plain directories standing in for
// hierarchies: found before anything is created, removed when the monitor
// ends, the hierarchies systemd manages left alone.
#include "cgroup/scope_leftovers.h"

#include "cgroup/cgroup_file.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cerrno>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using berth::cgroup::Hierarchy;
using berth::cgroup::Layout;

namespace {

const std::string kScope = "machine.slice/berth-web.scope";

// name=systemd and memory, where systemd realized the scope, and cpuset,
// where it did not; each with a cgroup.procs at its root.
Layout hybridLayout(const fs::path& root)
{
    Layout layout;
    layout.mode = berth::cgroup::Mode::Hybrid;
    for (const char* name : {"systemd", "memory", "cpuset"}) {
        fs::create_directories(root / name);
        std::ofstream(root / name / "cgroup.procs");
        layout.legacy.push_back(Hierarchy{root / name, {}, name, false});
    }
    layout.unified = Hierarchy{root / "unified", {}, "", true};
    fs::create_directories(root / "unified" / kScope);
    fs::create_directories(root / "systemd" / kScope);
    fs::create_directories(root / "memory" / kScope);
    return layout;
}

} // namespace

class TestScopeLeftovers : public QObject {
    Q_OBJECT

private slots:
    void onlyHierarchiesWithoutTheScopeAreBerths();
    void theScopeGoesAndItsParentStays();
    void aScopeStillInUseIsReported();
};

void TestScopeLeftovers::onlyHierarchiesWithoutTheScopeAreBerths()
{
    QTemporaryDir dir;
    const Layout layout = hybridLayout(dir.path().toStdString());
    const auto made = berth::cgroup::hierarchiesWithoutScope(layout, kScope);
    QCOMPARE(made.size(), size_t(1));
    QCOMPARE(made.front().filename().string(), std::string("cpuset"));
}

void TestScopeLeftovers::theScopeGoesAndItsParentStays()
{
    QTemporaryDir dir;
    const fs::path root = dir.path().toStdString();
    const Layout layout = hybridLayout(root);
    const auto made = berth::cgroup::hierarchiesWithoutScope(layout, kScope);
    // What the monitor creates under the scope in every hierarchy.
    for (const Hierarchy& h : layout.placementHierarchies())
        fs::create_directories(h.mountPoint / kScope / "monitor");

    const auto removed = berth::cgroup::removeScopeLeftovers(made, kScope, "monitor");
    QVERIFY2(removed, removed ? "" : removed.error().describe().c_str());
    QVERIFY(!fs::exists(root / "cpuset" / kScope));
    QVERIFY(fs::is_directory(root / "cpuset/machine.slice"));
    // The monitor left the scope for the hierarchy's root first.
    QCOMPARE(berth::cgroup::readFile(root / "cpuset/cgroup.procs").value_or(""), std::string("0"));
    // systemd's own are systemd's to remove.
    QVERIFY(fs::is_directory(root / "memory" / kScope / "monitor"));
    QVERIFY(fs::is_directory(root / "systemd" / kScope / "monitor"));
    QVERIFY(fs::is_directory(root / "unified" / kScope / "monitor"));
}

void TestScopeLeftovers::aScopeStillInUseIsReported()
{
    QTemporaryDir dir;
    const fs::path root = dir.path().toStdString();
    const Layout layout = hybridLayout(root);
    const auto made = berth::cgroup::hierarchiesWithoutScope(layout, kScope);
    fs::create_directories(root / "cpuset" / kScope / "monitor");
    fs::create_directories(root / "cpuset" / kScope / "web");

    const auto removed = berth::cgroup::removeScopeLeftovers(made, kScope, "monitor");
    QVERIFY(!removed);
    QCOMPARE(removed.error().code, ENOTEMPTY);
    QVERIFY(removed.error().describe().find("cpuset/" + kScope) != std::string::npos);
    QVERIFY(!fs::exists(root / "cpuset" / kScope / "monitor"));
}

QTEST_GUILESS_MAIN(TestScopeLeftovers)
#include "test_scope_leftovers.moc"
