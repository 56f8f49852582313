// The cgroup manager (engine/src/cgroup/cgroup_manager.h): which one a run
// gets, decided once from the host and the parent, and what the cgroupfs
// one does (nothing beyond naming the parent). The systemd one's D-Bus
// exchanges are test_systemd_scope's and test_machine_registration's.
#include "cgroup/cgroup_manager.h"

#include <QtTest/QtTest>

#include <filesystem>

namespace fs = std::filesystem;
using berth::cgroup::ManagerKind;

Q_DECLARE_METATYPE(ManagerKind)

class TestCgroupManager : public QObject {
    Q_OBJECT

private slots:
    void kindFor_data()
    {
        QTest::addColumn<bool>("systemdInit");
        QTest::addColumn<QString>("parent");
        QTest::addColumn<ManagerKind>("kind");
        QTest::newRow("systemd, default parent") << true << "berth" << ManagerKind::SystemdScope;
        QTest::newRow("systemd, no parent given") << true << "" << ManagerKind::SystemdScope;
        QTest::newRow("systemd, an administrator's parent") << true << "custom" << ManagerKind::Cgroupfs;
        QTest::newRow("systemd, below the default parent") << true << "berth/sub" << ManagerKind::Cgroupfs;
        QTest::newRow("no systemd, default parent") << false << "berth" << ManagerKind::Cgroupfs;
        QTest::newRow("no systemd, no parent given") << false << "" << ManagerKind::Cgroupfs;
        QTest::newRow("no systemd, an administrator's parent") << false << "custom" << ManagerKind::Cgroupfs;
    }

    void kindFor()
    {
        QFETCH(bool, systemdInit);
        QFETCH(QString, parent);
        QFETCH(ManagerKind, kind);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const fs::path root = dir.path().toStdString();
        if (systemdInit)
            fs::create_directories(root / "run/systemd/system");
        QCOMPARE(berth::cgroup::managerKindFor(root, parent.toStdString(), "berth"), kind);
        QCOMPARE(berth::cgroup::makeCgroupManager(kind, parent.toStdString())->kind(), kind);
    }

    // Berth's own parent: the container's cgroup goes below it, and there is
    // nothing to announce or to release.
    void cgroupfsNamesItsParent()
    {
        auto manager = berth::cgroup::makeCgroupManager(ManagerKind::Cgroupfs, "custom/parent");
        const auto parent = manager->prepareParent(berth::cgroup::Layout{}, "web", 4242);
        QVERIFY(parent.has_value());
        QCOMPARE(*parent, std::string("custom/parent"));
        QVERIFY(manager->announce({}).has_value());
        QVERIFY(manager->release().has_value());
    }
};

QTEST_GUILESS_MAIN(TestCgroupManager)
#include "test_cgroup_manager.moc"
