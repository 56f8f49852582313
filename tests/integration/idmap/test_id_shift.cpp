// Where a file system has no idmapped mounts (ramfs, in a private mount
// namespace), a new container's rootfs is shifted into its block once at
// creation, and exported with the IDs it has inside; the shift keeps
// modes, setuid bits, ACLs and file capabilities.
#include "integration_env.h"

#include "berth/config.h"
#include "berth/model/id_map.h"
#include "idmap/container_maps.h"
#include "idmap/idmapped_probe.h"
#include "idmap/tree_shift.h"

#include <QtTest/QtTest>

#include <archive.h>
#include <archive_entry.h>

#include <cstring>
#include <filesystem>
#include <fstream>

#include <endian.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <sched.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

using namespace berth;
using namespace berth::test;

namespace fsys = std::filesystem;

namespace {

constexpr std::uint32_t kStart = 1200000000;
constexpr std::uint32_t kBlock = model::kIdBlockSize;

std::string readText(const fsys::path& file)
{
    std::ifstream in(file);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

struct stat statOf(const fsys::path& path)
{
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0)
        qFatal("lstat %s: %s", path.c_str(), std::strerror(errno));
    return st;
}

std::string xattrOf(const fsys::path& path, const char* name)
{
    char buf[256];
    const ssize_t n = ::lgetxattr(path.c_str(), name, buf, sizeof buf);
    return n < 0 ? std::string() : std::string(buf, static_cast<std::size_t>(n));
}

void put32(std::string& s, std::uint32_t v)
{
    v = htole32(v);
    s.append(reinterpret_cast<const char*>(&v), 4);
}

void put16(std::string& s, std::uint16_t v)
{
    v = htole16(v);
    s.append(reinterpret_cast<const char*>(&v), 2);
}

std::string capabilityV2()
{
    std::string s;
    put32(s, VFS_CAP_REVISION_2 | VFS_CAP_FLAGS_EFFECTIVE);
    for (std::uint32_t word : {1u << 13, 0u, 0u, 0u}) // CAP_NET_RAW permitted
        put32(s, word);
    return s;
}

std::uint32_t capabilityRoot(const std::string& value)
{
    if (value.size() != XATTR_CAPS_SZ_3)
        return 0;
    std::uint32_t v = 0;
    std::memcpy(&v, value.data() + XATTR_CAPS_SZ_2, 4);
    return le32toh(v);
}

// user::rw-, user:ID:r--, group::r--, mask::r--, other::---.
std::string aclFor(std::uint32_t user)
{
    std::string s;
    put32(s, 2);
    const std::pair<std::uint16_t, std::uint32_t> entries[] = {
        {0x01, 0xFFFFFFFF}, {0x02, user}, {0x04, 0xFFFFFFFF}, {0x10, 0xFFFFFFFF}, {0x20, 0xFFFFFFFF}};
    for (const auto& [tag, id] : entries) {
        put16(s, tag);
        put16(s, tag == 0x20 ? 0 : 4);
        put32(s, id);
    }
    return s;
}

void check(bool ok, const char* what)
{
    if (!ok)
        qFatal("%s: %s", what, std::strerror(errno));
}

std::string describe(const Status& status)
{
    return status ? "" : status.error().describe();
}

// uid of every entry of a gzip'd tar.
std::map<std::string, std::int64_t> ownersInArchive(int fd)
{
    std::map<std::string, std::int64_t> owners;
    ::lseek(fd, 0, SEEK_SET);
    archive* a = archive_read_new();
    archive_read_support_filter_all(a);
    archive_read_support_format_all(a);
    if (archive_read_open_fd(a, fd, 65536) == ARCHIVE_OK) {
        archive_entry* entry = nullptr;
        while (archive_read_next_header(a, &entry) == ARCHIVE_OK)
            owners[archive_entry_pathname(entry)] = archive_entry_uid(entry);
    }
    archive_read_free(a);
    return owners;
}

} // namespace

class TestIdShift : public QObject {
    Q_OBJECT

private:
    fsys::path m_ramfs;
    std::optional<Engine> m_engine;

    std::optional<std::string> keyOf(const std::string& name, const std::string& key)
    {
        auto config = Config::parse(readText(m_engine->settings().paths.configFile(name)));
        return config ? config->get(key) : std::nullopt;
    }

    model::IdMap mapOf(const std::string& name)
    {
        return idmap::idMapLines(readText(m_engine->settings().paths.configFile(name)));
    }

private slots:
    void initTestCase()
    {
        const fsys::path state = IntegrationEnvironment::instance().stateRoot();
        QCOMPARE(::unshare(CLONE_NEWNS), 0);
        QCOMPARE(::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr), 0);
        m_ramfs = state / "ramfs";
        fsys::create_directories(m_ramfs);
        QCOMPARE(::mount("berth-test", m_ramfs.c_str(), "ramfs", 0, "mode=0755"), 0);
        const fsys::path range = state / "range";
        fsys::create_directories(range);
        const std::string line = "_berth:" + std::to_string(kStart) + ":" + std::to_string(4 * kBlock) + "\n";
        std::ofstream(range / "subuid") << line;
        std::ofstream(range / "subgid") << line;
        EngineSettings settings = IntegrationEnvironment::instance().engineSettings();
        settings.paths = Paths(m_ramfs);
        settings.idRangeDir = range;
        m_engine.emplace(settings);
        // The premise: ramfs has no idmapped mounts, ext4 (the state root) has.
        QCOMPARE(idmap::idmappedMountsWork(m_ramfs).value_or(true), false);
        QCOMPARE(idmap::idmappedMountsWork(state).value_or(false), true);
    }

    void cleanupTestCase()
    {
        m_engine.reset();
        QCOMPARE(::umount2(m_ramfs.c_str(), MNT_DETACH), 0);
    }

    void aNewContainerIsShiftedIntoItsBlock()
    {
        const Status created = m_engine->create({.name = "shifted"});
        QVERIFY2(created, describe(created).c_str());
        QCOMPARE(mapOf("shifted"), model::blockIdMap(kStart));
        QCOMPARE(keyOf("shifted", "berth.rootfs.shifted").value_or(""), std::string("1"));
        const fsys::path rootfs = m_engine->settings().paths.rootfsDir("shifted");
        QCOMPARE(statOf(rootfs).st_uid, kStart);
        QCOMPARE(statOf(rootfs / "bin/busybox").st_uid, kStart);
        QCOMPARE(statOf(rootfs / "bin/busybox").st_gid, kStart);
        QCOMPARE(statOf(rootfs / "bin/busybox").st_mode & 07777, 0755u);
        QCOMPARE(statOf(rootfs / "tmp").st_mode & 07777, 01777u);
    }

    // A shifted container runs: its root owns its files (hostname, hosts
    // and the rest the start writes) and sees them as 0.
    void aShiftedContainerRuns()
    {
        const std::vector<std::string> command = {"sh", "-c", "stat -c %u /etc/hostname /bin/busybox && touch /root/x"};
        const Status created =
            m_engine->create({.name = "runs", .kind = ContainerKind::Application, .command = command});
        QVERIFY2(created, describe(created).c_str());
        const Status started = m_engine->start("runs");
        QVERIFY2(started, describe(started).c_str());
        auto stopped = m_engine->waitStopped("runs", std::chrono::seconds(30));
        QVERIFY2(stopped && stopped->lastExit, stopped ? "no exit recorded" : stopped.error().describe().c_str());
        QCOMPARE(stopped->lastExit->code, 0);
        const fsys::path rootfs = m_engine->settings().paths.rootfsDir("runs");
        QCOMPARE(statOf(rootfs / "root/x").st_uid, mapOf("runs").entries.at(0).host);
        QVERIFY(m_engine->destroy("runs"));
    }

    // An overlay over two file systems (the package test's root: ext4 below,
    // tmpfs above) gives files the layer's st_dev and directories its own:
    // the shift still reaches every file of the one mount.
    void aShiftReachesEveryFileOfAnOverlay()
    {
        const fsys::path base = IntegrationEnvironment::instance().stateRoot() / "two-fs";
        fsys::create_directories(base / "lower");
        fsys::create_directories(base / "layers");
        fsys::create_directories(base / "merged");
        QCOMPARE(::mount("berth-test", (base / "layers").c_str(), "tmpfs", 0, "mode=0755"), 0);
        fsys::create_directories(base / "layers/upper");
        fsys::create_directories(base / "layers/work");
        const std::string options = "lowerdir=" + (base / "lower").string() +
                                    ",upperdir=" + (base / "layers/upper").string() +
                                    ",workdir=" + (base / "layers/work").string();
        QCOMPARE(::mount("overlay", (base / "merged").c_str(), "overlay", 0, options.c_str()), 0);
        fsys::create_directories(base / "merged/etc");
        std::ofstream(base / "merged/etc/hostname") << "x\n";
        QVERIFY(statOf(base / "merged/etc/hostname").st_dev != statOf(base / "merged/etc").st_dev);
        const Status shifted = idmap::shiftTree(base / "merged", idmap::IdShift{{}, model::blockIdMap(kStart)});
        const std::uint32_t owner = statOf(base / "merged/etc/hostname").st_uid;
        QCOMPARE(::umount2((base / "merged").c_str(), MNT_DETACH), 0);
        QCOMPARE(::umount2((base / "layers").c_str(), MNT_DETACH), 0);
        QVERIFY2(shifted, describe(shifted).c_str());
        QCOMPARE(owner, kStart);
    }

    // Its files are owned by the block's IDs on disk: the map cannot move by an edit.
    void aShiftedRootfsKeepsItsMap()
    {
        QVERIFY(m_engine->create({.name = "pinned"}));
        const std::string base = std::to_string(mapOf("pinned").entries.at(0).host);
        std::string text = readText(m_engine->settings().paths.configFile("pinned"));
        const std::string free = std::to_string(kStart + 3 * kBlock);
        for (std::size_t at = text.find(" 0 " + base + " "); at != std::string::npos;
             at = text.find(" 0 " + base + " "))
            text.replace(at + 3, base.size(), free);
        const Status moved = m_engine->setConfig("pinned", text);
        QVERIFY(!moved);
        QCOMPARE(moved.error().code, EINVAL);
        QVERIFY2(moved.error().message.contains("its map cannot change"), describe(moved).c_str());
        QVERIFY(m_engine->destroy("pinned"));
    }

    // Without idmapped mounts a privileged rootfs takes a map only through convert's shift.
    void aMapByAnEditNeedsConvertHere()
    {
        QVERIFY(m_engine->create({.name = "edited", .privileged = true}));
        std::string text = readText(m_engine->settings().paths.configFile("edited"));
        const std::string base = std::to_string(kStart + 3 * kBlock);
        text.replace(text.find("berth.privileged = 1"), 20,
                     "lxc.idmap = u 0 " + base + " 65536\nlxc.idmap = g 0 " + base + " 65536");
        const Status set = m_engine->setConfig("edited", text);
        QVERIFY(!set);
        QCOMPARE(set.error().code, EOPNOTSUPP);
        QVERIFY2(set.error().message.contains("berthctl convert edited --unprivileged"), describe(set).c_str());
        QVERIFY(mapOf("edited").empty());
        QVERIFY(m_engine->destroy("edited"));
    }

    void exportWritesTheIdsInside()
    {
        QVERIFY(m_engine->create({.name = "exported"}));
        const std::uint32_t base = mapOf("exported").entries.at(0).host;
        QVERIFY(base >= kStart);
        QCOMPARE(statOf(m_engine->settings().paths.rootfsDir("exported") / "bin/busybox").st_uid, base);
        UniqueFd archive(::memfd_create("export", MFD_CLOEXEC));
        const Status exported = m_engine->exportContainer("exported", archive.get());
        QVERIFY2(exported, describe(exported).c_str());
        const auto owners = ownersInArchive(archive.get());
        QVERIFY(owners.size() > 10);
        for (const auto& [path, uid] : owners)
            QVERIFY2(uid == 0, (path + " is owned by " + std::to_string(uid)).c_str());
        // Read back: a block of its own, shifted again.
        ::lseek(archive.get(), 0, SEEK_SET);
        const Status imported = m_engine->create(
            {.name = "reimported", .templateName = "tarball", .inputFd = archive.get(), .kind = ContainerKind::System});
        QVERIFY2(imported, describe(imported).c_str());
        const std::uint32_t newBase = mapOf("reimported").entries.at(0).host;
        QVERIFY(newBase != base);
        QCOMPARE(statOf(m_engine->settings().paths.rootfsDir("reimported") / "bin/busybox").st_uid, newBase);
        QVERIFY(m_engine->destroy("reimported"));
        QVERIFY(m_engine->destroy("exported"));
    }

    void clonesAreCopiedIntoTheirBlockAndSnapshotsRefused()
    {
        QVERIFY(m_engine->create({.name = "origin"}));
        const Status copy =
            m_engine->create({.name = "copy", .templateName = "clone", .options = {{"source", "origin"}}});
        QVERIFY2(copy, describe(copy).c_str());
        const std::uint32_t base = mapOf("copy").entries.at(0).host;
        QVERIFY(base != mapOf("origin").entries.at(0).host);
        QCOMPARE(statOf(m_engine->settings().paths.rootfsDir("copy") / "bin/busybox").st_uid, base);
        const Status snap = m_engine->create(
            {.name = "snap", .templateName = "clone", .options = {{"source", "origin"}, {"snapshot", "true"}}});
        QVERIFY(!snap);
        QCOMPARE(snap.error().code, EOPNOTSUPP);
        QVERIFY2(snap.error().message.contains("make a full copy"), describe(snap).c_str());
        QVERIFY(!fsys::exists(m_engine->settings().paths.containerDir("snap")));
        QVERIFY(m_engine->destroy("copy"));
        QVERIFY(m_engine->destroy("origin"));
    }

    void convertShiftsHere()
    {
        QVERIFY(m_engine->create({.name = "was-privileged", .privileged = true}));
        const fsys::path busybox = m_engine->settings().paths.rootfsDir("was-privileged") / "bin/busybox";
        QCOMPARE(statOf(busybox).st_uid, 0u);
        const Status converted = m_engine->convertToUnprivileged("was-privileged");
        QVERIFY2(converted, describe(converted).c_str());
        const std::uint32_t base = mapOf("was-privileged").entries.at(0).host;
        QCOMPARE(keyOf("was-privileged", "berth.rootfs.shifted").value_or(""), std::string("1"));
        QVERIFY(!keyOf("was-privileged", "berth.privileged"));
        QCOMPARE(statOf(busybox).st_uid, base);
        QVERIFY(m_engine->destroy("was-privileged"));
    }

    // On ext4: owners, a setuid file, a setgid directory, a file capability,
    // an ACL, a hard link (shifted once), a symlink and a FIFO; and back.
    void shiftKeepsModesAclsAndCapabilities()
    {
        const fsys::path tree = IntegrationEnvironment::instance().stateRoot() / "tree";
        fsys::create_directories(tree / "sgid");
        std::ofstream(tree / "suid") << "x";
        std::ofstream(tree / "cap") << "x";
        std::ofstream(tree / "acl") << "x";
        std::ofstream(tree / "stranger") << "x";
        check(::chmod((tree / "suid").c_str(), 04755) == 0, "chmod suid");
        check(::chown((tree / "sgid").c_str(), 5, 6) == 0 && ::chmod((tree / "sgid").c_str(), 02775) == 0, "sgid");
        check(::link((tree / "suid").c_str(), (tree / "suid-link").c_str()) == 0, "link");
        check(::symlink("suid", (tree / "symlink").c_str()) == 0 && ::lchown((tree / "symlink").c_str(), 7, 8) == 0,
              "symlink");
        check(::mkfifo((tree / "fifo").c_str(), 0600) == 0 && ::chown((tree / "fifo").c_str(), 3, 3) == 0, "fifo");
        check(::chown((tree / "stranger").c_str(), 70000, 70000) == 0, "stranger");
        const std::string cap = capabilityV2();
        check(::setxattr((tree / "cap").c_str(), "security.capability", cap.data(), cap.size(), 0) == 0, "setcap");
        const std::string acl = aclFor(1000);
        check(::setxattr((tree / "acl").c_str(), "system.posix_acl_access", acl.data(), acl.size(), 0) == 0, "acl");

        const std::uint32_t base = kStart;
        const Status shifted = idmap::shiftTree(tree, {{}, model::blockIdMap(base)});
        QVERIFY2(shifted, describe(shifted).c_str());
        QCOMPARE(statOf(tree).st_uid, base);
        QCOMPARE(statOf(tree / "suid").st_uid, base);
        QCOMPARE(statOf(tree / "suid").st_mode & 07777, 04755u);
        QCOMPARE(statOf(tree / "sgid").st_uid, base + 5);
        QCOMPARE(statOf(tree / "sgid").st_gid, base + 6);
        QCOMPARE(statOf(tree / "sgid").st_mode & 07777, 02775u);
        QCOMPARE(statOf(tree / "symlink").st_uid, base + 7);
        QCOMPARE(statOf(tree / "fifo").st_gid, base + 3);
        QCOMPARE(statOf(tree / "stranger").st_uid, base + idmap::kOverflowId);
        QCOMPARE(capabilityRoot(xattrOf(tree / "cap", "security.capability")), base);
        QCOMPARE(xattrOf(tree / "acl", "system.posix_acl_access"), aclFor(base + 1000));

        const Status back = idmap::shiftTree(tree, {model::blockIdMap(base), {}});
        QVERIFY2(back, describe(back).c_str());
        QCOMPARE(statOf(tree / "suid").st_uid, 0u);
        QCOMPARE(statOf(tree / "suid").st_mode & 07777, 04755u);
        QCOMPARE(statOf(tree / "sgid").st_uid, 5u);
        QCOMPARE(statOf(tree / "symlink").st_gid, 8u);
        QCOMPARE(xattrOf(tree / "cap", "security.capability"), cap);
        QCOMPARE(xattrOf(tree / "acl", "system.posix_acl_access"), acl);
        fsys::remove_all(tree);
    }

    // The shift walks with a bounded number of fds, not one per level.
    void shiftOfADeepTreeNeedsFewFds()
    {
        const fsys::path tree = IntegrationEnvironment::instance().stateRoot() / "deep";
        fsys::create_directories(tree);
        constexpr int kDepth = 200;
        int dir = ::open(tree.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        for (int i = 0; i < kDepth; ++i) {
            check(::mkdirat(dir, "d", 0755) == 0, "mkdir");
            const int next = ::openat(dir, "d", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            ::close(dir);
            dir = next;
        }
        check(::mknodat(dir, "leaf", S_IFREG | 0644, 0) == 0, "leaf");
        ::close(dir);
        struct rlimit old {};
        check(::getrlimit(RLIMIT_NOFILE, &old) == 0, "getrlimit");
        struct rlimit low = old;
        low.rlim_cur = 64;
        check(::setrlimit(RLIMIT_NOFILE, &low) == 0, "setrlimit");
        const Status shifted = idmap::shiftTree(tree, {{}, model::blockIdMap(kStart)});
        ::setrlimit(RLIMIT_NOFILE, &old);
        QVERIFY2(shifted, describe(shifted).c_str());
        fsys::path leaf = tree;
        for (int i = 0; i < kDepth; ++i)
            leaf /= "d";
        QCOMPARE(statOf(leaf / "leaf").st_uid, kStart);
        fsys::remove_all(tree);
    }
};

BERTH_INTEGRATION_MAIN(TestIdShift)

#include "test_id_shift.moc"
