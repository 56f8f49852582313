// exec into an unprivileged container whose root took Berth's exec leaf
// (issue #17 item 2): the root removes the empty .berth-exec (its parent is
// the root's) and makes its own, where it could hand controllers down at any
// time (EBUSY for whoever joins). exec then joins a leaf of Berth's,
// .berth-exec-1. Built twice: for this host, whose cgroup2 mount (unified/)
// has no controllers but gets the leaf all the same, and (BERTH_EXPECT_V2)
// for the cgroup v2 kernel of tests/uml, where the root does hand a
// controller down in its leaf.
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

namespace {

#ifdef BERTH_EXPECT_V2
constexpr const char* kUnified = "/sys/fs/cgroup";
// Its own leaf made an inner node: cgroup2 refuses processes there.
constexpr const char* kInnerNode = " && c=$(cut -d' ' -f1 cgroup.controllers) && echo +$c > cgroup.subtree_control && "
                                   "echo +$c > .berth-exec/cgroup.subtree_control && mkdir .berth-exec/inner";
#else
constexpr const char* kUnified = "/sys/fs/cgroup/unified";
constexpr const char* kInnerNode = ""; // no controllers on this cgroup2 mount
#endif

} // namespace

class TestExecLeaf : public QObject {
    Q_OBJECT

    Engine m_engine = makeEngine();

    fsys::path hostCgroup(const std::string& name) const
    {
        return fsys::path(kUnified) / m_engine.settings().cgroupParent / name;
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
        const std::string script = std::string("cd ") + kUnified +
                                   " && mkdir init && echo $$ > init/cgroup.procs && "
                                   "for p in $(cat cgroup.procs); do echo $p > init/cgroup.procs; done && "
                                   "rmdir .berth-exec && mkdir .berth-exec" +
                                   kInnerNode + " && echo taken";
        const RunResult taken = execCaptured(m_engine, name, {"sh", "-c", script});
        QVERIFY2(taken.exit.code == 0 && taken.output == "taken\n", taken.output.c_str());
        QVERIFY(ownerOf(hostCgroup(name) / ".berth-exec") != 0);

        const RunResult joined = execCaptured(m_engine, name, {"cat", "/proc/self/cgroup"});
        QVERIFY2(joined.output.find("0::/.berth-exec-1\n") != std::string::npos, joined.output.c_str());
        QCOMPARE(joined.exit.code, 0);
        QCOMPARE(ownerOf(hostCgroup(name) / ".berth-exec-1"), uid_t(0));

        auto stopped = m_engine.stop(name, 20s);
        QVERIFY2(stopped, stopped ? "" : stopped.error().describe().c_str());
        QVERIFY(!fsys::exists(hostCgroup(name)));
        QVERIFY(m_engine.destroy(name));
    }
};

BERTH_INTEGRATION_MAIN(TestExecLeaf)
#include "test_exec_leaf.moc"
