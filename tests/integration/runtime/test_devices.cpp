// Devices from inside real containers: root in a system and in an
// application container may use /dev/null and /dev/zero; in a privileged
// one it may mknod a disk's node but cannot open it (the device cgroup), in
// an unprivileged one (the default) mknod itself is refused. Runs on this host's cgroup v1
// (test_devices) and, built with BERTH_EXPECT_V2, inside user-mode-linux on
// cgroup v2 (tests/uml), where the disk is the guest's scratch ubd disk
// (major 98) and a write into it is tried too; no host disk is ever opened
// for writing.
#include "berth/system_check.h"
#include "block_device.h"
#include "cgroup/layout.h"
#include "integration_env.h"
#include "lifecycle_fixture.h"

#include <QtTest/QtTest>

#include <fstream>
#include <optional>

using namespace berth;
using namespace berth::test;

namespace {

#ifdef BERTH_EXPECT_V2
constexpr bool kScratchDisk = true;
#else
constexpr bool kScratchDisk = false;
#endif

// What the container's shell does; each step prints a word to check.
std::string probeScript(const std::string& disk)
{
    std::string script = "mkdir -p /tmp; rm -f /tmp/d; mknod /tmp/d b " + disk +
                         " && echo mknod=ok; "
                         "dd if=/tmp/d of=/dev/null bs=512 count=1; echo read=$?; ";
    if (kScratchDisk)
        script += "[ -b /tmp/d ] && dd if=/dev/zero of=/tmp/d bs=512 count=1; echo write=$?; ";
    script += "echo x > /dev/null && echo null=ok; "
              "echo zero=$(head -c 4 /dev/zero | od -An -tx1 | tr -d ' '); rm -f /tmp/d";
    return script;
}

void verifyRefused(const std::string& output, bool privileged)
{
    if (privileged) {
        QVERIFY2(output.find("mknod=ok") != std::string::npos, output.c_str());
        QVERIFY2(output.find("can't open '/tmp/d': Operation not permitted") != std::string::npos, output.c_str());
    } else {
        QVERIFY2(output.find("mknod=ok") == std::string::npos, output.c_str());
        QVERIFY2(output.find("mknod: /tmp/d: Operation not permitted") != std::string::npos, output.c_str());
    }
    QVERIFY2(output.find("read=1") != std::string::npos, output.c_str());
    if (kScratchDisk)
        QVERIFY2(output.find("write=1") != std::string::npos, output.c_str());
    QVERIFY2(output.find("null=ok") != std::string::npos, output.c_str());
    QVERIFY2(output.find("zero=00000000") != std::string::npos, output.c_str());
}

} // namespace

class TestDevices : public QObject {
    Q_OBJECT

private:
    Engine m_engine = makeEngine();
    std::string m_disk;

private slots:
    void initTestCase()
    {
        auto layout = cgroup::detectLayout();
        QVERIFY2(layout, layout ? "" : layout.error().describe().c_str());
        QCOMPARE(layout->mode == cgroup::Mode::Unified, kScratchDisk);
        const std::optional<DeviceNumber> disk = openableBlockDevice();
        QVERIFY2(disk, "a block device that root can open here");
        // In user-mode-linux: ubd0, run-in-uml.sh's scratch disk.
        if (kScratchDisk)
            QCOMPARE(disk->major, 98u);
        m_disk = std::to_string(disk->major) + " " + std::to_string(disk->minor);
    }

    // The system check on this host says what a start finds: on cgroup v2
    // device control is there because a device program loads.
    void systemCheckAgrees()
    {
        std::optional<CheckItem> devices;
        for (const CheckGroup& group : runSystemCheck({.root = "/", .probeKernel = true}))
            for (const CheckItem& item : group.items)
                if (item.id == "cgroup.devices")
                    devices = item;
        QVERIFY(devices);
        QCOMPARE(devices->status, CheckStatus::Ok);
        if (kScratchDisk)
            QCOMPARE(QString::fromStdString(devices->detail),
                     QString("/sys/fs/cgroup (cgroup2, BPF device programs: a test program loaded)"));
    }

    void applicationContainerCannotOpenDisk_data()
    {
        QTest::addColumn<bool>("privileged");
        QTest::newRow("privileged") << true;
        QTest::newRow("unprivileged") << false;
    }

    void applicationContainerCannotOpenDisk()
    {
        QFETCH(bool, privileged);
        const RunResult run = runApplication(m_engine, "devapp", {"sh", "-c", probeScript(m_disk)}, privileged);
        QCOMPARE(run.exit.code, 0);
        verifyRefused(run.output, privileged);
    }

    void systemContainerCannotOpenDisk_data() { applicationContainerCannotOpenDisk_data(); }

    void systemContainerCannotOpenDisk()
    {
        QFETCH(bool, privileged);
        auto created = m_engine.create({.name = "devsys", .kind = ContainerKind::System, .privileged = privileged});
        QVERIFY2(created, created ? "" : created.error().describe().c_str());
        auto started = m_engine.start("devsys");
        QVERIFY2(started, started ? "" : started.error().describe().c_str());
        const RunResult run = execCaptured(m_engine, "devsys", {"sh", "-c", probeScript(m_disk)});
        auto stopped = m_engine.stop("devsys", std::chrono::seconds(20));
        QVERIFY2(stopped, stopped ? "" : stopped.error().describe().c_str());
        QVERIFY(m_engine.destroy("devsys").has_value());
        QCOMPARE(run.exit.code, 0);
        verifyRefused(run.output, privileged);
    }

    // The config's device keys change the list the same way whichever
    // backend enforces it: both families, in line order.
    void configuredDeniesHold()
    {
        const std::string script = "head -c 1 /dev/zero > /dev/null; echo zero=$?; "
                                   "echo full=$(head -c 1 /dev/full | od -An -tx1 | tr -d ' '); "
                                   "echo x > /dev/full; echo fullw=$?; echo x > /dev/null && echo null=ok";
        const CreateRequest request{
            .name = "devcfg", .kind = ContainerKind::Application, .command = {"sh", "-c", script}};
        auto created = m_engine.create(request);
        QVERIFY2(created, created ? "" : created.error().describe().c_str());
        std::ofstream(m_engine.settings().paths.configFile("devcfg"), std::ios::app)
            << "lxc.cgroup2.devices.deny = c 1:5 rwm\nlxc.cgroup.devices.deny = c 1:7 w\n";
        auto started = m_engine.start("devcfg");
        QVERIFY2(started, started ? "" : started.error().describe().c_str());
        auto stopped = m_engine.waitStopped("devcfg", std::chrono::seconds(30));
        QVERIFY(stopped && stopped->lastExit);
        const std::string output = readConsoleLog(m_engine, "devcfg");
        QVERIFY(m_engine.destroy("devcfg").has_value());
        QVERIFY2(output.find("zero=1") != std::string::npos, output.c_str());
        QVERIFY2(output.find("full=00") != std::string::npos, output.c_str());
        QVERIFY2(output.find("can't create /dev/full: Operation not permitted") != std::string::npos, output.c_str());
        QVERIFY2(output.find("fullw=1") != std::string::npos, output.c_str());
        QVERIFY2(output.find("null=ok") != std::string::npos, output.c_str());
    }
};

BERTH_INTEGRATION_MAIN(TestDevices)
#include "test_devices.moc"
