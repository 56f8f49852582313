// Limits, statistics and the freezer on the real kernel, with children
// forked by the test into a container cgroup. Built twice: for this host's
// cgroup v1, and (BERTH_EXPECT_V2) for the cgroup v2 kernel that
// tests/uml/run-in-uml.sh boots. Only the file names differ.
#include "cgroup/cgroup_file.h"
#include "cgroup/container_cgroup.h"
#include "cgroup/limit_writes.h"
#include "cgroup/limits_config.h"
#include "integration_env.h"

#include "berth/unique_fd.h"

#include <QtTest/QtTest>

#include <cstring>
#include <ctime>

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace berth;
using namespace berth::cgroup;
namespace fs = std::filesystem;

namespace {

#ifdef BERTH_EXPECT_V2
constexpr Mode kExpectedMode = Mode::Unified;
#else
constexpr Mode kExpectedMode = Mode::Hybrid;
#endif

void pauseMs(long ms)
{
    timespec pause{ms / 1000, (ms % 1000) * 1000 * 1000};
    while (::nanosleep(&pause, &pause) != 0 && errno == EINTR) {}
}

int reap(pid_t pid)
{
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    return status;
}

// Zombies of grandchildren come to us (subreaper): collect them.
void reapOrphans()
{
    while (::waitpid(-1, nullptr, WNOHANG) > 0) {}
}

// A child that joins the container cgroup through cgroup.procs files
// opened before the fork, then runs `body` (system calls only). Returns
// once the child has joined, so nothing the test does next races with it.
template <class Body> pid_t forkInto(const ContainerCgroup& cgroup, Body body)
{
    std::vector<UniqueFd> procs;
    for (const fs::path& file : cgroup.procsFiles())
        procs.emplace_back(::open(file.c_str(), O_WRONLY | O_CLOEXEC));
    int joined[2];
    if (::pipe2(joined, O_CLOEXEC) != 0)
        return -1;
    UniqueFd readEnd(joined[0]), writeEnd(joined[1]);
    const pid_t pid = ::fork();
    if (pid == 0) {
        for (const UniqueFd& fd : procs)
            if (!fd || ::write(fd.get(), "0", 1) != 1)
                ::_exit(120);
        writeEnd.reset();
        body();
        ::_exit(0);
    }
    writeEnd.reset();
    char byte;
    // EOF when the child has joined (or died trying).
    while (::read(readEnd.get(), &byte, 1) < 0 && errno == EINTR) {}
    return pid;
}

[[noreturn]] void busyLoop()
{
    volatile unsigned long n = 0;
    for (;;)
        n = n + 1;
}

// Touches `bytes` of anonymous memory page by page.
void touchMemory(size_t bytes)
{
    char* memory =
        static_cast<char*>(::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
    if (memory == MAP_FAILED)
        ::_exit(122);
    for (size_t at = 0; at < bytes; at += 4096)
        memory[at] = 1;
}

void signalReady(int fd, std::uint64_t value = 1)
{
    if (::write(fd, &value, sizeof value) != sizeof value)
        ::_exit(123);
}

std::uint64_t awaitReady(int fd)
{
    std::uint64_t value = 0;
    if (::read(fd, &value, sizeof value) != sizeof value)
        return 0;
    return value;
}

// The container's directory that has `file` (v1: its controller's
// hierarchy); empty when none has it.
fs::path dirWith(const ContainerCgroup& cgroup, const char* file)
{
    for (const fs::path& dir : cgroup.directories())
        if (fs::exists(dir / file))
            return dir;
    return {};
}

std::vector<CgroupWrite> memoryLimit(const ContainerCgroup& cgroup, std::uint64_t bytes)
{
    const std::string value = std::to_string(bytes);
    if (cgroup.mode() == Mode::Unified) {
        std::vector<CgroupWrite> writes{{"memory", "memory.max", value}};
        if (!dirWith(cgroup, "memory.swap.max").empty())
            writes.push_back({"memory", "memory.swap.max", "0"});
        return writes;
    }
    std::vector<CgroupWrite> writes{{"memory", "memory.limit_in_bytes", value}};
    if (!dirWith(cgroup, "memory.memsw.limit_in_bytes").empty())
        writes.push_back({"memory", "memory.memsw.limit_in_bytes", value});
    return writes;
}

std::vector<CgroupWrite> cpuQuota(const ContainerCgroup& cgroup, unsigned quotaUs, unsigned periodUs)
{
    if (cgroup.mode() == Mode::Unified)
        return {{"cpu", "cpu.max", std::to_string(quotaUs) + " " + std::to_string(periodUs)}};
    return {{"cpu", "cpu.cfs_period_us", std::to_string(periodUs)},
            {"cpu", "cpu.cfs_quota_us", std::to_string(quotaUs)}};
}

QString fileText(const ContainerCgroup& cgroup, const char* file)
{
    const fs::path dir = dirWith(cgroup, file);
    const Result<std::string> line = readLine(dir / file);
    return line ? QString::fromStdString(*line) : QString("<%1>").arg(QString::fromStdString(line.error().message));
}

} // namespace

class TestCgroupLimits : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void limitsReadBack();
    void memoryLimitOomKills();
    void pidsMaxStopsForkBomb();
    void cpuQuotaHoldsBusyLoop();
    void freezeStopsCounter();
    void statsArePlausible();
    void refusedWriteKeepsOldLimits();
#ifndef BERTH_EXPECT_V2
    void memswOrderRetried();
    void articleKeysReachKernelExactly();
    void blkioWeightRefusedWithoutItsFile();
#endif
    void removeKillsEverything();

private:
    Layout m_layout;
    std::optional<ContainerCgroup> m_cgroup;
};

void TestCgroupLimits::initTestCase()
{
    QVERIFY(::prctl(PR_SET_CHILD_SUBREAPER, 1) == 0);
    Result<Layout> layout = detectLayout();
    QVERIFY2(layout, layout ? "" : layout.error().message.c_str());
    m_layout = *layout;
    // Hybrid here, unified in user-mode-linux: a test that silently runs
    // against the other backend proves nothing.
    QCOMPARE(modeName(m_layout.mode), modeName(kExpectedMode));
}

void TestCgroupLimits::init()
{
    Result<ContainerCgroup> cgroup = ContainerCgroup::create(
        m_layout, test::IntegrationEnvironment::instance().cgroupParent(), QTest::currentTestFunction());
    QVERIFY2(cgroup, cgroup ? "" : cgroup.error().message.c_str());
    m_cgroup.emplace(std::move(*cgroup));
}

void TestCgroupLimits::cleanup()
{
    if (m_cgroup) {
        const Status removed = m_cgroup->remove();
        QVERIFY2(removed, removed ? "" : removed.error().message.c_str());
    }
    m_cgroup.reset();
    reapOrphans();
}

void TestCgroupLimits::limitsReadBack()
{
    std::vector<CgroupWrite> writes = memoryLimit(*m_cgroup, 256 << 20);
    for (const CgroupWrite& write : cpuQuota(*m_cgroup, 20000, 100000))
        writes.push_back(write);
    writes.push_back({"pids", "pids.max", "64"});
    const Status applied = m_cgroup->applyLimits(writes);
    QVERIFY2(applied, applied ? "" : applied.error().message.c_str());
    for (const CgroupWrite& write : writes)
        QCOMPARE(fileText(*m_cgroup, write.file.c_str()), QString::fromStdString(write.value));
    const Result<ContainerStats> stats = m_cgroup->stats();
    QVERIFY2(stats, stats ? "" : stats.error().message.c_str());
    QCOMPARE(stats->memoryLimit, std::uint64_t{256} << 20);
    QCOMPARE(stats->pidsLimit, 64u);
    QVERIFY(stats->cpuQuota);
    QCOMPARE(stats->cpuQuota->cores, 0.2);
    QCOMPARE(stats->cpuQuota->periodUs, 100000u);
}

void TestCgroupLimits::memoryLimitOomKills()
{
    const Status applied = m_cgroup->applyLimits(memoryLimit(*m_cgroup, 32 << 20));
    QVERIFY2(applied, applied ? "" : applied.error().message.c_str());
    const pid_t child = forkInto(*m_cgroup, [] { touchMemory(128 << 20); });
    const int status = reap(child);
    QVERIFY2(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, qPrintable(QString::number(status)));
    const Result<ContainerStats> stats = m_cgroup->stats();
    QVERIFY2(stats, stats ? "" : stats.error().message.c_str());
    QCOMPARE(stats->oomKills, 1u);
    QCOMPARE(stats->memoryLimit, std::uint64_t{32} << 20);
    QVERIFY(!stats->memoryPeak || *stats->memoryPeak <= std::uint64_t{32} << 20);
}

void TestCgroupLimits::pidsMaxStopsForkBomb()
{
    QVERIFY(m_cgroup->applyLimits({{"pids", "pids.max", "8"}}));
    int ready[2];
    QVERIFY(::pipe2(ready, O_CLOEXEC) == 0);
    UniqueFd readEnd(ready[0]), writeEnd(ready[1]);
    const pid_t bomb = forkInto(*m_cgroup, [&] {
        std::uint64_t forked = 0;
        for (;;) {
            const pid_t pid = ::fork();
            if (pid == 0)
                for (;;)
                    ::pause();
            if (pid < 0)
                break;
            ++forked;
        }
        signalReady(writeEnd.get(), errno == EAGAIN ? forked : 9999);
        for (;;)
            ::pause();
    });
    writeEnd.reset();
    // The bomb itself is the eighth process.
    QCOMPARE(awaitReady(readEnd.get()), 7u);
    const Result<ContainerStats> stats = m_cgroup->stats();
    QVERIFY(stats);
    QCOMPARE(stats->pidsCurrent, 8u);
    QCOMPARE(stats->pidsLimit, 8u);
    QVERIFY(m_cgroup->killAll());
    QVERIFY(WIFSIGNALED(reap(bomb)));
}

void TestCgroupLimits::cpuQuotaHoldsBusyLoop()
{
    QVERIFY(m_cgroup->applyLimits(cpuQuota(*m_cgroup, 20000, 100000)));
    const pid_t child = forkInto(*m_cgroup, busyLoop);
    pauseMs(200);
    const Result<ContainerStats> before = m_cgroup->stats();
    pauseMs(2000);
    const Result<ContainerStats> after = m_cgroup->stats();
    QVERIFY(before && after);
    const double used = double(after->cpuUsageNs - before->cpuUsageNs);
    const double wall = double(after->timestampNs - before->timestampNs);
    const double share = used / wall;
    qInfo("busy loop under a 0.2-core quota used %.3f of a core", share);
    // A ratio, not a timing: about 0.2, loosely.
    QVERIFY2(share > 0.05 && share < 0.40, qPrintable(QString::number(share)));
    QVERIFY(after->cpuThrottledNs > before->cpuThrottledNs);
    QVERIFY(m_cgroup->killAll());
    QVERIFY(WIFSIGNALED(reap(child)));
}

void TestCgroupLimits::freezeStopsCounter()
{
    const fs::path progressFile = test::IntegrationEnvironment::instance().stateRoot() / "progress";
    UniqueFd progress(::open(progressFile.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600));
    QVERIFY(progress);
    const int fd = progress.get();
    const pid_t child = forkInto(*m_cgroup, [fd] {
        for (std::uint64_t n = 1;; ++n) {
            if (::pwrite(fd, &n, sizeof n, 0) != sizeof n)
                ::_exit(124);
            pauseMs(1);
        }
    });
    const auto value = [fd] {
        std::uint64_t n = 0;
        return ::pread(fd, &n, sizeof n, 0) == sizeof n ? n : 0;
    };
    QTRY_VERIFY(value() > 0);
    QVERIFY(!*m_cgroup->frozen());
    const Status frozen = m_cgroup->setFrozen(true);
    QVERIFY2(frozen, frozen ? "" : frozen.error().message.c_str());
    QVERIFY(*m_cgroup->frozen());
    const std::uint64_t atFreeze = value();
    pauseMs(300);
    QCOMPARE(value(), atFreeze);
    QVERIFY(m_cgroup->setFrozen(false));
    QVERIFY(!*m_cgroup->frozen());
    QTRY_VERIFY(value() > atFreeze);
    QVERIFY(m_cgroup->killAll());
    QVERIFY(WIFSIGNALED(reap(child)));
}

void TestCgroupLimits::statsArePlausible()
{
    const pid_t child = forkInto(*m_cgroup, [] {
        touchMemory(8 << 20);
        busyLoop();
    });
    pauseMs(100);
    const Result<ContainerStats> first = m_cgroup->stats();
    QVERIFY2(first, first ? "" : first.error().message.c_str());
    QTRY_VERIFY(m_cgroup->stats()->cpuUsageNs > first->cpuUsageNs);
    const Result<ContainerStats> second = m_cgroup->stats();
    QVERIFY(second->timestampNs > first->timestampNs);
    QVERIFY(second->memoryCurrent > 0);
    QVERIFY(second->memoryAnon > 0);
    QCOMPARE(second->pidsCurrent, 1u);
    QCOMPARE(second->memoryLimit, berth::kUnlimited);
    QCOMPARE(second->pidsLimit, berth::kUnlimited);
    QVERIFY(!second->cpuQuota);
    QCOMPARE(second->oomKills, 0u);
    QVERIFY(m_cgroup->killAll());
    QVERIFY(WIFSIGNALED(reap(child)));
}

#ifdef BERTH_EXPECT_V2
// v2 never refuses memory.max below usage (it reclaims, then OOM-kills);
// it refuses a cpu.max quota under 1 ms.
void TestCgroupLimits::refusedWriteKeepsOldLimits()
{
    QVERIFY(m_cgroup->applyLimits(cpuQuota(*m_cgroup, 20000, 100000)));
    const Status refused = m_cgroup->applyLimits({{"pids", "pids.max", "100"}, {"cpu", "cpu.max", "1 100000"}});
    QVERIFY(!refused);
    const std::string& message = refused.error().message;
    QVERIFY2(message.find("write '1 100000' to ") != std::string::npos, message.c_str());
    QVERIFY2(message.find("cpu.max: " + std::string(std::strerror(EINVAL))) != std::string::npos, message.c_str());
    QCOMPARE(fileText(*m_cgroup, "cpu.max"), QString("20000 100000"));
    QCOMPARE(fileText(*m_cgroup, "pids.max"), QString("max"));
}
#else
void TestCgroupLimits::refusedWriteKeepsOldLimits()
{
    QVERIFY(m_cgroup->applyLimits(memoryLimit(*m_cgroup, 256 << 20)));
    int ready[2];
    QVERIFY(::pipe2(ready, O_CLOEXEC) == 0);
    UniqueFd readEnd(ready[0]), writeEnd(ready[1]);
    const pid_t child = forkInto(*m_cgroup, [&] {
        // Locked: neither reclaim nor swap can take it away.
        if (::mmap(nullptr, 64 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE | MAP_LOCKED,
                   -1, 0) == MAP_FAILED)
            ::_exit(125);
        signalReady(writeEnd.get());
        for (;;)
            ::pause();
    });
    writeEnd.reset();
    QCOMPARE(awaitReady(readEnd.get()), 1u);
    const Status refused =
        m_cgroup->applyLimits({{"pids", "pids.max", "100"}, {"memory", "memory.limit_in_bytes", "4194304"}});
    QVERIFY(!refused);
    const std::string& message = refused.error().message;
    QVERIFY2(message.find("write '4194304' to ") != std::string::npos, message.c_str());
    QVERIFY2(message.find("memory.limit_in_bytes: " + std::string(std::strerror(EBUSY))) != std::string::npos,
             message.c_str());
    QCOMPARE(fileText(*m_cgroup, "memory.limit_in_bytes"), QString::number(256 << 20));
    QCOMPARE(fileText(*m_cgroup, "pids.max"), QString("max"));
    QVERIFY(m_cgroup->killAll());
    QVERIFY(WIFSIGNALED(reap(child)));
}

// Needs swap accounting (memory.memsw.*), which this host has.
void TestCgroupLimits::memswOrderRetried()
{
    QVERIFY(!dirWith(*m_cgroup, "memory.memsw.limit_in_bytes").empty());
    QVERIFY(m_cgroup->applyLimits(memoryLimit(*m_cgroup, 64 << 20)));
    // Raising memory first is refused (memory > memsw) and retried after memsw.
    const Status raised = m_cgroup->applyLimits(memoryLimit(*m_cgroup, 128 << 20));
    QVERIFY2(raised, raised ? "" : raised.error().message.c_str());
    QCOMPARE(fileText(*m_cgroup, "memory.limit_in_bytes"), QString::number(128 << 20));
    QCOMPARE(fileText(*m_cgroup, "memory.memsw.limit_in_bytes"), QString::number(128 << 20));
    const Status lowered = m_cgroup->applyLimits(memoryLimit(*m_cgroup, 96 << 20));
    QVERIFY2(lowered, lowered ? "" : lowered.error().message.c_str());
    QCOMPARE(fileText(*m_cgroup, "memory.memsw.limit_in_bytes"), QString::number(96 << 20));
}
#endif

#ifndef BERTH_EXPECT_V2
// Issue #16, the LXC articles' keys on a v1 host: each value is in its file
// as written (cpu.shares 512 used to reach the kernel as 501 by way of
// cpu.weight 20).
void TestCgroupLimits::articleKeysReachKernelExactly()
{
    auto host = readHostResources(m_layout);
    QVERIFY2(host, host ? "" : host.error().message.c_str());
    QVERIFY(!host->blockDevices.empty());
    const auto [major, minor] = host->blockDevices.front();
    const std::string device = std::to_string(major) + ":" + std::to_string(minor);
    auto config = Config::parse("lxc.cgroup.cpu.shares = 512\n"
                                "lxc.cgroup.cpuset.cpus = 1\n"
                                "lxc.cgroup.memory.limit_in_bytes = 256M\n"
                                "lxc.cgroup.blkio.throttle.read_bps_device = " +
                                device + " 1048576\n");
    QVERIFY(config);
    auto limits = limitsFromConfig(*config);
    QVERIFY2(limits, limits ? "" : limits.error().message.c_str());
    const Status valid = validateLimits(*limits, *host, m_layout.mode);
    QVERIFY2(valid, valid ? "" : valid.error().message.c_str());
    auto writes = limitWrites(*limits, m_layout.mode, *host);
    QVERIFY2(writes, writes ? "" : writes.error().message.c_str());
    const Status applied = m_cgroup->applyLimits(*writes);
    QVERIFY2(applied, applied ? "" : applied.error().message.c_str());
    QCOMPARE(fileText(*m_cgroup, "cpu.shares"), QString("512"));
    QCOMPARE(fileText(*m_cgroup, "cpuset.cpus"), QString("1"));
    QCOMPARE(fileText(*m_cgroup, "memory.limit_in_bytes"), QString("268435456"));
    QCOMPARE(fileText(*m_cgroup, "blkio.throttle.read_bps_device"), QString::fromStdString(device + " 1048576"));
}

// This kernel has no CFQ, so no blkio.weight: the weight is refused before
// any write, with the key and the reason, and the other limits with it.
void TestCgroupLimits::blkioWeightRefusedWithoutItsFile()
{
    QVERIFY2(dirWith(*m_cgroup, "blkio.weight").empty(), "this kernel has blkio.weight: the test needs one without");
    auto host = readHostResources(m_layout);
    QVERIFY2(host, host ? "" : host.error().message.c_str());
    QVERIFY(!host->ioWeight);
    Limits limits;
    limits.blkioWeight = 500;
    limits.pidsMax = 77;
    const Status valid = validateLimits(limits, *host, m_layout.mode);
    QVERIFY(!valid);
    QCOMPARE(QString::fromStdString(valid.error().message),
             "blkio.weight: not available (no CFQ/BFQ weight: the kernel has no blkio.weight file)");
    auto config = Config::parse("lxc.cgroup.blkio.weight = 500\n");
    QVERIFY(config);
    const Status atConfig = checkLimitFilesOnHost(*config);
    QVERIFY(!atConfig);
    QVERIFY2(atConfig.error().describe().starts_with("lxc.cgroup.blkio.weight: blkio.weight: not available"),
             atConfig.error().describe().c_str());
    QCOMPARE(fileText(*m_cgroup, "pids.max"), QString("max"));
}
#endif

void TestCgroupLimits::removeKillsEverything()
{
    std::vector<pid_t> children;
    for (int i = 0; i < 3; ++i)
        children.push_back(forkInto(*m_cgroup, [] {
            for (;;)
                ::pause();
        }));
    // Frozen tasks too (v2: cgroup.kill; v1: freezer and SIGKILL).
    QVERIFY(m_cgroup->setFrozen(true));
    const Status killed = m_cgroup->killAll();
    QVERIFY2(killed, killed ? "" : killed.error().message.c_str());
    // A dead child holds its cgroup until it is reaped (the monitor does
    // this for a container's init).
    for (pid_t child : children) {
        const int status = reap(child);
        QVERIFY(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    }
    const std::vector<fs::path> dirs = m_cgroup->directories();
    const Status removed = m_cgroup->remove();
    QVERIFY2(removed, removed ? "" : removed.error().message.c_str());
    m_cgroup.reset();
    for (const fs::path& dir : dirs)
        QVERIFY2(!fs::exists(dir), dir.c_str());
}

BERTH_INTEGRATION_MAIN(TestCgroupLimits)
#include "test_cgroup_limits.moc"
