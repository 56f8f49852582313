// ContainerCgroup on the real kernel: placement in every hierarchy, the
// device allowlist, killing a process tree, and cleanup on every path.
#include "cgroup/cgroup_file.h"
#include "cgroup/cgroup_rollback.h"
#include "cgroup/container_cgroup.h"
#include "cgroup/device_bpf.h"
#include "block_device.h"
#include "integration_env.h"

#include "berth/unique_fd.h"

#include <QtTest/QtTest>

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sys/sysmacros.h>

#include <algorithm>
#include <fstream>
#include <optional>
#include <set>

using namespace berth::cgroup;
namespace fs = std::filesystem;

namespace {

std::vector<berth::UniqueFd> openProcsFiles(const std::vector<fs::path>& files)
{
    std::vector<berth::UniqueFd> fds;
    for (const fs::path& file : files)
        fds.emplace_back(::open(file.c_str(), O_WRONLY | O_CLOEXEC));
    return fds;
}

// Forks a child that joins the cgroups through already open cgroup.procs
// files (writing "0" means "me"), then runs `body`; only system calls there.
template <class Body> pid_t forkJoined(const std::vector<berth::UniqueFd>& procs, Body body)
{
    const pid_t pid = ::fork();
    if (pid != 0)
        return pid;
    for (const berth::UniqueFd& fd : procs)
        if (!fd || ::write(fd.get(), "0", 1) != 1)
            ::_exit(120);
    body();
    ::_exit(121);
}

void execSleep()
{
    ::execl("/bin/sleep", "sleep", "1000", static_cast<char*>(nullptr));
    ::_exit(127);
}

pid_t forkSleeper()
{
    return forkJoined({}, execSleep);
}

// The wait status of a child of ours.
int reap(pid_t pid)
{
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    return status;
}

bool killedBySigkill(int status)
{
    return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

// The cgroup paths of /proc/<pid>/cgroup, one per hierarchy.
std::vector<std::string> cgroupPathsOf(pid_t pid)
{
    std::vector<std::string> paths;
    std::ifstream in("/proc/" + std::to_string(pid) + "/cgroup");
    std::string line;
    while (std::getline(in, line))
        paths.push_back(line.substr(line.find(':', line.find(':') + 1) + 1));
    return paths;
}

bool noneExists(const std::vector<fs::path>& dirs)
{
    return std::none_of(dirs.begin(), dirs.end(), [](const fs::path& d) { return fs::exists(d); });
}

bool allExist(const std::vector<fs::path>& dirs)
{
    return std::all_of(dirs.begin(), dirs.end(), [](const fs::path& d) { return fs::is_directory(d); });
}

} // namespace

class TestCgroupIntegration : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void attachPlacesInEveryHierarchy();
    void childJoinsThroughProcsFiles();
    void deviceAllowlistIsInForce();
    void killAllKillsTreeWithSubCgroups();
    void failedCreateLeavesNothing();
    void staleEmptyCgroupIsRecreated();
    void rollbackRemovesAndKills();
    void committedAndHandlesKeep();
    void v2BackendOnCgroup2Mount();
    void v2DeviceProgramIsInForce();
    void v2SubCgroupGainsNoDevice();

private:
    Layout m_layout;
    std::string m_parent;
};

void TestCgroupIntegration::initTestCase()
{
    auto layout = detectLayout();
    QVERIFY2(layout.has_value(), layout ? "" : layout.error().describe().c_str());
    m_layout = *layout;
    m_parent = berth::test::IntegrationEnvironment::instance().cgroupParent();
    QVERIFY(!m_parent.empty());
    // Lets the test reap grandchildren whose parent was killed.
    QCOMPARE(::prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
}

void TestCgroupIntegration::cleanupTestCase()
{
    QVERIFY(removeParentIfEmpty(m_layout, m_parent).has_value());
    for (const Hierarchy& h : m_layout.placementHierarchies())
        QVERIFY2(!fs::exists(h.mountPoint / m_parent), (h.mountPoint / m_parent).c_str());
}

void TestCgroupIntegration::attachPlacesInEveryHierarchy()
{
    auto cgroup = ContainerCgroup::create(m_layout, m_parent, "attach");
    QVERIFY2(cgroup.has_value(), cgroup ? "" : cgroup.error().describe().c_str());
    const std::vector<fs::path> dirs = cgroup->directories();
    QCOMPARE(dirs.size(), m_layout.placementHierarchies().size());
    QCOMPARE(cgroup->relativePath(), m_parent + "/attach");

    const pid_t child = forkSleeper();
    QVERIFY(child > 0);
    const auto attached = cgroup->attach(child);
    QVERIFY2(attached.has_value(), attached ? "" : attached.error().describe().c_str());

    const std::vector<std::string> paths = cgroupPathsOf(child);
    QCOMPARE(paths.size(), dirs.size());
    for (const std::string& path : paths)
        QCOMPARE(path, "/" + m_parent + "/attach");
    const auto pids = cgroup->pids();
    QVERIFY(pids.has_value());
    QCOMPARE(*pids, std::vector<pid_t>{child});

    const auto removed = cgroup->remove();
    QVERIFY2(removed.has_value(), removed ? "" : removed.error().describe().c_str());
    QVERIFY(killedBySigkill(reap(child)));
    QVERIFY(noneExists(dirs));
}

void TestCgroupIntegration::childJoinsThroughProcsFiles()
{
    auto cgroup = ContainerCgroup::create(m_layout, m_parent, "join");
    QVERIFY(cgroup.has_value());
    const std::vector<berth::UniqueFd> procs = openProcsFiles(cgroup->procsFiles());
    int ready[2];
    QCOMPARE(::pipe2(ready, O_CLOEXEC), 0);
    berth::UniqueFd readEnd(ready[0]), writeEnd(ready[1]);
    // The child reports after joining; exec then closes the pipe.
    const pid_t child = forkJoined(procs, [&] {
        if (::write(writeEnd.get(), "j", 1) != 1)
            ::_exit(122);
        execSleep();
    });
    QVERIFY(child > 0);
    writeEnd.reset();
    char byte = 0;
    QCOMPARE(::read(readEnd.get(), &byte, 1), ssize_t(1));

    const auto pids = cgroup->pids();
    QVERIFY(pids.has_value());
    QCOMPARE(*pids, std::vector<pid_t>{child});
    QVERIFY(cgroup->remove().has_value());
    QVERIFY(killedBySigkill(reap(child)));
}

void TestCgroupIntegration::deviceAllowlistIsInForce()
{
    const auto devices = std::find_if(m_layout.legacy.begin(), m_layout.legacy.end(),
                                      [](const Hierarchy& h) { return h.has("devices"); });
    QVERIFY2(devices != m_layout.legacy.end(), "this machine has a v1 devices controller");
    auto cgroup = ContainerCgroup::create(m_layout, m_parent, "devices");
    QVERIFY(cgroup.has_value());
    QVERIFY(cgroup->restrictDevices().has_value());

    const auto list = readFile(devices->mountPoint / cgroup->relativePath() / "devices.list");
    QVERIFY(list.has_value());
    const std::vector<std::string> lines = split(*list, "\n");
    const std::set<std::string> expected{"c 1:3 rwm", "c 1:5 rwm", "c 1:7 rwm",   "c 1:8 rwm", "c 1:9 rwm", "c 5:0 rwm",
                                         "c 5:1 rwm", "c 5:2 rwm", "c 136:* rwm", "c *:* m",   "b *:* m"};
    QCOMPARE(std::set<std::string>(lines.begin(), lines.end()), expected);
    QCOMPARE(lines.size(), expected.size());

    // Even root inside may open /dev/null but not /dev/kmsg (1:11).
    const std::vector<berth::UniqueFd> procs = openProcsFiles(cgroup->procsFiles());
    const pid_t child = forkJoined(procs, [] {
        const bool nullOpens = ::open("/dev/null", O_RDWR | O_CLOEXEC) >= 0;
        const bool kmsgRefused = ::open("/dev/kmsg", O_RDONLY | O_CLOEXEC) < 0 && errno == EPERM;
        ::_exit(nullOpens && kmsgRefused ? 0 : 1);
    });
    QVERIFY(child > 0);
    const int status = reap(child);
    QVERIFY(WIFEXITED(status));
    QCOMPARE(WEXITSTATUS(status), 0);
    QVERIFY(cgroup->remove().has_value());
}

void TestCgroupIntegration::killAllKillsTreeWithSubCgroups()
{
    auto cgroup = ContainerCgroup::create(m_layout, m_parent, "tree");
    QVERIFY(cgroup.has_value());
    // A sub-cgroup in every hierarchy, as systemd inside would make.
    std::vector<fs::path> subProcsFiles;
    for (const fs::path& dir : cgroup->directories()) {
        QCOMPARE(::mkdir((dir / "sub").c_str(), 0755), 0);
        subProcsFiles.push_back(dir / "sub" / "cgroup.procs");
    }
    const std::vector<berth::UniqueFd> procs = openProcsFiles(cgroup->procsFiles());
    const std::vector<berth::UniqueFd> subProcs = openProcsFiles(subProcsFiles);
    int ready[2];
    QCOMPARE(::pipe2(ready, O_CLOEXEC), 0);
    berth::UniqueFd readEnd(ready[0]), writeEnd(ready[1]);
    // Child in the container's cgroup; its own child moves into "sub".
    const pid_t child = forkJoined(procs, [&] {
        if (forkJoined(subProcs, [&] {
                if (::write(writeEnd.get(), "g", 1) != 1)
                    ::_exit(122);
                execSleep();
            }) < 0)
            ::_exit(123);
        execSleep();
    });
    QVERIFY(child > 0);
    writeEnd.reset();
    char byte = 0;
    QCOMPARE(::read(readEnd.get(), &byte, 1), ssize_t(1));

    auto pids = cgroup->pids();
    QVERIFY(pids.has_value());
    QCOMPARE(pids->size(), size_t(2));
    const pid_t grandchild = (*pids)[0] == child ? (*pids)[1] : (*pids)[0];
    for (const std::string& path : cgroupPathsOf(grandchild))
        QCOMPARE(path, "/" + cgroup->relativePath() + "/sub");

    const auto killed = cgroup->killAll();
    QVERIFY2(killed.has_value(), killed ? "" : killed.error().describe().c_str());
    // Checked before reaping, which would block if they were still alive.
    pids = cgroup->pids();
    QVERIFY(pids.has_value());
    QVERIFY(pids->empty());
    QVERIFY(killedBySigkill(reap(child)));
    QVERIFY(killedBySigkill(reap(grandchild))); // ours too: we are its subreaper

    const std::vector<fs::path> dirs = cgroup->directories();
    QVERIFY(cgroup->remove().has_value());
    QVERIFY(noneExists(dirs));
}

void TestCgroupIntegration::failedCreateLeavesNothing()
{
    // The last hierarchy holds a busy cgroup of that name: every other one
    // is done by the time create() finds out.
    const fs::path busyParent = m_layout.placementHierarchies().back().mountPoint / m_parent;
    fs::create_directories(busyParent / "busy");
    const pid_t squatter = forkSleeper();
    QVERIFY(squatter > 0);
    QVERIFY(writeFile(busyParent / "busy" / "cgroup.procs", std::to_string(squatter)).has_value());

    auto cgroup = ContainerCgroup::create(m_layout, m_parent, "busy");
    QVERIFY(!cgroup.has_value());
    QCOMPARE(cgroup.error().code, EEXIST);
    for (const Hierarchy& h : m_layout.placementHierarchies())
        QCOMPARE(fs::exists(h.mountPoint / m_parent / "busy"), h.mountPoint / m_parent == busyParent);

    // Cleanup after a crash goes through open().
    auto leftover = ContainerCgroup::open(m_layout, m_parent, "busy");
    QVERIFY(leftover.has_value());
    QCOMPARE(leftover->directories().size(), size_t(1));
    QVERIFY(leftover->remove().has_value());
    QVERIFY(killedBySigkill(reap(squatter)));
    QVERIFY(!fs::exists(busyParent / "busy"));
}

void TestCgroupIntegration::staleEmptyCgroupIsRecreated()
{
    auto first = ContainerCgroup::create(m_layout, m_parent, "stale");
    QVERIFY(first.has_value());
    // Left as it is, as if the run had crashed.
    const fs::path marker = first->directories().front() / "left-by-crash";
    QCOMPARE(::mkdir(marker.c_str(), 0755), 0);

    auto second = ContainerCgroup::create(m_layout, m_parent, "stale");
    QVERIFY2(second.has_value(), second ? "" : second.error().describe().c_str());
    QVERIFY(!fs::exists(marker));
    QCOMPARE(second->directories(), first->directories());
    QVERIFY(second->remove().has_value());
    QVERIFY(noneExists(first->directories()));
}

void TestCgroupIntegration::rollbackRemovesAndKills()
{
    pid_t child = 0;
    std::vector<fs::path> dirs;
    {
        auto cgroup = ContainerCgroup::create(m_layout, m_parent, "scoped");
        QVERIFY(cgroup.has_value());
        CgroupRollback rollback(std::move(*cgroup));
        dirs = rollback->directories();
        child = forkSleeper();
        QVERIFY(child > 0);
        QVERIFY(rollback->attach(child).has_value());
        CgroupRollback moved = std::move(rollback); // the moved-from guard does nothing
    }
    // A cgroup with a live process cannot be removed: gone means killed.
    QVERIFY(noneExists(dirs));
    QVERIFY(killedBySigkill(reap(child)));
}

// A committed cgroup, and any handle of it going away, leave the cgroup
// and its processes alone: only remove() ends them.
void TestCgroupIntegration::committedAndHandlesKeep()
{
    const pid_t child = forkSleeper();
    QVERIFY(child > 0);
    std::optional<ContainerCgroup> kept;
    {
        auto cgroup = ContainerCgroup::create(m_layout, m_parent, "kept");
        QVERIFY(cgroup.has_value());
        CgroupRollback rollback(std::move(*cgroup));
        QVERIFY(rollback->attach(child).has_value());
        kept.emplace(std::move(rollback).commit());
    }
    {
        auto opened = ContainerCgroup::open(m_layout, m_parent, "kept");
        QVERIFY(opened.has_value());
        QCOMPARE(opened->directories(), kept->directories());
    }
    QVERIFY(allExist(kept->directories()));
    QCOMPARE(::kill(child, 0), 0);
    QCOMPARE(kept->pids().value_or(std::vector<pid_t>{}), std::vector<pid_t>{child});
    QVERIFY(kept->remove().has_value());
    QVERIFY(noneExists(kept->directories()));
    QVERIFY(killedBySigkill(reap(child)));
}

// The v2 backend alone on this machine's cgroup2 mount (which offers none
// of the controllers Berth enables, so no subtree_control write happens):
// placement, and killing through cgroup.kill.
void TestCgroupIntegration::v2BackendOnCgroup2Mount()
{
    QVERIFY2(m_layout.unified.has_value(), "this machine has a cgroup2 mount");
    Layout unifiedOnly;
    unifiedOnly.mode = Mode::Unified;
    unifiedOnly.unified = m_layout.unified;
    auto cgroup = ContainerCgroup::create(unifiedOnly, m_parent, "v2");
    QVERIFY2(cgroup.has_value(), cgroup ? "" : cgroup.error().describe().c_str());
    QCOMPARE(cgroup->directories().size(), size_t(1));
    QVERIFY(fs::exists(cgroup->directories().front() / "cgroup.kill"));

    const pid_t child = forkSleeper();
    QVERIFY(child > 0);
    QVERIFY(cgroup->attach(child).has_value());
    const std::vector<std::string> paths = cgroupPathsOf(child);
    QVERIFY(std::find(paths.begin(), paths.end(), "/" + m_parent + "/v2") != paths.end());

    QVERIFY(cgroup->killAll().has_value());
    const auto pids = cgroup->pids();
    QVERIFY(pids.has_value());
    QVERIFY(pids->empty());
    QVERIFY(killedBySigkill(reap(child)));
    QVERIFY(cgroup->remove().has_value());
    QVERIFY(noneExists(cgroup->directories()));
}

// The v2 allowlist (a BPF_CGROUP_DEVICE program) on this machine's cgroup2
// mount: a process in the cgroup, root with every capability, may use
// /dev/null and /dev/zero and may mknod a disk's node, but cannot open that
// node, /dev/loop-control or /dev/kmsg. Nothing is written to any device.
void TestCgroupIntegration::v2DeviceProgramIsInForce()
{
    QVERIFY2(m_layout.unified.has_value(), "this machine has a cgroup2 mount");
    const auto disk = berth::test::openableBlockDevice();
    QVERIFY2(disk.has_value(), "this machine has a block device that root can open");
    Layout unifiedOnly;
    unifiedOnly.mode = Mode::Unified;
    unifiedOnly.unified = m_layout.unified;
    auto cgroup = ContainerCgroup::create(unifiedOnly, m_parent, "v2devices");
    QVERIFY2(cgroup.has_value(), cgroup ? "" : cgroup.error().describe().c_str());
    const berth::Status restricted = cgroup->restrictDevices();
    QVERIFY2(restricted.has_value(), restricted ? "" : restricted.error().describe().c_str());

    QTemporaryDir nodes;
    QVERIFY(nodes.isValid());
    const std::string diskNode = nodes.filePath("disk").toStdString();
    // It opens outside the cgroup (openableBlockDevice): what is refused
    // below is the program's doing.
    const dev_t diskNumber = makedev(disk->major, disk->minor);

    const std::vector<berth::UniqueFd> procs = openProcsFiles(cgroup->procsFiles());
    const pid_t child = forkJoined(procs, [&] {
        const auto refused = [](const char* path, int flags) { return ::open(path, flags) < 0 && errno == EPERM; };
        char byte = 1;
        const int zero = ::open("/dev/zero", O_RDONLY);
        const bool zeroReads = zero >= 0 && ::read(zero, &byte, 1) == 1 && byte == 0;
        const int null = ::open("/dev/null", O_RDWR);
        const bool nullWrites = null >= 0 && ::write(null, &byte, 1) == 1;
        const bool mknodAllowed = ::mknod(diskNode.c_str(), S_IFBLK | 0600, diskNumber) == 0;
        const bool diskRefused = refused(diskNode.c_str(), O_RDONLY);
        const bool loopControlRefused = refused("/dev/loop-control", O_RDWR);
        const bool kmsgRefused = refused("/dev/kmsg", O_RDONLY);
        ::_exit((zeroReads ? 0 : 1) | (nullWrites ? 0 : 2) | (mknodAllowed ? 0 : 4) | (diskRefused ? 0 : 8) |
                (loopControlRefused ? 0 : 16) | (kmsgRefused ? 0 : 32));
    });
    QVERIFY(child > 0);
    const int status = reap(child);
    QVERIFY(WIFEXITED(status));
    // Bits: 1 zero, 2 null, 4 mknod, 8 disk opened, 16 loop-control opened, 32 kmsg opened.
    QCOMPARE(WEXITSTATUS(status), 0);
    QVERIFY(cgroup->remove().has_value());
}

// A sub-cgroup the container makes with a program of its own that allows
// every device (as a nested manager would attach one): the container's
// program still runs there (BPF_F_ALLOW_MULTI), so /dev/kmsg stays closed.
// With BPF_F_ALLOW_OVERRIDE the sub-cgroup's program would replace it.
void TestCgroupIntegration::v2SubCgroupGainsNoDevice()
{
    QVERIFY2(m_layout.unified.has_value(), "this machine has a cgroup2 mount");
    Layout unifiedOnly;
    unifiedOnly.mode = Mode::Unified;
    unifiedOnly.unified = m_layout.unified;
    auto cgroup = ContainerCgroup::create(unifiedOnly, m_parent, "v2nested");
    QVERIFY2(cgroup.has_value(), cgroup ? "" : cgroup.error().describe().c_str());
    QVERIFY(cgroup->restrictDevices().has_value());
    const fs::path nested = cgroup->directories().front() / "nested";
    QCOMPARE(::mkdir(nested.c_str(), 0755), 0);
    const DeviceRule everything{};
    const berth::Status attached = attachDeviceProgram(nested, std::span(&everything, 1));
    QVERIFY2(attached.has_value(), attached ? "" : attached.error().describe().c_str());

    const std::vector<berth::UniqueFd> procs = openProcsFiles({nested / "cgroup.procs"});
    const pid_t child = forkJoined(procs, [] {
        const bool nullOpens = ::open("/dev/null", O_RDWR | O_CLOEXEC) >= 0;
        const bool kmsgRefused = ::open("/dev/kmsg", O_RDONLY | O_CLOEXEC) < 0 && errno == EPERM;
        ::_exit(nullOpens && kmsgRefused ? 0 : 1);
    });
    QVERIFY(child > 0);
    const int status = reap(child);
    QVERIFY(WIFEXITED(status));
    QCOMPARE(WEXITSTATUS(status), 0);
    QVERIFY(cgroup->remove().has_value());
}

BERTH_INTEGRATION_MAIN(TestCgroupIntegration)
#include "test_cgroup_integration.moc"
