// checkconfig on a cgroup v2 host (issue #17), run inside the user-mode-Linux
// kernel (tests/uml): the layout, the BPF device program a test load proves,
// and Berth's own parent with the v2 files an unprivileged root owns. The
// guest's init is no systemd; the systemd host is the sdhost test's.
#include "check/check_groups.h"

#include <QtTest/QtTest>

using berth::CheckItem;
using berth::CheckStatus;

class TestCgroupUseV2 : public QObject {
    Q_OBJECT

    berth::CheckGroup m_group;

private slots:
    void initTestCase() { m_group = berth::check::checkCgroups("/", true); }

    void item_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("detail");
        QTest::newRow("layout") << "cgroup.mode"
                                << "unified: cgroup2 at /sys/fs/cgroup";
        QTest::newRow("devices") << "cgroup.devices"
                                 << "/sys/fs/cgroup (cgroup2, BPF device programs: a test program loaded)";
        QTest::newRow("device control")
            << "cgroup.device_control"
            << "BPF device program (cgroup v2, BPF_CGROUP_DEVICE) on each container's cgroup";
        QTest::newRow("delegation") << "cgroup.delegation"
                                    << "Berth's own parent /sys/fs/cgroup/berth; an unprivileged container's root owns "
                                       "its cgroup's cgroup.procs, cgroup.threads, cgroup.subtree_control (cgroup v2)";
    }

    void item()
    {
        QFETCH(QString, id);
        QFETCH(QString, detail);
        const auto found = std::ranges::find(m_group.items, id.toStdString(), &CheckItem::id);
        QVERIFY2(found != m_group.items.end(), qPrintable("no item " + id));
        QCOMPARE(QString::fromStdString(found->detail), detail);
        QCOMPARE(found->status, CheckStatus::Ok);
    }
};

QTEST_GUILESS_MAIN(TestCgroupUseV2)
#include "test_cgroup_use_v2.moc"
