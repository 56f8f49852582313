// Issue #14: the part of debootstrap that runs the target's programs (its
// second stage) runs contained, never as host root. A tiny target (the
// host's static busybox) stands in for a Debian tree: its "second stage"
// is a script that records what it is and what it sees; the test reads
// the records from the host. Root, real kernel.
#include "template/contained_stage.h"
#include "template/file_caps.h"

#include "integration_env.h"

#include <QtTest/QtTest>

#include <atomic>
#include <filesystem>
#include <fstream>

#include <endian.h>
#include <linux/capability.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

using namespace berth;
using namespace berth::templates;
namespace fsys = std::filesystem;

namespace {

std::string readText(const fsys::path& file)
{
    std::ifstream in(file);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// Whitespace runs as one space, no leading or trailing space.
std::string squeezed(const std::string& text)
{
    std::string out;
    for (char c : text) {
        const bool space = c == ' ' || c == '\t' || c == '\n';
        if (space && (out.empty() || out.back() == ' '))
            continue;
        out += space ? ' ' : c;
    }
    if (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

// The stand-in "second stage": what a maintainer script could find out.
constexpr const char* kProbe = R"(set -e
cat /proc/self/uid_map > /probe/uid_map
cat /proc/self/gid_map > /probe/gid_map
id -u > /probe/uid
echo $$ > /probe/pid
hostname > /probe/hostname
ls /sys/class/net > /probe/links 2>/dev/null || cat /proc/net/dev > /probe/links
ls /dev > /probe/dev
touch /probe/made-inside
chown 42:42 /probe/made-inside
cat /../host-secret /proc/1/root/../host-secret > /probe/escape 2>/dev/null || true
ls / > /probe/root
cat /proc/self/status | grep NoNewPrivs > /probe/nnp
echo done
)";

// Host processes running as the stage's root, by pid.
std::vector<std::string> processesOfTheStage()
{
    std::vector<std::string> found;
    const std::string uid = "Uid:\t" + std::to_string(kStageIdBase) + "\t";
    for (const auto& entry : fsys::directory_iterator("/proc")) {
        const std::string status = readText(entry.path() / "status");
        if (status.find(uid) != std::string::npos)
            found.push_back(entry.path().filename().string());
    }
    return found;
}

} // namespace

class TestContainedStage : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir; // 0700, owned by host root: the stage must never walk host paths
    fsys::path m_root;

    // bin/ with busybox and the applets the probe uses, proc/, dev/, probe/.
    void makeTarget()
    {
        m_root = fsys::path(m_dir.path().toStdString()) / "rootfs";
        for (const char* dir : {"bin", "dev", "sys", "probe"})
            fsys::create_directories(m_root / dir);
        // As debootstrap's first stage leaves it when it thinks it runs in
        // Docker: the host's /proc must not be what the stage gets.
        fsys::create_directory_symlink("/proc", m_root / "proc");
        fsys::copy_file("/bin/busybox", m_root / "bin/busybox");
        for (const char* applet : {"sh", "cat", "id", "hostname", "ls", "touch", "chown", "grep", "echo"})
            fsys::create_symlink("busybox", m_root / "bin" / applet);
        std::ofstream(m_root / "bin/probe") << kProbe;
        ::chmod((m_root / "bin/probe").c_str(), 0755);
        // Beside the target on the host: the stage must not reach it.
        std::ofstream(m_root.parent_path() / "host-secret") << "host\n";
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void stageRunsAsRootOfItsOwnUserNamespace()
    {
        makeTarget();
        std::vector<std::string> lines;
        auto status = runContained(m_root, {"/bin/sh", "/bin/probe"}, {},
                                   [&](std::string_view line) { lines.emplace_back(line); });
        QVERIFY2(status, status ? "" : status.error().describe().c_str());
        std::string said;
        for (const auto& line : lines)
            said += line + "\n";
        QVERIFY2(WIFEXITED(*status) && WEXITSTATUS(*status) == 0, said.c_str());
        QVERIFY(!lines.empty() && lines.back() == "done");
        const fsys::path probe = m_root / "probe";

        // Root inside, the block at kStageIdBase outside: never host uid 0.
        const std::string map = "0 " + std::to_string(kStageIdBase) + " " + std::to_string(kStageIdCount);
        QCOMPARE(squeezed(readText(probe / "uid_map")), map);
        QCOMPARE(squeezed(readText(probe / "gid_map")), map);
        QCOMPARE(squeezed(readText(probe / "uid")), std::string("0"));
        // Its own pid namespace (the shell is pid 1), uts and network (lo only).
        QCOMPARE(squeezed(readText(probe / "pid")), std::string("1"));
        QCOMPARE(squeezed(readText(probe / "hostname")), std::string("debootstrap"));
        const std::string links = readText(probe / "links");
        QVERIFY2(links.find("lo") != std::string::npos && links.find("eth") == std::string::npos, links.c_str());
        // A private /dev with the harmless devices only.
        QCOMPARE(squeezed(readText(probe / "dev")), std::string("fd full null ptmx pts random shm stderr stdin "
                                                                "stdout urandom zero"));
        QCOMPARE(squeezed(readText(probe / "nnp")), std::string("NoNewPrivs: 1"));
        QVERIFY(fsys::is_directory(fsys::symlink_status(m_root / "proc")));
        // What it writes lands on disk as 0..65535 (the idmapped mount), as
        // a host-root build would leave it; what it chowns keeps its IDs.
        struct stat st {};
        QCOMPARE(::lstat((probe / "made-inside").c_str(), &st), 0);
        QCOMPARE(st.st_uid, uid_t(42));
        QCOMPARE(st.st_gid, gid_t(42));
        QCOMPARE(::lstat((probe / "uid_map").c_str(), &st), 0);
        QCOMPARE(st.st_uid, uid_t(0));
        // pivot_root, not chroot: the target's tree is all it sees.
        QCOMPARE(squeezed(readText(probe / "root")), std::string("bin dev probe proc sys"));
        QCOMPARE(readText(probe / "escape"), std::string());
    }

    // A cancel kills the whole stage, pid 1 and what it left running.
    void cancelLeavesNoProcess()
    {
        if (m_root.empty())
            makeTarget();
        std::ofstream(m_root / "bin/hang") << "sleep 1000 &\nsetsid sleep 1000 &\necho started\nsleep 1000\n";
        for (const char* applet : {"sleep", "setsid"})
            fsys::create_symlink("busybox", m_root / "bin" / applet);
        std::atomic<bool> cancel{false};
        const Progress progress([](const ProgressEvent&) {}, &cancel);
        auto status = runContained(m_root, {"/bin/sh", "/bin/hang"}, progress, [&](std::string_view line) {
            if (line == "started")
                cancel = true;
        });
        QVERIFY(!status);
        QCOMPARE(status.error().code, ECANCELED);
        QCOMPARE(processesOfTheStage(), std::vector<std::string>{});
    }

    // A tree that holds a revision 3 capability set, as setcap inside a
    // user namespace leaves it, ends up with the revision 2 a host build has;
    // one of another namespace's root is removed.
    void fileCapabilitiesNormalized()
    {
        const fsys::path tree = fsys::path(m_dir.path().toStdString()) / "caps";
        fsys::create_directories(tree / "usr/bin");
        for (const char* name : {"usr/bin/ping", "usr/bin/other"})
            std::ofstream(tree / name) << "x";
        fsys::create_symlink("/usr/bin/ping", tree / "usr/bin/link");
        const auto setV3 = [&](const char* name, std::uint32_t rootid) {
            vfs_ns_cap_data data{};
            data.magic_etc = htole32(VFS_CAP_REVISION_3 | VFS_CAP_FLAGS_EFFECTIVE);
            data.data[0].permitted = htole32(1u << CAP_NET_RAW);
            data.rootid = htole32(rootid);
            return ::setxattr((tree / name).c_str(), "security.capability", &data, XATTR_CAPS_SZ_3, 0);
        };
        QCOMPARE(setV3("usr/bin/ping", 0), 0);
        QCOMPARE(setV3("usr/bin/other", 100000), 0);
        auto kept = normalizeFileCapabilities(tree);
        QVERIFY2(kept, kept ? "" : kept.error().describe().c_str());
        QCOMPARE(*kept, 1);
        vfs_ns_cap_data data{};
        QCOMPARE(::getxattr((tree / "usr/bin/ping").c_str(), "security.capability", &data, sizeof(data)),
                 ssize_t(XATTR_CAPS_SZ_2));
        QCOMPARE(le32toh(data.magic_etc) & VFS_CAP_REVISION_MASK, std::uint32_t(VFS_CAP_REVISION_2));
        QCOMPARE(le32toh(data.data[0].permitted), 1u << CAP_NET_RAW);
        QVERIFY(::getxattr((tree / "usr/bin/other").c_str(), "security.capability", &data, sizeof(data)) < 0);
        QCOMPARE(errno, ENODATA);
    }
};

BERTH_INTEGRATION_MAIN(TestContainedStage)
#include "test_contained_stage.moc"
