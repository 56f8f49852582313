// Layout detection from fixture mountinfo files, and the file helpers.
#include "cgroup/cgroup_file.h"
#include "cgroup/layout.h"

#include <QtTest/QtTest>

#include <fstream>

using namespace berth::cgroup;
namespace fs = std::filesystem;

namespace {

const fs::path kFixtures = BERTH_CGROUP_FIXTURES;

// "mount[name]:ctrl,ctrl" per hierarchy, mount relative to the fake root.
QString describe(const Hierarchy& h, const fs::path& root)
{
    QStringList controllers;
    for (const std::string& c : h.controllers)
        controllers << QString::fromStdString(c);
    QString text = "/" + QString::fromStdString(h.mountPoint.lexically_relative(root).string());
    if (!h.name.empty())
        text += "[" + QString::fromStdString(h.name) + "]";
    return text + ":" + controllers.join(',');
}

QString describe(const Layout& layout, const fs::path& root)
{
    QStringList parts;
    for (const Hierarchy& h : layout.legacy)
        parts << describe(h, root);
    return parts.join(' ');
}

void writeText(const fs::path& file, const std::string& text)
{
    fs::create_directories(file.parent_path());
    std::ofstream(file) << text;
}

} // namespace

class TestCgroupLayout : public QObject {
    Q_OBJECT
private slots:
    void detect_data();
    void detect();
    void detectErrors_data();
    void detectErrors();
    void parsePids_data();
    void parsePids();
    void writeErrorNamesValueAndFile();
    void splitDropsEmptyPieces();
};

void TestCgroupLayout::detect_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("cgroup2Dir"); // where the fake cgroup.controllers goes
    QTest::addColumn<QString>("cgroup2Controllers");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("legacy");
    QTest::addColumn<QString>("unified"); // "mount:ctrl,..." or empty

    QTest::newRow("this machine: hybrid, empty-ish cgroup2")
        << "hybrid.mountinfo"
        << "sys/fs/cgroup/unified"
        << "hugetlb\n"
        << int(Mode::Hybrid)
        << "/sys/fs/cgroup/cpu:cpu /sys/fs/cgroup/cpuacct:cpuacct /sys/fs/cgroup/cpuset:cpuset "
           "/sys/fs/cgroup/memory:memory /sys/fs/cgroup/devices:devices /sys/fs/cgroup/freezer:freezer "
           "/sys/fs/cgroup/blkio:blkio /sys/fs/cgroup/pids:pids /sys/fs/cgroup/systemd[systemd]:"
        << "/sys/fs/cgroup/unified:hugetlb";
    QTest::newRow("pure v2 host") << "unified.mountinfo"
                                  << "sys/fs/cgroup"
                                  << "cpuset cpu io memory hugetlb pids rdma misc\n"
                                  << int(Mode::Unified) << ""
                                  << "/sys/fs/cgroup:cpuset,cpu,io,memory,hugetlb,pids,rdma,misc";
    QTest::newRow("v1 only, co-mounted, bind mount counted once")
        << "legacy.mountinfo"
        << ""
        << "" << int(Mode::Legacy)
        << "/sys/fs/cgroup/systemd[systemd]: /sys/fs/cgroup/cpu,cpuacct:cpu,cpuacct "
           "/sys/fs/cgroup/net_cls,net_prio:net_cls,net_prio /sys/fs/cgroup/cpuset:cpuset "
           "/sys/fs/cgroup/memory:memory /sys/fs/cgroup/freezer:freezer /sys/fs/cgroup/devices:devices "
           "/sys/fs/cgroup/pids:pids /sys/fs/cgroup/blkio:blkio"
        << "";
    QTest::newRow("escaped mount point, noprefix flag ignored") << "escaped.mountinfo"
                                                                << ""
                                                                << "" << int(Mode::Legacy) << "/cg/my cpu:cpu"
                                                                << "";
}

void TestCgroupLayout::detect()
{
    QFETCH(QString, fixture);
    QFETCH(QString, cgroup2Dir);
    QFETCH(QString, cgroup2Controllers);
    QFETCH(int, mode);
    QFETCH(QString, legacy);
    QFETCH(QString, unified);

    QTemporaryDir root;
    QVERIFY(root.isValid());
    const fs::path rootPath = root.path().toStdString();
    if (!cgroup2Dir.isEmpty())
        writeText(rootPath / cgroup2Dir.toStdString() / "cgroup.controllers", cgroup2Controllers.toStdString());

    const berth::Result<Layout> layout = detectLayout(kFixtures / fixture.toStdString(), rootPath);
    QVERIFY2(layout.has_value(), layout ? "" : layout.error().describe().c_str());
    QCOMPARE(int(layout->mode), mode);
    QCOMPARE(describe(*layout, rootPath), legacy);
    QCOMPARE(layout->unified ? describe(*layout->unified, rootPath) : QString(), unified);
    const size_t expectedPlacements = layout->legacy.size() + (unified.isEmpty() ? 0 : 1);
    QCOMPARE(layout->placementHierarchies().size(), expectedPlacements);
}

void TestCgroupLayout::detectErrors_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("code");
    QTest::newRow("no cgroup mounted") << "none.mountinfo" << ENOENT;
    QTest::newRow("line without separator") << "malformed.mountinfo" << EINVAL;
    QTest::newRow("missing file") << "does-not-exist.mountinfo" << ENOENT;
    // The cgroup2 mount exists but its cgroup.controllers cannot be read.
    QTest::newRow("unreadable cgroup2") << "unified.mountinfo" << ENOENT;
}

void TestCgroupLayout::detectErrors()
{
    QFETCH(QString, fixture);
    QFETCH(int, code);
    QTemporaryDir root;
    QVERIFY(root.isValid());
    const berth::Result<Layout> layout = detectLayout(kFixtures / fixture.toStdString(), root.path().toStdString());
    QVERIFY(!layout.has_value());
    QCOMPARE(layout.error().code, code);
    QVERIFY(!layout.error().message.empty());
}

void TestCgroupLayout::parsePids_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QList<int>>("pids");
    QTest::newRow("empty") << "" << true << QList<int>{};
    QTest::newRow("two") << "12\n3456\n" << true << QList<int>{12, 3456};
    QTest::newRow("no final newline") << "7" << true << QList<int>{7};
    QTest::newRow("word") << "12\nabc\n" << false << QList<int>{};
    QTest::newRow("zero") << "0\n" << false << QList<int>{};
    QTest::newRow("negative") << "-5\n" << false << QList<int>{};
    QTest::newRow("trailing space") << "12 \n" << false << QList<int>{};
    QTest::newRow("too big") << "99999999999\n" << false << QList<int>{};
}

void TestCgroupLayout::parsePids()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QList<int>, pids);
    const auto parsed = berth::cgroup::parsePids(text.toStdString(), "/x/cgroup.procs");
    QCOMPARE(parsed.has_value(), valid);
    if (!valid) {
        QCOMPARE(parsed.error().code, EINVAL);
        return;
    }
    QCOMPARE(QList<int>(parsed->begin(), parsed->end()), pids);
}

void TestCgroupLayout::writeErrorNamesValueAndFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const fs::path file = fs::path(dir.path().toStdString()) / "missing" / "cgroup.procs";
    const berth::Status written = writeFile(file, "42");
    QVERIFY(!written.has_value());
    QCOMPARE(written.error().code, ENOENT);
    QCOMPARE(QString::fromStdString(written.error().message),
             QString("write '42' to %1: No such file or directory").arg(QString::fromStdString(file.string())));
}

void TestCgroupLayout::splitDropsEmptyPieces()
{
    QCOMPARE(split(" cpu  io\nmemory \n"), (std::vector<std::string>{"cpu", "io", "memory"}));
    QCOMPARE(split("rw,,cpu,", ","), (std::vector<std::string>{"rw", "cpu"}));
    QVERIFY(split("").empty());
}

QTEST_GUILESS_MAIN(TestCgroupLayout)
#include "test_cgroup_layout.moc"
