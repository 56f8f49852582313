// applyLimits against plain directories laid out like cgroupfs (v2: one
// directory; v1: one per controller hierarchy): the exact files and values
// written, subtree_control handling, and rollback when a write fails.
#include "cgroup/apply_writes.h"
#include "cgroup/backend.h"
#include "cgroup/cgroup_file.h"

#include <QtTest/QtTest>

#include <fstream>

using namespace berth;
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
    const Result<std::string> text = readFile(file);
    return text ? QString::fromStdString(*text) : QString("<%1>").arg(QString::fromStdString(text.error().message));
}

} // namespace

class TestCgroupApply : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void v2WritesExactValues();
    void v2EnablesMissingControllersInParent_data();
    void v2EnablesMissingControllersInParent();
    void v2RollsBackOnFailure();
    void v1WritesIntoEachControllersHierarchy();
    void v1UnknownControllerWritesNothing();
    void v1RollsBackInReverseOrder();
    void restoreValues_data();
    void restoreValues();

private:
    std::vector<Placement> v2Placement(const std::string& subtree);
    std::vector<Placement> v1Placements();

    std::unique_ptr<QTemporaryDir> m_dir;
    fs::path m_root;
};

void TestCgroupApply::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_root = m_dir->path().toStdString();
}

void TestCgroupApply::cleanup()
{
    m_dir.reset();
}

// <root>/berth/c1 with the files the kernel would show; the parent hands
// down `subtree`.
std::vector<Placement> TestCgroupApply::v2Placement(const std::string& subtree)
{
    const fs::path dir = m_root / "berth" / "c1";
    writeText(m_root / "berth" / "cgroup.subtree_control", subtree);
    writeText(dir / "memory.max", "max\n");
    writeText(dir / "memory.high", "max\n");
    writeText(dir / "cpu.max", "max 100000\n");
    writeText(dir / "pids.max", "max\n");
    writeText(dir / "io.max", "");
    Hierarchy unified{m_root, {"cpu", "io", "memory", "pids"}, {}, true};
    return {Placement{unified, dir}};
}

std::vector<Placement> TestCgroupApply::v1Placements()
{
    std::vector<Placement> placements;
    for (const char* controller : {"memory", "cpu", "pids"}) {
        const fs::path dir = m_root / controller / "berth" / "c1";
        fs::create_directories(dir);
        placements.push_back(Placement{Hierarchy{m_root / controller, {controller}, {}, false}, dir});
    }
    writeText(m_root / "memory/berth/c1/memory.limit_in_bytes", "9223372036854771712\n");
    writeText(m_root / "memory/berth/c1/memory.soft_limit_in_bytes", "9223372036854771712\n");
    writeText(m_root / "cpu/berth/c1/cpu.cfs_quota_us", "-1\n");
    writeText(m_root / "cpu/berth/c1/cpu.shares", "1024\n");
    writeText(m_root / "pids/berth/c1/pids.max", "max\n");
    return placements;
}

void TestCgroupApply::v2WritesExactValues()
{
    const std::vector<Placement> placements = v2Placement("cpu io memory pids\n");
    const std::vector<CgroupWrite> writes{
        {"memory", "memory.max", "268435456"}, {"memory", "memory.high", "201326592"},
        {"cpu", "cpu.max", "20000 100000"},    {"pids", "pids.max", "64"},
        {"io", "io.max", "8:0 rbps=1048576"},
    };
    const Status applied = v2Backend().applyLimits(placements, writes);
    QVERIFY2(applied, applied ? "" : applied.error().message.c_str());
    for (const CgroupWrite& write : writes)
        QCOMPARE(readText(placements.front().dir / write.file), QString::fromStdString(write.value));
    // Everything was enabled already: the parent's file is left alone.
    QCOMPARE(readText(m_root / "berth" / "cgroup.subtree_control"), QString("cpu io memory pids\n"));
}

void TestCgroupApply::v2EnablesMissingControllersInParent_data()
{
    QTest::addColumn<QString>("enabled");
    QTest::addColumn<QString>("controller");
    QTest::addColumn<QString>("after");
    QTest::newRow("none enabled") << ""
                                  << "pids"
                                  << "+pids";
    QTest::newRow("other enabled") << "cpu memory\n"
                                   << "pids"
                                   << "+pids";
    QTest::newRow("already enabled") << "cpu pids\n"
                                     << "pids"
                                     << "cpu pids\n";
    QTest::newRow("name is a prefix of another") << "memory\n"
                                                 << "memory"
                                                 << "memory\n";
}

void TestCgroupApply::v2EnablesMissingControllersInParent()
{
    QFETCH(QString, enabled);
    QFETCH(QString, controller);
    QFETCH(QString, after);
    const std::vector<Placement> placements = v2Placement(enabled.toStdString());
    const Status applied = v2Backend().applyLimits(placements, {{controller.toStdString(), "pids.max", "10"}});
    QVERIFY2(applied, applied ? "" : applied.error().message.c_str());
    // A fixture file keeps only the last write: one missing controller
    // shows exactly what was requested.
    QCOMPARE(readText(m_root / "berth" / "cgroup.subtree_control"), after);
    QCOMPARE(readText(placements.front().dir / "pids.max"), QString("10"));
}

void TestCgroupApply::v2RollsBackOnFailure()
{
    const std::vector<Placement> placements = v2Placement("cpu io memory pids\n");
    const fs::path dir = placements.front().dir;
    fs::remove(dir / "pids.max");
    fs::create_directory(dir / "pids.max"); // neither readable nor writable as a file
    const Status applied = v2Backend().applyLimits(placements, {
                                                                   {"memory", "memory.max", "268435456"},
                                                                   {"cpu", "cpu.max", "20000 100000"},
                                                                   {"pids", "pids.max", "64"},
                                                                   {"memory", "memory.high", "1"},
                                                               });
    QVERIFY(!applied);
    QVERIFY2(applied.error().message.find((dir / "pids.max").string()) != std::string::npos,
             applied.error().message.c_str());
    QCOMPARE(readText(dir / "memory.max"), QString("max"));
    QCOMPARE(readText(dir / "cpu.max"), QString("max 100000"));
    QCOMPARE(readText(dir / "memory.high"), QString("max\n")); // never reached
}

void TestCgroupApply::v1WritesIntoEachControllersHierarchy()
{
    const std::vector<Placement> placements = v1Placements();
    const Status applied = v1Backend().applyLimits(placements, {
                                                                   {"memory", "memory.limit_in_bytes", "268435456"},
                                                                   {"cpu", "cpu.cfs_quota_us", "20000"},
                                                                   {"cpu", "cpu.shares", "512"},
                                                                   {"pids", "pids.max", "64"},
                                                               });
    QVERIFY2(applied, applied ? "" : applied.error().message.c_str());
    QCOMPARE(readText(m_root / "memory/berth/c1/memory.limit_in_bytes"), QString("268435456"));
    QCOMPARE(readText(m_root / "cpu/berth/c1/cpu.cfs_quota_us"), QString("20000"));
    QCOMPARE(readText(m_root / "cpu/berth/c1/cpu.shares"), QString("512"));
    QCOMPARE(readText(m_root / "pids/berth/c1/pids.max"), QString("64"));
    QVERIFY(!fs::exists(m_root / "memory/berth/c1/cpu.shares"));
    QVERIFY(!fs::exists(m_root / "pids/berth/c1/memory.limit_in_bytes"));
}

void TestCgroupApply::v1UnknownControllerWritesNothing()
{
    const std::vector<Placement> placements = v1Placements();
    const Status applied = v1Backend().applyLimits(placements, {
                                                                   {"pids", "pids.max", "64"},
                                                                   {"blkio", "blkio.weight", "500"},
                                                               });
    QVERIFY(!applied);
    QCOMPARE(applied.error().code, ENOTSUP);
    QVERIFY2(applied.error().message.find("'blkio'") != std::string::npos, applied.error().message.c_str());
    QCOMPARE(readText(m_root / "pids/berth/c1/pids.max"), QString("max\n"));
}

void TestCgroupApply::v1RollsBackInReverseOrder()
{
    const std::vector<Placement> placements = v1Placements();
    fs::create_directory(m_root / "cpu/berth/c1/cpu.cfs_period_us");
    const Status applied =
        v1Backend().applyLimits(placements, {
                                                {"memory", "memory.limit_in_bytes", "268435456"},
                                                {"memory", "memory.soft_limit_in_bytes", "134217728"},
                                                {"cpu", "cpu.cfs_quota_us", "20000"},
                                                {"cpu", "cpu.cfs_period_us", "100000"},
                                                {"pids", "pids.max", "64"},
                                            });
    QVERIFY(!applied);
    QVERIFY2(applied.error().message.find("cpu.cfs_period_us") != std::string::npos, applied.error().message.c_str());
    QCOMPARE(readText(m_root / "memory/berth/c1/memory.limit_in_bytes"), QString("9223372036854771712"));
    QCOMPARE(readText(m_root / "memory/berth/c1/memory.soft_limit_in_bytes"), QString("9223372036854771712"));
    QCOMPARE(readText(m_root / "cpu/berth/c1/cpu.cfs_quota_us"), QString("-1"));
    QCOMPARE(readText(m_root / "pids/berth/c1/pids.max"), QString("max\n"));
}

void TestCgroupApply::restoreValues_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("previous");
    QTest::addColumn<QString>("written");
    QTest::addColumn<QStringList>("restores");
    QTest::newRow("plain value") << "memory.max"
                                 << "max\n"
                                 << "268435456" << QStringList{"max"};
    QTest::newRow("cpu.max") << "cpu.max"
                             << "max 100000\n"
                             << "20000 100000" << QStringList{"max 100000"};
    QTest::newRow("io.max device listed") << "io.max"
                                          << "8:0 rbps=100 wbps=max riops=max wiops=max\n"
                                          << "8:0 rbps=5" << QStringList{"8:0 rbps=100 wbps=max riops=max wiops=max"};
    QTest::newRow("io.max device new") << "io.max"
                                       << "8:0 rbps=100 wbps=max riops=max wiops=max\n"
                                       << "8:16 wbps=5"
                                       << QStringList{"8:0 rbps=100 wbps=max riops=max wiops=max",
                                                      "8:16 rbps=max wbps=max riops=max wiops=max"};
    QTest::newRow("io.max empty before") << "io.max"
                                         << ""
                                         << "8:0 rbps=5" << QStringList{"8:0 rbps=max wbps=max riops=max wiops=max"};
    QTest::newRow("blkio throttle new device") << "blkio.throttle.read_bps_device"
                                               << ""
                                               << "8:0 1048576" << QStringList{"8:0 0"};
    QTest::newRow("io.weight lines") << "io.weight"
                                     << "default 100\n8:0 200\n"
                                     << "default 50" << QStringList{"default 100", "8:0 200"};
}

void TestCgroupApply::restoreValues()
{
    QFETCH(QString, file);
    QFETCH(QString, previous);
    QFETCH(QString, written);
    QFETCH(QStringList, restores);
    QStringList got;
    for (const std::string& value :
         cgroup::restoreValues(file.toStdString(), previous.toStdString(), written.toStdString()))
        got << QString::fromStdString(value);
    QCOMPARE(got, restores);
}

QTEST_GUILESS_MAIN(TestCgroupApply)
#include "test_cgroup_apply.moc"
