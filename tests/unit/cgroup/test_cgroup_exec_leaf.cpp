// Where a process joining a delegated container cgroup from outside (exec)
// goes, against plain directories standing in for cgroupfs (issue #15).
#include "cgroup/delegation.h"

#include <QtTest/QtTest>

#include <fstream>

using namespace berth::cgroup;
namespace fs = std::filesystem;

class TestCgroupExecLeaf : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    fs::path m_cgroup;

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_cgroup = fs::path(m_dir->path().toStdString()) / "berth" / "c1";
        fs::create_directories(m_cgroup);
        std::ofstream(m_cgroup / "cgroup.procs");
    }

    // v1: no subtree_control, processes may live in any cgroup.
    void v1JoinsTheCgroupItself()
    {
        auto file = joinableProcsFile(m_cgroup / "cgroup.procs");
        QVERIFY(file);
        QCOMPARE(*file, m_cgroup / "cgroup.procs");
        QVERIFY(!fs::exists(m_cgroup / ".berth-exec"));
    }

    // cgroup2 while nothing was handed down yet: the leaf too, since a
    // systemd inside may hand controllers down before the exec joins.
    void v2WithoutControllersJoinsALeafToo()
    {
        std::ofstream(m_cgroup / "cgroup.subtree_control") << "\n";
        auto file = joinableProcsFile(m_cgroup / "cgroup.procs");
        QVERIFY2(file, file ? "" : file.error().describe().c_str());
        QCOMPARE(*file, m_cgroup / ".berth-exec" / "cgroup.procs");
    }

    // cgroup2 after systemd inside enabled controllers for its children:
    // a leaf of Berth's, made once and reused.
    void v2WithControllersJoinsALeaf()
    {
        std::ofstream(m_cgroup / "cgroup.subtree_control") << "memory pids\n";
        for (int again = 0; again < 2; ++again) {
            auto file = joinableProcsFile(m_cgroup / "cgroup.procs");
            QVERIFY2(file, file ? "" : file.error().describe().c_str());
            QCOMPARE(*file, m_cgroup / ".berth-exec" / "cgroup.procs");
            QVERIFY(fs::is_directory(m_cgroup / ".berth-exec"));
        }
    }

    // The container's root (a privileged one's, or systemd's) enabled
    // controllers for children of the leaf: a fresh one, as LXC's .lxc-1,
    // reused while the first stays an inner node (issue #17).
    void aLeafWithControllersForItsChildrenIsPassedOver()
    {
        std::ofstream(m_cgroup / "cgroup.subtree_control") << "memory pids\n";
        fs::create_directory(m_cgroup / ".berth-exec");
        std::ofstream(m_cgroup / ".berth-exec" / "cgroup.subtree_control") << "pids\n";
        for (int again = 0; again < 2; ++again) {
            auto file = joinableProcsFile(m_cgroup / "cgroup.procs");
            QVERIFY2(file, file ? "" : file.error().describe().c_str());
            QCOMPARE(*file, m_cgroup / ".berth-exec-1" / "cgroup.procs");
        }
        std::ofstream(m_cgroup / ".berth-exec" / "cgroup.subtree_control") << "\n";
        QCOMPARE(*joinableProcsFile(m_cgroup / "cgroup.procs"), m_cgroup / ".berth-exec" / "cgroup.procs");
    }

    // An unprivileged container's root may remove the empty leaf (its parent
    // is the root's) and make its own of that name: never joined, whatever
    // it holds; nor anything that is no directory.
    void aLeafBerthDoesNotOwnIsPassedOver()
    {
        std::ofstream(m_cgroup / "cgroup.subtree_control") << "\n";
        fs::create_directory(m_cgroup / ".berth-exec");
        std::ofstream(m_cgroup / ".berth-exec-1");
        const uid_t berth = ::geteuid() + 1; // the test's own directories are someone else's
        auto file = joinableProcsFile(m_cgroup / "cgroup.procs", berth);
        QVERIFY2(file, file ? "" : file.error().describe().c_str());
        QCOMPARE(*file, m_cgroup / ".berth-exec-2" / "cgroup.procs");
    }
};

QTEST_GUILESS_MAIN(TestCgroupExecLeaf)

#include "test_cgroup_exec_leaf.moc"
