// A container's cgroup given to the root of a user namespace (issue #15):
// that root makes sub-cgroups and moves itself into them in every
// hierarchy, cannot write its own limit files, the host's root still can,
// and removal takes the sub-cgroups with it. Built twice, like
// test_cgroup_limits.cpp: for this host's v1 (hybrid) and (BERTH_EXPECT_V2)
// for the cgroup v2 kernel of tests/uml.
#include "cgroup/container_cgroup.h"
#include "cgroup/delegation.h"
#include "integration_env.h"
#include "security/user_namespace.h"

#include "berth/unique_fd.h"

#include <QtTest/QtTest>

#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <fstream>

using namespace berth;
using namespace berth::cgroup;
namespace fs = std::filesystem;

namespace {

#ifdef BERTH_EXPECT_V2
constexpr Mode kExpectedMode = Mode::Unified;
#else
constexpr Mode kExpectedMode = Mode::Hybrid;
#endif

// Host IDs of the user namespace's root; far from any real user.
constexpr uid_t kBase = 1000131072;

// What the child inside the user namespace reports as its exit code.
enum ChildResult {
    kOk = 0,
    kNoMap = 10,
    kNoRoot,
    kNoSubCgroup,
    kNoMove,
    kLimitWritable,
    kLimitNotDenied,
    kNoControllers
};

// The container's cgroup in one hierarchy, and whether the child joins the
// "inner" sub-cgroup it makes there: a new v1 cpuset has no CPUs until
// someone gives it some, so there only the directory is made.
// On cgroup2 the owner also hands controllers down to its sub-cgroups,
// which the no-internal-processes rule allows once it has left its root.
struct Target {
    fs::path dir;
    bool join = true;
    bool unified = false;
};

std::vector<Target> targetsOf(const Layout& layout, const std::string& relative)
{
    std::vector<Target> targets;
    for (const Hierarchy& h : layout.placementHierarchies())
        targets.push_back({h.mountPoint / relative, !h.has("cpuset"), h.unified});
    return targets;
}

// Controllers the v2 build hands down inside the delegated subtree.
constexpr std::string_view kHandedDown = "+memory +pids";

// Only system calls: this runs in a forked child of a test process.
int actInside(int goAhead, const std::vector<Target>& targets, const std::vector<fs::path>& limitFiles)
{
    char go = 0;
    if (::read(goAhead, &go, 1) != 1)
        return kNoMap;
    if (::setresgid(0, 0, 0) != 0 || ::setresuid(0, 0, 0) != 0 || ::setgroups(0, nullptr) != 0)
        return kNoRoot;
    for (const Target& target : targets) {
        const fs::path inner = target.dir / "inner";
        if (::mkdir(inner.c_str(), 0755) != 0)
            return kNoSubCgroup;
        if (!target.join)
            continue;
        UniqueFd procs(::open((inner / "cgroup.procs").c_str(), O_WRONLY | O_CLOEXEC));
        if (!procs || ::write(procs.get(), "0", 1) != 1)
            return kNoMove;
    }
    for (const Target& target : targets) {
        if (!target.unified || kExpectedMode != Mode::Unified)
            continue;
        UniqueFd control(::open((target.dir / "cgroup.subtree_control").c_str(), O_WRONLY | O_CLOEXEC));
        if (!control || ::write(control.get(), kHandedDown.data(), kHandedDown.size()) < 0)
            return kNoControllers;
    }
    for (const fs::path& file : limitFiles) {
        UniqueFd limit(::open(file.c_str(), O_WRONLY | O_CLOEXEC));
        if (limit)
            return kLimitWritable;
        if (errno != EACCES)
            return kLimitNotDenied;
    }
    return kOk;
}

// Joins the cgroup as host root, enters a new user namespace, waits for its
// maps, then acts as that namespace's root; sleeps afterwards so the
// parent can look at where it landed.
pid_t forkIntoUserNamespace(const ContainerCgroup& cgroup, const std::vector<Target>& targets,
                            const std::vector<fs::path>& limitFiles, int* report)
{
    const std::vector<fs::path> procsFiles = cgroup.procsFiles();
    int sync[2], done[2];
    if (::pipe2(sync, O_CLOEXEC) != 0 || ::pipe2(done, O_CLOEXEC) != 0)
        return -1;
    const pid_t pid = ::fork();
    if (pid != 0) {
        ::close(sync[0]);
        ::close(done[1]);
        *report = done[0];
        const auto map = model::blockIdMap(kBase);
        // The child unshares first; the map can be written only after.
        for (int attempt = 0; attempt < 1000; ++attempt) {
            if (security::writeIdMaps(pid, map))
                break;
            ::usleep(1000);
        }
        (void)!::write(sync[1], "g", 1);
        ::close(sync[1]);
        return pid;
    }
    ::close(sync[1]);
    for (const fs::path& procs : procsFiles) {
        UniqueFd fd(::open(procs.c_str(), O_WRONLY | O_CLOEXEC));
        if (!fd || ::write(fd.get(), "0", 1) != 1)
            ::_exit(120);
    }
    if (::unshare(CLONE_NEWUSER) != 0)
        ::_exit(121);
    const auto result = static_cast<unsigned char>(actInside(sync[0], targets, limitFiles));
    (void)!::write(done[1], &result, 1);
    ::pause();
    ::_exit(0);
}

// Kills and reaps the child on every way out of a test; wait() reaps it
// and returns its status.
class ChildGuard {
public:
    explicit ChildGuard(pid_t pid) : m_pid(pid) {}
    ChildGuard(const ChildGuard&) = delete;
    ChildGuard& operator=(const ChildGuard&) = delete;
    ~ChildGuard()
    {
        if (m_pid > 0) {
            ::kill(m_pid, SIGKILL);
            (void)wait();
        }
    }
    int wait()
    {
        int status = 0;
        while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {}
        m_pid = -1;
        return status;
    }

private:
    pid_t m_pid;
};

std::vector<std::string> cgroupPathsOf(pid_t pid)
{
    std::vector<std::string> paths;
    std::ifstream in("/proc/" + std::to_string(pid) + "/cgroup");
    std::string line;
    while (std::getline(in, line))
        paths.push_back(line);
    return paths;
}

uid_t ownerOf(const fs::path& path)
{
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0 ? st.st_uid : uid_t(-1);
}

} // namespace

class TestCgroupDelegation : public QObject {
    Q_OBJECT

    Layout m_layout;
    std::string m_parent;

    // Where `file` of `controller` is for the cgroup at `relative`.
    fs::path controlFile(std::string_view controller, const std::string& relative, const char* file) const
    {
        if (m_layout.mode == Mode::Unified)
            return m_layout.unified->mountPoint / relative / file;
        const auto found = std::find_if(m_layout.legacy.begin(), m_layout.legacy.end(),
                                        [&](const Hierarchy& h) { return h.has(controller); });
        return found == m_layout.legacy.end() ? fs::path() : found->mountPoint / relative / file;
    }

    // Files that limit the container: its root must not write them.
    std::vector<fs::path> limitFiles(const std::string& relative) const
    {
        if (m_layout.mode == Mode::Unified)
            return {controlFile("memory", relative, "memory.max"), controlFile("memory", relative, "memory.high"),
                    controlFile("pids", relative, "pids.max"), controlFile("", relative, "cgroup.max.descendants")};
        return {controlFile("memory", relative, "memory.limit_in_bytes"),
                controlFile("memory", relative, "memory.memsw.limit_in_bytes"),
                controlFile("pids", relative, "pids.max")};
    }

private slots:
    void initTestCase()
    {
        auto layout = detectLayout();
        QVERIFY2(layout, layout ? "" : layout.error().describe().c_str());
        m_layout = *layout;
        m_parent = test::IntegrationEnvironment::instance().cgroupParent();
        QCOMPARE(m_layout.mode, kExpectedMode);
    }

    // The directory and the delegation files belong to the namespace's
    // root; the limit files stay the host root's.
    void onlyDelegationFilesChangeOwner()
    {
        auto cgroup = ContainerCgroup::create(m_layout, m_parent, "owned");
        QVERIFY(cgroup);
        QVERIFY(cgroup->delegateTo(kBase, kBase + 5));
        bool sawNamedSystemd = false;
        for (const fs::path& dir : cgroup->directories()) {
            struct stat st {};
            QCOMPARE(::lstat(dir.c_str(), &st), 0);
            QCOMPARE(st.st_uid, kBase);
            QCOMPARE(st.st_gid, kBase + 5);
            QCOMPARE(ownerOf(dir / "cgroup.procs"), kBase);
            sawNamedSystemd = sawNamedSystemd || dir.string().find("/systemd/") != std::string::npos;
        }
        QCOMPARE(sawNamedSystemd, kExpectedMode == Mode::Hybrid);
        const std::string& relative = cgroup->relativePath();
        if (kExpectedMode == Mode::Hybrid)
            for (const char* file : {"tasks", "cgroup.clone_children", "notify_on_release"})
                QCOMPARE(ownerOf(controlFile("memory", relative, file)), kBase);
        if (m_layout.unified) {
            const fs::path unified = m_layout.unified->mountPoint / relative;
            QCOMPARE(ownerOf(unified / "cgroup.subtree_control"), kBase);
            QCOMPARE(ownerOf(unified / "cgroup.threads"), kBase);
            QCOMPARE(ownerOf(unified / "cgroup.max.descendants"), uid_t(0));
        }
        for (const fs::path& limit : limitFiles(relative))
            QVERIFY2(ownerOf(limit) == 0, limit.c_str());
        QVERIFY(cgroup->remove());
    }

    void namespaceRootManagesItsSubtree()
    {
        auto cgroup = ContainerCgroup::create(m_layout, m_parent, "delegated");
        QVERIFY(cgroup);
        QVERIFY(cgroup->delegateTo(kBase, kBase));
        const fs::path pidsMax = controlFile("pids", cgroup->relativePath(), "pids.max");
        int report = -1;
        const pid_t child = forkIntoUserNamespace(*cgroup, targetsOf(m_layout, cgroup->relativePath()),
                                                  limitFiles(cgroup->relativePath()), &report);
        QVERIFY(child > 0);
        ChildGuard guard(child);
        UniqueFd reportFd(report);
        unsigned char result = 255;
        QCOMPARE(::read(reportFd.get(), &result, 1), ssize_t(1));
        QCOMPARE(int(result), int(kOk));

        // Moved by itself into its sub-cgroups (cpuset: made, not joined).
        for (const std::string& line : cgroupPathsOf(child)) {
            const bool cpuset = line.find(":cpuset:") != std::string::npos;
            const std::string expected = "/" + cgroup->relativePath() + (cpuset ? "" : "/inner");
            QVERIFY2(line.ends_with(":" + expected), line.c_str());
        }
        // The host's root still changes limits of the running cgroup.
        const auto applied = cgroup->applyLimits({{"pids", "pids.max", "77"}});
        QVERIFY2(applied, applied ? "" : applied.error().describe().c_str());
        if (kExpectedMode == Mode::Unified) {
            std::ifstream handed(m_layout.unified->mountPoint / cgroup->relativePath() / "cgroup.subtree_control");
            std::string controllers((std::istreambuf_iterator<char>(handed)), {});
            QVERIFY2(controllers.find("memory") != std::string::npos && controllers.find("pids") != std::string::npos,
                     controllers.c_str());
        }
        std::ifstream in(pidsMax);
        std::string max;
        in >> max;
        QCOMPARE(max, std::string("77"));

        const std::vector<fs::path> dirs = cgroup->directories();
        const auto removed = cgroup->remove();
        QVERIFY2(removed, removed ? "" : removed.error().describe().c_str());
        const int status = guard.wait();
        QVERIFY(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
        for (const fs::path& dir : dirs)
            QVERIFY2(!fs::exists(dir), dir.c_str());
    }

    void cleanupTestCase() { QVERIFY(removeParentIfEmpty(m_layout, m_parent)); }
};

int main(int argc, char** argv)
{
    return test::runIntegrationTest("TestCgroupDelegation", [&] {
        TestCgroupDelegation test;
        return QTest::qExec(&test, argc, argv);
    });
}

#include "test_cgroup_delegation.moc"
