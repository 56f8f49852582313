// The cgroup trees inside an unprivileged container (issue #15): with
// lxc.mount.auto = cgroup:mixed, a busybox system container in a user
// namespace of its own sees its own cgroup as the root of each tree, makes
// sub-cgroups there and moves into them (the cgroup it was given is its
// root's), cannot write its own limit files, and the stop removes what it
// made. Built twice: for this host's v1 (hybrid: every v1 hierarchy,
// name=systemd and the cgroup2 mount) and (BERTH_EXPECT_V2) for the cgroup
// v2 kernel of tests/uml, where tmpfs has no idmapped mounts (kernel 6.1),
// so creation shifts the rootfs into the block (berth.rootfs.shifted).
// The v2 build also boots a Debian 12 copy (the debootstrap template's
// cached tree, shifted) to systemd's running state, and execs into it
// after systemd handed controllers down (issue #17).
#include "berth/config.h"
#include "berth/model/id_map.h"
#include "integration_env.h"
#include "lifecycle_fixture.h"
#include "template/debootstrap_command.h"
#include "template/debootstrap_template.h"

#include <QtTest/QtTest>

#include <filesystem>
#include <fstream>

#include <sys/stat.h>
#include <unistd.h>

using namespace berth;
using namespace berth::test;
using namespace std::chrono_literals;
namespace fsys = std::filesystem;

namespace {

#ifdef BERTH_EXPECT_V2
// cgroup2 right on /sys/fs/cgroup.
constexpr const char* kTrees[] = {""};
constexpr const char* kLimitFiles[] = {"pids.max", "memory.max"};
#else
// The named hierarchy and cgroup2 that systemd places itself in, and two
// controllers.
constexpr const char* kTrees[] = {"systemd/", "unified/", "memory/", "pids/"};
constexpr const char* kLimitFiles[] = {"pids/pids.max", "memory/memory.limit_in_bytes"};
#endif

#ifdef BERTH_EXPECT_V2
// The shift made once at creation on a file system without idmapped
// mounts: every owner moved into the block, modes kept (chown clears
// setuid bits).
void shiftIntoBlock(const fsys::path& root, std::uint32_t base)
{
    const auto shift = [base](const fsys::path& path) {
        struct stat st {};
        if (::lstat(path.c_str(), &st) != 0)
            return false;
        if (::lchown(path.c_str(), st.st_uid + base, st.st_gid + base) != 0)
            return false;
        return S_ISLNK(st.st_mode) || ::chmod(path.c_str(), st.st_mode & 07777) == 0;
    };
    QVERIFY(shift(root));
    for (const auto& entry : fsys::recursive_directory_iterator(root))
        QVERIFY2(shift(entry.path()), entry.path().c_str());
}
#endif

#ifdef BERTH_EXPECT_V2
// The tree integration_debian_boot --warm-template-cache keeps (CTest's
// fixture debian_template_cache), seen read-only through the guest's hostfs.
fsys::path cachedDebianRootfs()
{
    const TemplateOptions bookworm = {{"release", "bookworm"}, {"variant", "minbase"}};
    auto request = templates::normalizedRequest(templates::debootstrapRequestOf("debian", bookworm));
    return request ? fsys::path("/var/cache/berth-test/templates") / templates::cacheKey(*request) / "rootfs"
                   : fsys::path();
}
#endif

uid_t ownerOf(const fsys::path& path)
{
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0 ? st.st_uid : uid_t(-1);
}

} // namespace

class TestCgroupInside : public QObject {
    Q_OBJECT

    Engine m_engine = makeEngine();

    // The host ID of root in the map creation gave the container (every
    // new container is unprivileged); 0 when it has none.
    std::uint32_t m_base = 0;

    std::uint32_t idBaseOf(const std::string& name)
    {
        auto config = Config::load(m_engine.settings().paths.configFile(name), {});
        if (!config)
            return 0;
        for (const std::string& value : config->getAll("lxc.idmap"))
            if (auto entry = model::parseIdMapEntry(value); entry && entry->kind == model::IdKind::User)
                return entry->inside == 0 ? entry->host : 0;
        return 0;
    }

    void createUnprivileged(const std::string& name)
    {
        auto created = m_engine.create({.name = name, .kind = ContainerKind::System});
        QVERIFY2(created, created ? "" : created.error().describe().c_str());
        m_base = idBaseOf(name);
        QVERIFY(m_base > 0);
#ifdef BERTH_EXPECT_V2
        auto config = Config::load(m_engine.settings().paths.configFile(name), {});
        QVERIFY(config);
        QCOMPARE(config->get("berth.rootfs.shifted").value_or(""), std::string("1"));
#endif
        std::ofstream(m_engine.settings().paths.configFile(name), std::ios::app) << "lxc.mount.auto = cgroup:mixed\n";
    }

#ifdef BERTH_EXPECT_V2
    // Issue #17 item 2: once systemd has enabled controllers in the
    // container's root cgroup, cgroup2 admits no process there (EBUSY), so
    // exec joins Berth's leaf below it: with and without a pty, and again
    // after a transient unit with limits (memory and pids certainly handed
    // down to system.slice then).
    void execAfterSystemdHandedControllersDown(const std::string& name)
    {
        const RunResult subtree = execCaptured(m_engine, name, {"/bin/cat", "/sys/fs/cgroup/cgroup.subtree_control"});
        QCOMPARE(subtree.exit.code, 0);
        QVERIFY2(subtree.output.find("pids") != std::string::npos, subtree.output.c_str());
        const RunResult state = execCaptured(m_engine, name, {"/usr/bin/systemctl", "is-system-running"});
        QVERIFY2(state.output == "running\n" || state.output == "degraded\n", state.output.c_str());

        auto pty = m_engine.exec(name, {.argv = {"/bin/sh", "-c", "tty; exit 4"}, .allocatePty = true});
        QVERIFY2(pty, pty ? "" : pty.error().describe().c_str());
        const std::string terminal = readUntil(pty->ptyMaster(), "\n", 20000);
        QVERIFY2(terminal.find("/dev/pts/") != std::string::npos, terminal.c_str());
        auto ptyStatus = pty->wait();
        QVERIFY(ptyStatus);
        QCOMPARE(ptyStatus->code, 4);

        const RunResult unit = execCaptured(
            m_engine, name,
            {"/usr/bin/systemd-run", "--unit=probe", "-p", "MemoryMax=64M", "-p", "TasksMax=20", "/bin/sleep", "1000"});
        QVERIFY2(unit.exit.code == 0, unit.output.c_str());
        const RunResult limits = execCaptured(m_engine, name,
                                              {"/bin/cat", "/sys/fs/cgroup/system.slice/cgroup.subtree_control",
                                               "/sys/fs/cgroup/system.slice/probe.service/memory.max",
                                               "/sys/fs/cgroup/system.slice/probe.service/pids.max"});
        QVERIFY2(limits.exit.code == 0, limits.output.c_str());
        QVERIFY2(limits.output.find("memory") != std::string::npos && limits.output.find("pids") != std::string::npos,
                 limits.output.c_str());
        QVERIFY2(limits.output.find("67108864\n20\n") != std::string::npos, limits.output.c_str());
        const RunResult after = execCaptured(m_engine, name, {"/usr/bin/systemctl", "is-active", "probe"});
        QCOMPARE(after.output, std::string("active\n"));
    }

    // What the debian template writes for systemd, on a shifted copy of its
    // cached tree.
    void createDebian(const std::string& name)
    {
        createUnprivileged(name);
        const fsys::path rootfs = m_engine.settings().paths.rootfsDir(name);
        QVERIFY2(fsys::is_directory(cachedDebianRootfs() / "etc"), cachedDebianRootfs().c_str());
        fsys::remove_all(rootfs);
        QCOMPARE(std::system(("cp -a " + cachedDebianRootfs().string() + " " + rootfs.string()).c_str()), 0);
        std::ofstream(rootfs / "etc/hostname") << name << "\n";
        shiftIntoBlock(rootfs, m_base);
        const fsys::path file = m_engine.settings().paths.configFile(name);
        auto config = Config::load(file, {});
        QVERIFY(config);
        for (const auto& [key, value] : {std::pair{"lxc.signal.halt", "SIGRTMIN+3"}, { "lxc.tty.max", "1" }})
            QVERIFY(config->set(key, value));
        QVERIFY(config->append("lxc.mount.entry", "tmpfs run tmpfs rw,nosuid,nodev,mode=0755,size=10% 0 0"));
        std::ofstream(file) << config->serialize();
    }
#endif

    fsys::path hostCgroup(const std::string& tree, const std::string& name) const
    {
        return fsys::path("/sys/fs/cgroup") / tree / m_engine.settings().cgroupParent / name;
    }

private slots:
    void ownCgroupIsTheRootOfEachTree()
    {
        const std::string name = "cgin";
        createUnprivileged(name);
        auto started = m_engine.start(name);
        QVERIFY2(started, started ? "" : started.error().describe().c_str());

        // A shell inside moves itself into a sub-cgroup of each tree.
        std::string script;
        for (const char* tree : kTrees)
            script += std::string("mkdir /sys/fs/cgroup/") + tree + "probe && echo $$ > /sys/fs/cgroup/" + tree +
                      "probe/cgroup.procs && ";
        script += "cat /proc/self/cgroup";
        const RunResult moved = execCaptured(m_engine, name, {"sh", "-c", script});
        QVERIFY2(moved.exit.code == 0, moved.output.c_str());
        for (const char* tree : kTrees) {
            QVERIFY2(fsys::is_directory(hostCgroup(tree, name) / "probe"), tree);
            QCOMPARE(ownerOf(hostCgroup(tree, name) / "probe"), uid_t(m_base));
        }
        std::size_t inProbe = 0;
        for (std::size_t at = moved.output.find(":/probe\n"); at != std::string::npos;
             at = moved.output.find(":/probe\n", at + 1))
            ++inProbe;
        QVERIFY2(inProbe == std::size(kTrees), moved.output.c_str());

        // Its own limits stay closed: ownership, not a read-only mount.
        for (const char* file : kLimitFiles) {
            const RunResult write =
                execCaptured(m_engine, name, {"sh", "-c", std::string("echo 1 > /sys/fs/cgroup/") + file});
            QVERIFY(write.exit.code != 0);
            QVERIFY2(write.output.find("Permission denied") != std::string::npos, write.output.c_str());
        }

        auto stopped = m_engine.stop(name, 20s);
        QVERIFY2(stopped, stopped ? "" : stopped.error().describe().c_str());
        for (const char* tree : kTrees)
            QVERIFY2(!fsys::exists(hostCgroup(tree, name)), tree);
        QVERIFY(m_engine.destroy(name));
    }

#ifdef BERTH_EXPECT_V2
    // systemd 252 boots unprivileged on cgroup v2 and makes its slices in
    // the cgroup it was given.
    void debianBootsSystemd()
    {
        const std::string name = "debv2";
        QElapsedTimer clock;
        clock.start();
        createDebian(name);
        qInfo("copied and shifted in %lld ms", static_cast<long long>(clock.restart()));
        auto started = m_engine.start(name);
        QVERIFY2(started, started ? "" : started.error().describe().c_str());
        QTRY_VERIFY_WITH_TIMEOUT(
            execCaptured(m_engine, name, {"/usr/bin/test", "-S", "/run/systemd/private"}).exit.code == 0, 120000);
        const RunResult state = execCaptured(
            m_engine, name, {"/usr/bin/timeout", "180", "/usr/bin/systemctl", "is-system-running", "--wait"});
        const RunResult failed = execCaptured(m_engine, name, {"/usr/bin/systemctl", "--failed", "--no-legend"});
        qInfo("%s: systemctl is-system-running after %lld ms: %s; failed units: %s", name.c_str(),
              static_cast<long long>(clock.elapsed()), state.output.c_str(),
              failed.output.empty() ? "none" : failed.output.c_str());
        QVERIFY2(state.output == "running\n" || state.output == "degraded\n", state.output.c_str());
        const fsys::path own = hostCgroup("", name);
        QVERIFY2(fsys::is_directory(own / "system.slice"), own.c_str());
        QVERIFY2(fsys::is_directory(own / "init.scope"), own.c_str());
        QCOMPARE(ownerOf(own / "system.slice"), uid_t(m_base));
        const RunResult write = execCaptured(m_engine, name, {"/bin/sh", "-c", "echo 1 > /sys/fs/cgroup/pids.max"});
        QVERIFY2(write.output.find("Permission denied") != std::string::npos, write.output.c_str());
        execAfterSystemdHandedControllersDown(name);

        auto stopped = m_engine.stop(name, 60s);
        QVERIFY2(stopped, stopped ? "" : stopped.error().describe().c_str());
        QVERIFY(!fsys::exists(own));
        QVERIFY(m_engine.destroy(name));
    }
#endif
};

BERTH_INTEGRATION_MAIN(TestCgroupInside)

#include "test_cgroup_inside.moc"
