// exec into an unprivileged container whose root took Berth's exec leaf on
// cgroup v2 (issue #17 item 2), inside the user-mode-Linux kernel
// (tests/uml): the root removes the empty .berth-exec (its parent is the
// root's), makes its own and hands a controller down in it, so no process
// may join it (EBUSY). exec then joins a leaf of Berth's, .berth-exec-1.
#include "integration_env.h"
#include "lifecycle_fixture.h"

#include <QtTest/QtTest>

#include <filesystem>
#include <fstream>

#include <sys/stat.h>

using namespace berth;
using namespace berth::test;
using namespace std::chrono_literals;
namespace fsys = std::filesystem;

class TestExecLeafV2 : public QObject {
    Q_OBJECT

    Engine m_engine = makeEngine();

    fsys::path hostCgroup(const std::string& name) const
    {
        return fsys::path("/sys/fs/cgroup") / m_engine.settings().cgroupParent / name;
    }

    static uid_t ownerOf(const fsys::path& path)
    {
        struct stat st {};
        return ::lstat(path.c_str(), &st) == 0 ? st.st_uid : uid_t(-1);
    }

private slots:
    void aLeafTheContainerTookIsPassedOver()
    {
        const std::string name = "leaf";
        auto created = m_engine.create({.name = name, .kind = ContainerKind::System});
        QVERIFY2(created, created ? "" : created.error().describe().c_str());
        std::ofstream(m_engine.settings().paths.configFile(name), std::ios::app) << "lxc.mount.auto = cgroup:mixed\n";
        auto started = m_engine.start(name);
        QVERIFY2(started, started ? "" : started.error().describe().c_str());

        // The shell leaves the leaf with everything else for /init, then
        // remakes the leaf as an inner node of its own.
        const std::string script =
            "cd /sys/fs/cgroup && mkdir init && echo $$ > init/cgroup.procs && "
            "for p in $(cat cgroup.procs); do echo $p > init/cgroup.procs; done && "
            "rmdir .berth-exec && mkdir .berth-exec && c=$(cut -d' ' -f1 cgroup.controllers) && "
            "echo +$c > cgroup.subtree_control && echo +$c > .berth-exec/cgroup.subtree_control && "
            "mkdir .berth-exec/inner && echo taken";
        const RunResult taken = execCaptured(m_engine, name, {"sh", "-c", script});
        QVERIFY2(taken.exit.code == 0 && taken.output == "taken\n", taken.output.c_str());
        QVERIFY(ownerOf(hostCgroup(name) / ".berth-exec") != 0);

        const RunResult joined = execCaptured(m_engine, name, {"cat", "/proc/self/cgroup"});
        QCOMPARE(joined.output, std::string("0::/.berth-exec-1\n"));
        QCOMPARE(joined.exit.code, 0);
        QCOMPARE(ownerOf(hostCgroup(name) / ".berth-exec-1"), uid_t(0));

        auto stopped = m_engine.stop(name, 20s);
        QVERIFY2(stopped, stopped ? "" : stopped.error().describe().c_str());
        QVERIFY(!fsys::exists(hostCgroup(name)));
        QVERIFY(m_engine.destroy(name));
    }
};

BERTH_INTEGRATION_MAIN(TestExecLeafV2)
#include "test_exec_leaf_v2.moc"
