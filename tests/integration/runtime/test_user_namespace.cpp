// Containers in a user namespace of their own (issue #15): lxc.idmap gives
// the init the container's block, the rootfs is seen through an idmapped
// mount (never chowned), and system and application containers start, exec,
// reach the network, show a console and stop as before. The maps are
// written by hand here; giving each container a block is the create path's.
#include "integration_env.h"
#include "lifecycle_fixture.h"

#include <QtTest/QtTest>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/xattr.h>

#include <linux/capability.h>

using namespace berth;
using namespace berth::test;
using namespace std::chrono_literals;

namespace {

constexpr std::uint32_t kBase = 1000000000;
constexpr std::uint32_t kOtherBase = kBase + 65536;

std::string idmapLines(std::uint32_t base)
{
    const std::string range = " 0 " + std::to_string(base) + " 65536\n";
    return "lxc.idmap = u" + range + "lxc.idmap = g" + range;
}

std::string readText(const std::filesystem::path& path)
{
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// "0 1000000000 65536": /proc's columns are padded.
std::string squeezed(const std::string& text)
{
    std::istringstream in(text);
    std::string word, out;
    while (in >> word)
        out += (out.empty() ? "" : " ") + word;
    return out;
}

struct Owner {
    uid_t uid = 0;
    gid_t gid = 0;
    bool operator==(const Owner&) const = default;
};

Owner ownerOf(const std::filesystem::path& path)
{
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0)
        return {~0U, ~0U};
    return {st.st_uid, st.st_gid};
}

// Owner and ctime of every file below root that is no directory (writing
// into a directory changes its ctime, a chown changes everyone's).
std::map<std::string, std::tuple<uid_t, gid_t, std::int64_t, std::int64_t>> inodesOf(const std::filesystem::path& root)
{
    std::map<std::string, std::tuple<uid_t, gid_t, std::int64_t, std::int64_t>> inodes;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root))
        if (struct stat st{}; !entry.is_directory() && ::lstat(entry.path().c_str(), &st) == 0)
            inodes[entry.path().string()] = {st.st_uid, st.st_gid, st.st_ctim.tv_sec, st.st_ctim.tv_nsec};
    return inodes;
}

int run(const std::string& command)
{
    return std::system(command.c_str());
}

} // namespace

class TestUserNamespace : public QObject {
    Q_OBJECT

private:
    Engine m_engine = makeEngine();

    const Paths& paths() const { return m_engine.settings().paths; }

    void append(const std::string& name, const std::string& lines)
    {
        std::ofstream(paths().configFile(name), std::ios::app) << lines;
    }

    // The map written by hand in place of the one creation gave (every new
    // container has a block of its own, or berth.privileged = 1).
    // The host ID of root in the container's config (lxc.idmap = u 0 BASE ...); 0 when none.
    std::uint32_t userBaseOf(const std::string& name)
    {
        std::istringstream config(readText(paths().configFile(name)));
        for (std::string line; std::getline(config, line);) {
            std::uint32_t base = 0;
            if (std::sscanf(line.c_str(), "lxc.idmap = u 0 %u", &base) == 1)
                return base;
        }
        return 0;
    }

    void setMap(const std::string& name, const std::string& lines)
    {
        std::ifstream in(paths().configFile(name));
        std::string kept;
        for (std::string line; std::getline(in, line);)
            if (!line.starts_with("lxc.idmap") && !line.starts_with("berth.privileged"))
                kept += line + "\n";
        in.close();
        std::ofstream(paths().configFile(name), std::ios::trunc) << kept << lines;
    }

    void createSystem(const std::string& name, std::uint32_t base)
    {
        auto created = m_engine.create({.name = name, .kind = ContainerKind::System});
        QVERIFY2(created, created ? "" : created.error().describe().c_str());
        setMap(name, idmapLines(base));
    }

    void start(const std::string& name)
    {
        auto started = m_engine.start(name);
        QVERIFY2(started, started ? "" : started.error().describe().c_str());
    }

    pid_t initPid(const std::string& name)
    {
        auto state = m_engine.state(name);
        return state ? state->initPid : 0;
    }

    void stopCleanly(const std::string& name)
    {
        auto stopped = m_engine.stop(name, 20s);
        QVERIFY2(stopped, stopped ? "" : stopped.error().describe().c_str());
        auto state = m_engine.state(name);
        QVERIFY(state && state->lastExit);
        QVERIFY2(state->lastExit->signal != SIGKILL, state->lastError.c_str());
        QVERIFY2(state->lastError.empty(), state->lastError.c_str());
    }

    RunResult runApp(const std::string& name, const std::string& script, const std::string& extra)
    {
        RunResult result;
        auto created =
            m_engine.create({.name = name, .kind = ContainerKind::Application, .command = {"/bin/sh", "-c", script}});
        if (!created) {
            QTest::qFail(created.error().describe().c_str(), __FILE__, __LINE__);
            return result;
        }
        setMap(name, idmapLines(kBase) + extra);
        auto started = m_engine.start(name);
        if (!started) {
            QTest::qFail(("start: " + started.error().describe()).c_str(), __FILE__, __LINE__);
            (void)m_engine.destroy(name, true);
            return result;
        }
        auto stopped = m_engine.waitStopped(name, 30s);
        if (stopped && stopped->lastExit)
            result.exit = *stopped->lastExit;
        result.output = readConsoleLog(m_engine, name);
        (void)m_engine.destroy(name, true);
        return result;
    }

private slots:
    // The init's maps are the container's block; a privileged container's
    // are the whole of the host's.
    void mapsAreTheContainersBlock()
    {
        createSystem("mapped", kBase);
        start("mapped");
        const std::string proc = "/proc/" + std::to_string(initPid("mapped"));
        QCOMPARE(squeezed(readText(proc + "/uid_map")), std::string("0 1000000000 65536"));
        QCOMPARE(squeezed(readText(proc + "/gid_map")), std::string("0 1000000000 65536"));
        // Root inside is the block's first ID on the host.
        const std::string status = readText(proc + "/status");
        QVERIFY2(status.find("Uid:\t1000000000\t1000000000\t1000000000\t1000000000") != std::string::npos,
                 status.c_str());
        stopCleanly("mapped");
        QVERIFY(m_engine.destroy("mapped"));

        QVERIFY(m_engine.create({.name = "privileged", .kind = ContainerKind::System, .privileged = true}));
        start("privileged");
        const std::string privileged = "/proc/" + std::to_string(initPid("privileged"));
        QCOMPARE(squeezed(readText(privileged + "/uid_map")), std::string("0 0 4294967295"));
        // Exec follows the running init, not a config changed since the start.
        setMap("privileged", idmapLines(kBase));
        const RunResult id = execCaptured(m_engine, "privileged", {"cat", "/proc/self/uid_map"});
        QCOMPARE(squeezed(id.output), std::string("0 0 4294967295"));
        stopCleanly("privileged");
        QVERIFY(m_engine.destroy("privileged"));
    }

    // busybox init as PID 1 in its own user namespace: exec is root inside,
    // the console works, the halt is clean.
    void systemContainerExecsAndHalts()
    {
        createSystem("sysns", kBase);
        start("sysns");
        const RunResult id = execCaptured(m_engine, "sysns", {"id"});
        QCOMPARE(id.exit.code, 0);
        QVERIFY2(id.output.find("uid=0(root) gid=0(root)") != std::string::npos, id.output.c_str());
        const RunResult map = execCaptured(m_engine, "sysns", {"cat", "/proc/self/uid_map"});
        QCOMPARE(squeezed(map.output), std::string("0 1000000000 65536"));
        const RunResult ps = execCaptured(m_engine, "sysns", {"ps", "-o", "pid,comm"});
        QVERIFY2(ps.output.find("    1 init") != std::string::npos, ps.output.c_str());
        // The container's root is no root of the host: the host's files
        // that /proc shows stay closed.
        const RunResult mounts = execCaptured(m_engine, "sysns", {"sh", "-c", "cat /proc/mounts; ls -ln /dev"});
        QVERIFY2(mounts.output.find("proc /proc proc rw") != std::string::npos, mounts.output.c_str());
        QVERIFY2(mounts.output.find("/proc/sys proc ro") != std::string::npos, mounts.output.c_str());
        QVERIFY2(mounts.output.find("sysfs /sys sysfs ro") != std::string::npos, mounts.output.c_str());

        // Its root makes no device nodes: /dev holds the host's, bound.
        const RunResult mknod = execCaptured(m_engine, "sysns", {"mknod", "/tmp/null", "c", "1", "3"});
        QVERIFY2(mknod.exit.code != 0 && mknod.output.find("Operation not permitted") != std::string::npos,
                 mknod.output.c_str());
        const RunResult null = execCaptured(m_engine, "sysns", {"sh", "-c", "echo x > /dev/null && echo NULL-OK"});
        QCOMPARE(null.output, std::string("NULL-OK\n"));

        // A pty from the container's devpts, owned by its root.
        ExecRequest request{.argv = {"sh", "-c", "tty; stat -c %u:%g $(tty); exit 5"}, .allocatePty = true};
        auto process = m_engine.exec("sysns", request);
        QVERIFY2(process, process ? "" : process.error().describe().c_str());
        const std::string tty = readUntil(process->ptyMaster(), "0:5", 10000);
        QVERIFY2(tty.find("/dev/pts/") != std::string::npos && tty.find("\n0:5") != std::string::npos, tty.c_str());
        auto status = process->wait();
        QVERIFY(status);
        QCOMPARE(status->code, 5);

        auto console = m_engine.console("sysns");
        QVERIFY2(console, console ? "" : console.error().describe().c_str());
        const std::string enter = "\n";
        QCOMPARE(::send(console->get(), enter.data(), enter.size(), MSG_NOSIGNAL), ssize_t(enter.size()));
        readUntil(console->get(), "# ", 10000);
        const std::string command = "echo console-$((6*7)) $(id -u)\n";
        QCOMPARE(::send(console->get(), command.data(), command.size(), MSG_NOSIGNAL), ssize_t(command.size()));
        const std::string answer = readUntil(console->get(), "console-42 0", 10000);
        QVERIFY2(answer.find("console-42 0") != std::string::npos, answer.c_str());

        stopCleanly("sysns");
        QVERIFY(m_engine.destroy("sysns"));
    }

    // What root inside writes lands on disk as 0 in the shared rootfs
    // directory, and is owned by host BASE seen through the container's
    // own view (/proc/<init>/root). Starting chowns nothing.
    void filesOfRootInsideAreBaseOnTheHost()
    {
        createSystem("files", kBase);
        const std::filesystem::path rootfs = paths().rootfsDir("files");
        const auto before = inodesOf(rootfs);
        start("files");
        QCOMPARE(execCaptured(m_engine, "files", {"sh", "-c", "echo inside > /root/made"}).exit.code, 0);
        QCOMPARE(ownerOf(rootfs / "root/made"), (Owner{0, 0}));
        const std::filesystem::path view = "/proc/" + std::to_string(initPid("files")) + "/root";
        QCOMPARE(ownerOf(view / "root/made"), (Owner{kBase, kBase}));
        // Files on disk as 0 are the container's root's.
        QCOMPARE(ownerOf(view / "bin/busybox"), (Owner{kBase, kBase}));
        QCOMPARE(ownerOf(rootfs / "bin/busybox"), (Owner{0, 0}));
        const RunResult ls = execCaptured(m_engine, "files", {"stat", "-c", "%u:%g", "/bin/busybox"});
        QCOMPARE(ls.output, std::string("0:0\n"));
        // The root mount is the idmapped one.
        const RunResult root = execCaptured(m_engine, "files", {"awk", "$5 == \"/\"", "/proc/self/mountinfo"});
        QVERIFY2(root.output.find("idmapped") != std::string::npos, root.output.c_str());
        stopCleanly("files");

        // Apart from the files the start writes (/etc/hostname, /etc/hosts)
        // and the one made inside, every inode is as it was.
        auto after = inodesOf(rootfs);
        for (const char* written : {"etc/hostname", "etc/hosts", "root/made"})
            after.erase((rootfs / written).string());
        for (const auto& [path, inode] : after) {
            QVERIFY2(before.contains(path), path.c_str());
            QVERIFY2(before.at(path) == inode, path.c_str());
        }
        QVERIFY(m_engine.destroy("files"));
    }

    // berth.rootfs.shifted = 1: a rootfs already chowned into the range (a
    // file system without idmapped mounts) is bound as it is.
    void shiftedRootfsIsBoundAsItIs()
    {
        createSystem("shifted", kBase);
        append("shifted", "berth.rootfs.shifted = 1\n");
        const std::filesystem::path rootfs = paths().rootfsDir("shifted");
        QCOMPARE(run("chown -R -h " + std::to_string(kBase) + ":" + std::to_string(kBase) + " " + rootfs.string()), 0);
        start("shifted");
        QCOMPARE(execCaptured(m_engine, "shifted", {"stat", "-c", "%u:%g", "/bin/busybox"}).output,
                 std::string("0:0\n"));
        QCOMPARE(execCaptured(m_engine, "shifted", {"sh", "-c", "echo x > /root/made"}).exit.code, 0);
        // On disk as the container's root, with no idmapped mount between.
        QCOMPARE(ownerOf(rootfs / "root/made"), (Owner{kBase, kBase}));
        const RunResult mounts = execCaptured(m_engine, "shifted", {"grep", "idmapped", "/proc/self/mountinfo"});
        QVERIFY2(mounts.output.empty(), mounts.output.c_str());
        stopCleanly("shifted");
        QVERIFY(m_engine.destroy("shifted"));
    }

    // An application container under berth-init, in its own user namespace.
    void applicationContainerRunsAsRootInside()
    {
        const RunResult result = runApp("appns",
                                        "id; cat /proc/self/uid_map; echo > /proc/sys/kernel/hostname "
                                        "|| echo SYSCTL-READONLY",
                                        "");
        QCOMPARE(result.exit.code, 0);
        QVERIFY2(result.output.find("uid=0(root) gid=0(root)") != std::string::npos, result.output.c_str());
        QVERIFY2(squeezed(result.output).find("0 1000000000 65536") != std::string::npos, result.output.c_str());
        QVERIFY2(result.output.find("SYSCTL-READONLY") != std::string::npos, result.output.c_str());
    }

    // On the host's network the container does not own its network
    // namespace, so its sysfs is one the monitor mounted read-only, of the
    // namespace it shares (the test's: its links show); a read-only root
    // and a bind of a host directory work in the user namespace too.
    void hostNetworkReadOnlyRootAndBinds()
    {
        QCOMPARE(run("ip link add ushost type bridge"), 0);
        const std::filesystem::path shared = paths().containerDir("x").parent_path().parent_path() / "shared-dir";
        std::filesystem::create_directories(shared);
        std::ofstream(shared / "file") << "from the host\n";
        const RunResult result = runApp(
            "hostns",
            "cat /proc/self/uid_map; grep ' /sys' /proc/mounts; echo links: $(ls /sys/class/net); cat /mnt/file; "
            "touch /new || echo ROOT-READONLY; echo > /sys/kernel/uevent_helper || echo SYS-READONLY",
            "lxc.net.0.type = none\nlxc.rootfs.options = ro\nlxc.mount.entry = " + shared.string() +
                " mnt none bind 0 0\n");
        QCOMPARE(result.exit.code, 0);
        QVERIFY2(squeezed(result.output).find("0 1000000000 65536") != std::string::npos, result.output.c_str());
        QVERIFY2(result.output.find(" /sys sysfs ro,") != std::string::npos, result.output.c_str());
        // None of the host's mounts below /sys (its cgroup trees) come along.
        QVERIFY2(result.output.find(" /sys/fs/cgroup/memory ") == std::string::npos, result.output.c_str());
        QVERIFY2(result.output.find(" ushost") != std::string::npos, result.output.c_str());
        QVERIFY2(result.output.find("from the host") != std::string::npos, result.output.c_str());
        QVERIFY2(result.output.find("ROOT-READONLY") != std::string::npos, result.output.c_str());
        QVERIFY2(result.output.find("SYS-READONLY") != std::string::npos, result.output.c_str());
        std::filesystem::remove_all(shared);
        QCOMPARE(run("ip link del ushost"), 0);
    }

    // lxc.init.uid, lxc.init.gid and lxc.init.groups: the command runs as
    // those IDs inside, with no capabilities.
    void initUidIsApplied()
    {
        const RunResult result = runApp("appuid", "id -u; id -g; id -G; grep CapEff /proc/self/status",
                                        "lxc.init.uid = 1000\nlxc.init.gid = 1000\nlxc.init.groups = 5,100\n");
        QCOMPARE(result.exit.code, 0);
        QVERIFY2(result.output.find("1000\n1000\n1000 5 100\n") != std::string::npos, result.output.c_str());
        QVERIFY2(result.output.find("CapEff:\t0000000000000000") != std::string::npos, result.output.c_str());
    }

    // On a veth of a bridge in the test's network namespace: the host
    // reaches the container's address, the container its gateway.
    void networkWorksInside()
    {
        QCOMPARE(run("ip link add usbr type bridge && ip addr add 192.168.91.1/24 dev usbr && ip link set usbr up"), 0);
        createSystem("netns", kBase);
        append("netns", "lxc.net.0.type = veth\nlxc.net.0.link = usbr\nlxc.net.0.ipv4.address = 192.168.91.10/24\n"
                        "lxc.net.0.flags = up\n");
        start("netns");
        // Its network namespace belongs to its own user namespace.
        const std::string proc = "/proc/" + std::to_string(initPid("netns"));
        QCOMPARE(squeezed(readText(proc + "/uid_map")), std::string("0 1000000000 65536"));
        QCOMPARE(run("busybox ping -c1 -W3 192.168.91.10 > /dev/null"), 0);
        const RunResult ping = execCaptured(m_engine, "netns", {"ping", "-c1", "-W3", "192.168.91.1"});
        QVERIFY2(ping.exit.code == 0, ping.output.c_str());
        stopCleanly("netns");
        QVERIFY(m_engine.destroy("netns"));
        QCOMPARE(run("ip link del usbr"), 0);
    }

    // The same lower layer serves two snapshots with different blocks at
    // once; each one's upper layer holds its own files, as its own root.
    void snapshotLowerServesTwoBlocks()
    {
        QVERIFY(m_engine.create({.name = "shared", .kind = ContainerKind::System}));
        std::ofstream(paths().rootfsDir("shared") / "root/note") << "lower\n";
        // Each snapshot keeps the block its creation gave it.
        std::map<std::string, std::uint32_t> bases;
        for (const char* name : {"snapa", "snapb"}) {
            auto cloned = m_engine.create(
                {.name = name, .templateName = "clone", .options = {{"source", "shared"}, {"snapshot", "true"}}});
            QVERIFY2(cloned, cloned ? "" : cloned.error().describe().c_str());
            bases[name] = userBaseOf(name);
            QVERIFY(bases[name] != 0);
            const std::uint32_t base = bases[name];
            // What a create path writes into the upper layer from the host
            // (a clone's /etc/hostname...) is host root's: the start gives
            // it to the container's root, setuid bit kept.
            const std::filesystem::path delta = paths().containerDir(name) / "delta";
            std::filesystem::create_directories(delta / "etc");
            std::ofstream(delta / "etc/hostname") << "old\n";
            std::ofstream(delta / "etc/tool") << "#!/bin/sh\n";
            ::chmod((delta / "etc/tool").c_str(), 04755);
            // A file capability as the host writes it (revision 2: the host's root).
            vfs_cap_data hostCap{};
            hostCap.magic_etc = VFS_CAP_REVISION_2 | VFS_CAP_FLAGS_EFFECTIVE;
            hostCap.data[0].permitted = 1U << CAP_NET_BIND_SERVICE;
            QCOMPARE(::setxattr((delta / "etc/tool").c_str(), "security.capability", &hostCap, XATTR_CAPS_SZ_2, 0), 0);
            start(name);
            QCOMPARE(ownerOf(delta / "etc/hostname"), (Owner{base, base}));
            QCOMPARE(ownerOf(delta / "etc"), (Owner{base, base}));
            struct stat tool {};
            QCOMPARE(::stat((delta / "etc/tool").c_str(), &tool), 0);
            QCOMPARE(tool.st_mode & 07777, 04755U);
            // ...and its root moved into the block (revision 3), or it would not apply inside.
            vfs_ns_cap_data cap{};
            QCOMPARE(::getxattr((delta / "etc/tool").c_str(), "security.capability", &cap, sizeof(cap)),
                     ssize_t(XATTR_CAPS_SZ_3));
            QCOMPARE(cap.magic_etc & VFS_CAP_REVISION_MASK, std::uint32_t(VFS_CAP_REVISION_3));
            QCOMPARE(cap.rootid, base);
            QCOMPARE(cap.data[0].permitted, 1U << CAP_NET_BIND_SERVICE);
        }
        QVERIFY(bases["snapa"] != bases["snapb"]);
        for (const auto& [name, base] : bases) {
            QCOMPARE(execCaptured(m_engine, name, {"cat", "/root/note"}).output, std::string("lower\n"));
            QCOMPARE(execCaptured(m_engine, name, {"cat", "/etc/hostname"}).output, std::string(name) + "\n");
            QCOMPARE(execCaptured(m_engine, name, {"stat", "-c", "%u:%g", "/etc/tool"}).output, std::string("0:0\n"));
            const RunResult owner = execCaptured(m_engine, name, {"stat", "-c", "%u:%g", "/root/note", "/"});
            QCOMPARE(owner.output, std::string("0:0\n0:0\n"));
            QCOMPARE(execCaptured(m_engine, name, {"sh", "-c", std::string("echo ") + name + " > /root/own"}).exit.code,
                     0);
            const std::filesystem::path view = "/proc/" + std::to_string(initPid(name)) + "/root";
            QCOMPARE(ownerOf(view / "root/note"), (Owner{base, base}));
        }
        QVERIFY(bases["snapa"] != bases["snapb"]);
        for (const auto& [name, base] : bases) {
            // The upper layer is written as the container's IDs.
            const std::filesystem::path upper = paths().containerDir(name) / "delta";
            QCOMPARE(readText(upper / "root/own"), std::string(name) + "\n");
            QCOMPARE(ownerOf(upper / "root/own"), (Owner{base, base}));
            QCOMPARE(ownerOf(upper), (Owner{base, base}));
            stopCleanly(name);
        }
        // The lower layer is untouched and still the host's 0.
        QVERIFY(!std::filesystem::exists(paths().rootfsDir("shared") / "root/own"));
        QCOMPARE(ownerOf(paths().rootfsDir("shared") / "root/note"), (Owner{0, 0}));
        QVERIFY(m_engine.destroy("snapa", true));
        QVERIFY(m_engine.destroy("snapb", true));
        QVERIFY(m_engine.destroy("shared"));
    }
};

BERTH_INTEGRATION_MAIN(TestUserNamespace)
#include "test_user_namespace.moc"
