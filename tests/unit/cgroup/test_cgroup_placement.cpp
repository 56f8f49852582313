// Placement logic run against plain directories standing in for cgroupfs:
// what gets created and which control files get which values.
#include "cgroup/backend.h"
#include "cgroup/cgroup_file.h"
#include "cgroup/container_cgroup.h"

#include <QtTest/QtTest>

#include <fstream>

using namespace berth::cgroup;
namespace fs = std::filesystem;

namespace {

void writeText(const fs::path& file, const std::string& text)
{
    fs::create_directories(file.parent_path());
    std::ofstream(file) << text;
}

QString readText(const fs::path& file)
{
    const berth::Result<std::string> text = readFile(file);
    return text ? QString::fromStdString(*text) : QString("<%1>").arg(QString::fromStdString(text.error().message));
}

Layout unifiedLayout(const fs::path& root, std::vector<std::string> controllers)
{
    Layout layout;
    layout.mode = Mode::Unified;
    layout.unified = Hierarchy{root, std::move(controllers), {}, true};
    return layout;
}

} // namespace

class TestCgroupPlacement : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void v2EnablesControllersDownToParent_data();
    void v2EnablesControllersDownToParent();
    void v2RefusesCgroupWithProcesses();
    void pidsAreCollectedRecursively();
    void openFindsOnlyExistingPlacements();
    void invalidNames_data();
    void invalidNames();
    void v1CopiesCpusetIntoEmptyParent();
    void v1PreparesContainerCpusetAndDevices();
    void v1RestrictsDevicesWithAllowlist();
    void v1WithoutDevicesControllerRefuses();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    fs::path m_root;
};

void TestCgroupPlacement::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_root = m_dir->path().toStdString();
}

void TestCgroupPlacement::cleanup()
{
    m_dir.reset();
}

void TestCgroupPlacement::v2EnablesControllersDownToParent_data()
{
    QTest::addColumn<QString>("parent");
    QTest::addColumn<QStringList>("available");
    QTest::addColumn<QString>("request");
    QTest::addColumn<QStringList>("levels"); // where subtree_control must hold the request
    const QStringList all{"cpuset", "cpu", "io", "memory", "hugetlb", "pids", "rdma"};
    QTest::newRow("one level") << "berth" << all << "+cpu +cpuset +io +memory +pids" << QStringList{"", "berth"};
    QTest::newRow("nested parent") << "a/b" << all << "+cpu +cpuset +io +memory +pids" << QStringList{"", "a", "a/b"};
    QTest::newRow("only some offered") << "berth" << QStringList{"memory", "pids"} << "+memory +pids"
                                       << QStringList{"", "berth"};
}

void TestCgroupPlacement::v2EnablesControllersDownToParent()
{
    QFETCH(QString, parent);
    QFETCH(QStringList, available);
    QFETCH(QString, request);
    QFETCH(QStringList, levels);
    std::vector<std::string> controllers;
    for (const QString& c : available)
        controllers.push_back(c.toStdString());

    auto cgroup = ContainerCgroup::create(unifiedLayout(m_root, controllers), parent.toStdString(), "c1");
    QVERIFY2(cgroup.has_value(), cgroup ? "" : cgroup.error().describe().c_str());

    for (const QString& level : levels)
        QCOMPARE(readText(m_root / level.toStdString() / "cgroup.subtree_control"), request);
    // The container's own cgroup hands nothing on: systemd inside decides.
    const fs::path dir = m_root / parent.toStdString() / "c1";
    QVERIFY(fs::is_directory(dir));
    QVERIFY(!fs::exists(dir / "cgroup.subtree_control"));
    QCOMPARE(cgroup->relativePath(), parent.toStdString() + "/c1");
    QCOMPARE(cgroup->directories(), std::vector<fs::path>{dir});
    QCOMPARE(cgroup->procsFiles(), std::vector<fs::path>{dir / "cgroup.procs"});
}

void TestCgroupPlacement::v2RefusesCgroupWithProcesses()
{
    writeText(m_root / "berth/c1/sub/cgroup.procs", "4242\n");
    auto cgroup = ContainerCgroup::create(unifiedLayout(m_root, {"memory"}), "berth", "c1");
    QVERIFY(!cgroup.has_value());
    QCOMPARE(cgroup.error().code, EEXIST);
    QVERIFY(cgroup.error().message.find("holds processes") != std::string::npos);
    QVERIFY(cgroup.error().message.find("berth/c1") != std::string::npos);
    // The busy cgroup is someone else's: left as it was.
    QCOMPARE(readText(m_root / "berth/c1/sub/cgroup.procs"), QString("4242\n"));
}

void TestCgroupPlacement::pidsAreCollectedRecursively()
{
    auto cgroup = ContainerCgroup::create(unifiedLayout(m_root, {}), "berth", "c1");
    QVERIFY(cgroup.has_value());
    writeText(m_root / "berth/c1/cgroup.procs", "30\n10\n");
    writeText(m_root / "berth/c1/init.scope/cgroup.procs", "20\n");
    writeText(m_root / "berth/c1/system.slice/a.service/cgroup.procs", "40\n10\n");
    const auto pids = cgroup->pids();
    QVERIFY2(pids.has_value(), pids ? "" : pids.error().describe().c_str());
    QCOMPARE(*pids, (std::vector<pid_t>{10, 20, 30, 40}));
}

void TestCgroupPlacement::openFindsOnlyExistingPlacements()
{
    Layout layout = unifiedLayout(m_root / "unified", {});
    layout.mode = Mode::Hybrid;
    layout.legacy.push_back(Hierarchy{m_root / "pids", {"pids"}, {}, false});
    layout.legacy.push_back(Hierarchy{m_root / "memory", {"memory"}, {}, false});

    auto missing = ContainerCgroup::open(layout, "berth", "c1");
    QVERIFY(!missing.has_value());
    QCOMPARE(missing.error().code, ENOENT);

    fs::create_directories(m_root / "memory/berth/c1");
    auto found = ContainerCgroup::open(layout, "berth", "c1");
    QVERIFY(found.has_value());
    QCOMPARE(found->directories(), std::vector<fs::path>{m_root / "memory/berth/c1"});
    QCOMPARE(int(found->mode()), int(Mode::Hybrid));
}

void TestCgroupPlacement::invalidNames_data()
{
    QTest::addColumn<QString>("parent");
    QTest::addColumn<QString>("name");
    QTest::newRow("empty name") << "berth"
                                << "";
    QTest::newRow("empty parent") << ""
                                  << "c1";
    QTest::newRow("dotdot name") << "berth"
                                 << "..";
    QTest::newRow("dot name") << "berth"
                              << ".";
    QTest::newRow("name with slash") << "berth"
                                     << "a/b";
    QTest::newRow("escaping parent") << "berth/../.."
                                     << "c1";
    QTest::newRow("absolute parent") << "/berth"
                                     << "c1";
}

void TestCgroupPlacement::invalidNames()
{
    QFETCH(QString, parent);
    QFETCH(QString, name);
    auto cgroup = ContainerCgroup::create(unifiedLayout(m_root, {"memory"}), parent.toStdString(), name.toStdString());
    QVERIFY(!cgroup.has_value());
    QCOMPARE(cgroup.error().code, EINVAL);
    // Refused before anything was touched.
    QVERIFY(fs::is_empty(m_root));
}

void TestCgroupPlacement::v1CopiesCpusetIntoEmptyParent()
{
    writeText(m_root / "cpuset.cpus", "0-3\n");
    writeText(m_root / "cpuset.mems", "0\n");
    writeText(m_root / "berth/cpuset.cpus", "\n"); // what a new v1 cpuset shows
    writeText(m_root / "berth/cpuset.mems", "\n");
    writeText(m_root / "other/cpuset.cpus", "1\n"); // already set: kept
    writeText(m_root / "other/cpuset.mems", "0\n");
    const Hierarchy cpuset{m_root, {"cpuset"}, {}, false};

    QVERIFY(v1Backend().prepareParent(cpuset, {m_root, m_root / "berth"}).has_value());
    QCOMPARE(readText(m_root / "berth/cpuset.cpus"), QString("0-3"));
    QCOMPARE(readText(m_root / "berth/cpuset.mems"), QString("0"));

    QVERIFY(v1Backend().prepareParent(cpuset, {m_root, m_root / "other"}).has_value());
    QCOMPARE(readText(m_root / "other/cpuset.cpus"), QString("1\n"));
}

void TestCgroupPlacement::v1PreparesContainerCpusetAndDevices()
{
    writeText(m_root / "cpuset/berth/cpuset.cpus", "0-1\n");
    writeText(m_root / "cpuset/berth/cpuset.mems", "0\n");
    writeText(m_root / "cpuset/berth/c1/cpuset.cpus", "");
    writeText(m_root / "cpuset/berth/c1/cpuset.mems", "");
    const Hierarchy cpuset{m_root / "cpuset", {"cpuset"}, {}, false};
    QVERIFY(v1Backend().prepareContainer(cpuset, m_root / "cpuset/berth/c1").has_value());
    QCOMPARE(readText(m_root / "cpuset/berth/c1/cpuset.cpus"), QString("0-1"));
    QCOMPARE(readText(m_root / "cpuset/berth/c1/cgroup.clone_children"), QString("1"));

    // Devices are restricted by a step of their own (restrictDevices).
    fs::create_directories(m_root / "devices/berth/c1");
    const Hierarchy devices{m_root / "devices", {"devices"}, {}, false};
    QVERIFY(v1Backend().prepareContainer(devices, m_root / "devices/berth/c1").has_value());
    QVERIFY(fs::is_empty(m_root / "devices/berth/c1"));

    // A unified hierarchy in a hybrid layout is for placement only.
    fs::create_directories(m_root / "unified/berth/c1");
    const Hierarchy unified{m_root / "unified", {"memory"}, {}, true};
    QVERIFY(v1Backend().prepareParent(unified, {m_root / "unified", m_root / "unified/berth"}).has_value());
    QVERIFY(v1Backend().prepareContainer(unified, m_root / "unified/berth/c1").has_value());
    QVERIFY(fs::is_empty(m_root / "unified/berth/c1"));
    QVERIFY(!fs::exists(m_root / "unified/cgroup.subtree_control"));
}

// A plain file keeps only the last write; the real list is checked by the
// integration test. Here: deny-all first, last allow rule last, in the
// devices hierarchy only.
void TestCgroupPlacement::v1RestrictsDevicesWithAllowlist()
{
    fs::create_directories(m_root / "devices/berth/c1");
    fs::create_directories(m_root / "memory/berth/c1");
    const std::vector<Placement> placements{
        {Hierarchy{m_root / "memory", {"memory"}, {}, false}, m_root / "memory/berth/c1"},
        {Hierarchy{m_root / "devices", {"devices"}, {}, false}, m_root / "devices/berth/c1"},
    };
    QVERIFY(v1Backend().restrictDevices(placements, defaultDeviceAllowlist()).has_value());
    QCOMPARE(readText(m_root / "devices/berth/c1/devices.deny"), QString("a"));
    QCOMPARE(readText(m_root / "devices/berth/c1/devices.allow"), QString("b *:* m"));
    QVERIFY(fs::is_empty(m_root / "memory/berth/c1"));
}

// No devices hierarchy: the container would reach every device, so no start.
void TestCgroupPlacement::v1WithoutDevicesControllerRefuses()
{
    fs::create_directories(m_root / "memory/berth/c1");
    const std::vector<Placement> placements{
        {Hierarchy{m_root / "memory", {"memory"}, {}, false}, m_root / "memory/berth/c1"},
        {Hierarchy{m_root / "unified", {}, {}, true}, m_root / "unified/berth/c1"},
    };
    const berth::Status restricted = v1Backend().restrictDevices(placements, defaultDeviceAllowlist());
    QVERIFY(!restricted);
    QCOMPARE(restricted.error().code, ENOTSUP);
    QVERIFY(fs::is_empty(m_root / "memory/berth/c1"));
}

QTEST_GUILESS_MAIN(TestCgroupPlacement)
#include "test_cgroup_placement.moc"
