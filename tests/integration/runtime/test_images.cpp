// Containers from archives and from other containers, and export: the
// tarball and clone templates end to end.
#include "integration_env.h"
#include "archive_snapshot.h"
#include "lifecycle_fixture.h"

#include "archive_builder.h"

#include <QtTest/QtTest>

#include "berth/config.h"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <sys/mman.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>

using namespace berth;
using namespace berth::test;
using namespace std::chrono_literals;

namespace fsys = std::filesystem;

namespace {

std::string readText(const fsys::path& file)
{
    std::ifstream in(file);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

Config configOf(const Engine& engine, const std::string& name)
{
    auto config = Config::load(engine.settings().paths.configFile(name), {});
    return config ? *config : Config();
}

struct ArchiveMember {
    std::string path;
    mode_t type = 0;
    std::string data; // of the first member only
};

// The members of an archive in a memfd, in order; the fd is rewound.
std::vector<ArchiveMember> membersOf(int fd)
{
    ::lseek(fd, 0, SEEK_SET);
    std::vector<ArchiveMember> members;
    archive* a = archive_read_new();
    archive_read_support_filter_all(a);
    archive_read_support_format_tar(a);
    if (archive_read_open_fd(a, fd, 65536) == ARCHIVE_OK) {
        archive_entry* entry = nullptr;
        while (archive_read_next_header(a, &entry) == ARCHIVE_OK) {
            ArchiveMember member{archive_entry_pathname(entry), archive_entry_filetype(entry), {}};
            if (members.empty() && member.type == AE_IFREG) {
                member.data.resize(std::size_t(archive_entry_size(entry)));
                archive_read_data(a, member.data.data(), member.data.size());
            }
            members.push_back(std::move(member));
        }
    }
    archive_read_free(a);
    ::lseek(fd, 0, SEEK_SET);
    return members;
}

// Every path under the state root, to show nothing was written elsewhere.
std::set<std::string> treeOf(const fsys::path& root)
{
    std::set<std::string> paths;
    std::error_code ec;
    for (auto it = fsys::recursive_directory_iterator(root, ec); it != fsys::recursive_directory_iterator();
         it.increment(ec))
        paths.insert(it->path().string());
    return paths;
}

} // namespace

class TestImages : public QObject {
    Q_OBJECT

private:
    Engine m_engine = makeEngine();

private slots:
    void exportThenImportGivesTheSameContainer()
    {
        QVERIFY(m_engine.create({.name = "orig", .kind = ContainerKind::System}));
        const fsys::path origRoot = m_engine.settings().paths.rootfsDir("orig");
        std::ofstream(origRoot / "etc/berth-mark") << "marked\n";
        // A user's setuid file with an xattr (the rootfs is stored as seen inside).
        const fsys::path owned = origRoot / "usr/berth-owned";
        std::ofstream(owned) << "owned\n";
        QCOMPARE(::chown(owned.c_str(), 1000, 1000), 0);
        QCOMPARE(::chmod(owned.c_str(), 04750), 0);
        QCOMPARE(::setxattr(owned.c_str(), "user.berth", "kept", 4, 0), 0);
        UniqueFd archive(::memfd_create("export", MFD_CLOEXEC));
        auto exported = m_engine.exportContainer("orig", archive.get());
        QVERIFY2(exported, exported ? "" : exported.error().describe().c_str());
        QVERIFY(::lseek(archive.get(), 0, SEEK_END) > 100000);
        ::lseek(archive.get(), 0, SEEK_SET);

        auto created = m_engine.create({.name = "imported",
                                        .templateName = "tarball",
                                        .inputFd = archive.get(),
                                        .kind = ContainerKind::Application,
                                        .command = {"cat", "/etc/berth-mark"}});
        QVERIFY2(created, created ? "" : created.error().describe().c_str());
        // The same tree: every entry with its type, owner, mode, size, times and xattrs.
        const auto original = archive_test::snapshot(m_engine.settings().paths.rootfsDir("orig"));
        const auto reimported = archive_test::snapshot(m_engine.settings().paths.rootfsDir("imported"));
        for (const auto& [path, what] : original)
            QCOMPARE(
                QString::fromStdString(path + ": " + (reimported.contains(path) ? reimported.at(path) : "missing")),
                QString::fromStdString(path + ": " + what));
        QCOMPARE(reimported.size(), original.size());
        QVERIFY(m_engine.start("imported"));
        auto stopped = m_engine.waitStopped("imported", 30s);
        QVERIFY(stopped && stopped->lastExit && stopped->lastExit->code == 0);
        QVERIFY2(readConsoleLog(m_engine, "imported").find("marked") != std::string::npos,
                 readConsoleLog(m_engine, "imported").c_str());
        QVERIFY(m_engine.destroy("imported"));
        QVERIFY(m_engine.destroy("orig"));
    }

    // Issue #16: an export carries the container's config, and an import
    // gives it back (network, limits, halt signal), with the new
    // container's own rootfs, name and a user namespace of its own.
    void exportThenImportKeepsTheConfig()
    {
        QVERIFY(m_engine.create({.name = "conf", .kind = ContainerKind::System}));
        Config config = configOf(m_engine, "conf");
        QVERIFY(config.set("lxc.signal.halt", "SIGUSR2"));
        QVERIFY(config.set("lxc.cgroup2.memory.max", "67108864"));
        QVERIFY(config.set("lxc.net.0.type", "veth"));
        QVERIFY(config.set("lxc.net.0.link", "berthbr7"));
        QVERIFY(config.set("lxc.net.0.name", "eth0"));
        QVERIFY(config.set("lxc.net.0.ipv4.address", "10.0.7.200/24"));
        auto edited = m_engine.setConfig("conf", config.serialize());
        QVERIFY2(edited, edited ? "" : edited.error().describe().c_str());
        const std::string origMap = configOf(m_engine, "conf").get("lxc.idmap").value_or("");
        QVERIFY(!origMap.empty());
        UniqueFd archive(::memfd_create("export", MFD_CLOEXEC));
        auto exported = m_engine.exportContainer("conf", archive.get());
        QVERIFY2(exported, exported ? "" : exported.error().describe().c_str());
        // The config first, without this host's rootfs path and block of IDs.
        const auto members = membersOf(archive.get());
        QVERIFY(members.size() > 10);
        QCOMPARE(QString::fromStdString(members.front().path), QString("config"));
        QVERIFY(members.front().data.find("lxc.signal.halt = SIGUSR2") != std::string::npos);
        QVERIFY(members.front().data.find("lxc.idmap") == std::string::npos);
        QVERIFY(members.front().data.find("lxc.rootfs.path") == std::string::npos);
        QCOMPARE(QString::fromStdString(members.at(1).path), QString("rootfs/"));
        QVERIFY(QString::fromStdString(members.at(2).path).startsWith("rootfs/"));

        auto created = m_engine.create({.name = "conf-copy", .templateName = "tarball", .inputFd = archive.get()});
        QVERIFY2(created, created ? "" : created.error().describe().c_str());
        const Config copy = configOf(m_engine, "conf-copy");
        QCOMPARE(copy.get("lxc.signal.halt").value_or(""), std::string("SIGUSR2"));
        QCOMPARE(copy.get("lxc.cgroup2.memory.max").value_or(""), std::string("67108864"));
        QCOMPARE(copy.get("lxc.net.0.link").value_or(""), std::string("berthbr7"));
        // The original still holds its static address: the copy takes a lease.
        QVERIFY(!copy.get("lxc.net.0.ipv4.address"));
        QCOMPARE(copy.get("berth.kind").value_or(""), std::string("system"));
        QCOMPARE(copy.get("lxc.uts.name").value_or(""), std::string("conf-copy"));
        QCOMPARE(copy.get("berth.template").value_or(""), std::string("tarball"));
        QCOMPARE(copy.get("lxc.rootfs.path").value_or(""),
                 "dir:" + m_engine.settings().paths.rootfsDir("conf-copy").string());
        const std::string copyMap = copy.get("lxc.idmap").value_or("");
        QVERIFY(!copyMap.empty());
        QVERIFY(copyMap != origMap);
        QVERIFY(m_engine.destroy("conf-copy"));
        QVERIFY(m_engine.destroy("conf"));
        // Imported under its own name once the original is gone, it keeps it.
        ::lseek(archive.get(), 0, SEEK_SET);
        auto again = m_engine.create({.name = "conf", .templateName = "tarball", .inputFd = archive.get()});
        QVERIFY2(again, again ? "" : again.error().describe().c_str());
        QCOMPARE(configOf(m_engine, "conf").get("lxc.net.0.ipv4.address").value_or(""), std::string("10.0.7.200/24"));
        QCOMPARE(configOf(m_engine, "conf").get("lxc.uts.name").value_or(""), std::string("conf"));
        QVERIFY(m_engine.destroy("conf"));
    }

    // Issue #16: Berth mounts a /dev of its own at start, so export leaves
    // device nodes out, and an import leaves out those of dev/ (debootstrap
    // and LXC write them; an older export did): none is made on the host.
    void deviceNodesOfDevAreLeftOut()
    {
        QVERIFY(m_engine.create({.name = "devs", .kind = ContainerKind::System}));
        const fsys::path node = m_engine.settings().paths.rootfsDir("devs") / "dev/berth-null";
        QCOMPARE(::mknod(node.c_str(), S_IFCHR | 0666, makedev(1, 3)), 0);
        UniqueFd exported(::memfd_create("export", MFD_CLOEXEC));
        QVERIFY(m_engine.exportContainer("devs", exported.get()));
        for (const ArchiveMember& member : membersOf(exported.get()))
            QVERIFY2(member.type != AE_IFCHR && member.type != AE_IFBLK, member.path.c_str());
        QVERIFY(m_engine.destroy("devs"));

        using archive_test::Entry;
        UniqueFd plain = archive_test::buildArchive({{.type = 'd', .path = "dev", .perm = 0755},
                                                     {.type = 'c', .path = "dev/null"},
                                                     {.type = 'd', .path = "etc", .perm = 0755},
                                                     {.path = "etc/hostname", .data = "old\n"}});
        auto created = m_engine.create(
            {.name = "devs-copy", .templateName = "tarball", .inputFd = plain.get(), .kind = ContainerKind::System});
        QVERIFY2(created, created ? "" : created.error().describe().c_str());
        const fsys::path rootfs = m_engine.settings().paths.rootfsDir("devs-copy");
        QVERIFY(fsys::is_directory(rootfs / "dev"));
        QVERIFY(!fsys::exists(fsys::symlink_status(rootfs / "dev/null")));
        QCOMPARE(readText(rootfs / "etc/hostname"), std::string("old\n"));
        QVERIFY(m_engine.destroy("devs-copy"));
    }

    // Issue #16: a privileged container's archive makes a privileged
    // container only when the creation asks for one (the administrator's).
    void privilegedArchiveNeedsPrivilege()
    {
        QVERIFY(m_engine.create({.name = "priv", .kind = ContainerKind::System, .privileged = true}));
        UniqueFd archive(::memfd_create("export", MFD_CLOEXEC));
        QVERIFY(m_engine.exportContainer("priv", archive.get()));
        QVERIFY(membersOf(archive.get()).front().data.find("berth.privileged = 1") != std::string::npos);
        const auto before = treeOf(m_engine.settings().paths.root());
        auto refused = m_engine.create({.name = "priv-copy", .templateName = "tarball", .inputFd = archive.get()});
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, EPERM);
        QVERIFY2(refused.error().describe().find("privileged") != std::string::npos,
                 refused.error().describe().c_str());
        for (const std::string& path : treeOf(m_engine.settings().paths.root()))
            if (!before.contains(path))
                QVERIFY2(path.find("/run/berth") != std::string::npos, path.c_str());
        ::lseek(archive.get(), 0, SEEK_SET);
        auto asked = m_engine.create(
            {.name = "priv-copy", .templateName = "tarball", .inputFd = archive.get(), .privileged = true});
        QVERIFY2(asked, asked ? "" : asked.error().describe().c_str());
        QCOMPARE(configOf(m_engine, "priv-copy").get("berth.privileged").value_or(""), std::string("1"));
        QVERIFY(m_engine.destroy("priv-copy"));
        QVERIFY(m_engine.destroy("priv"));
    }

    // A creation's check of the archive's config (the helper's
    // authorization) sees the config as the new container gets it, and its
    // refusal leaves nothing of the archive behind.
    void importedConfigCheckRefusesBeforeExtracting()
    {
        QVERIFY(m_engine.create({.name = "checked", .kind = ContainerKind::System}));
        UniqueFd archive(::memfd_create("export", MFD_CLOEXEC));
        QVERIFY(m_engine.exportContainer("checked", archive.get()));
        ::lseek(archive.get(), 0, SEEK_SET);
        std::string seen;
        CreateRequest request{.name = "checked-copy", .templateName = "tarball", .inputFd = archive.get()};
        request.checkImportedConfig = [&seen](const std::string& text) -> Status {
            seen = text;
            return failWith(EPERM, "refused by the test");
        };
        const auto before = treeOf(m_engine.settings().paths.root());
        auto refused = m_engine.create(request);
        QVERIFY(!refused);
        QVERIFY2(refused.error().code == EPERM, refused.error().describe().c_str());
        QVERIFY2(seen.find("lxc.uts.name = checked-copy") != std::string::npos, seen.c_str());
        QVERIFY2(seen.find("lxc.idmap") == std::string::npos, seen.c_str());
        for (const std::string& path : treeOf(m_engine.settings().paths.root()))
            if (!before.contains(path))
                QVERIFY2(path.find("/run/berth") != std::string::npos, path.c_str());
        QVERIFY(m_engine.destroy("checked"));
    }

    void hostileArchivesCreateNothing_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<int>("code");
        QTest::newRow("dot dot") << 0 << EINVAL;
        QTest::newRow("absolute") << 1 << EINVAL;
        QTest::newRow("through a symlink") << 2 << ELOOP;
        QTest::newRow("device node") << 3 << EPERM;
        QTest::newRow("garbage") << 4 << EINVAL;
    }

    void hostileArchivesCreateNothing()
    {
        QFETCH(int, which);
        QFETCH(int, code);
        using archive_test::Entry;
        std::vector<Entry> entries = {{.type = 'd', .path = "etc", .perm = 0755}};
        switch (which) {
        case 0:
            entries.push_back({.path = "../../evil", .data = "x"});
            break;
        case 1:
            entries.push_back({.path = "/tmp/berth-evil", .data = "x"});
            break;
        case 2:
            entries.push_back({.type = 'l', .path = "out", .link = "/tmp"});
            entries.push_back({.path = "out/berth-evil", .data = "x"});
            break;
        case 3:
            entries.push_back({.type = 'c', .path = "etc/null"});
            break;
        default:
            break;
        }
        UniqueFd archive =
            which == 4 ? UniqueFd(::memfd_create("junk", MFD_CLOEXEC)) : archive_test::buildArchive(entries);
        if (which == 4) {
            const std::string junk(4096, '\x7f');
            QCOMPARE(::write(archive.get(), junk.data(), junk.size()), ssize_t(junk.size()));
            ::lseek(archive.get(), 0, SEEK_SET);
        }
        const auto before = treeOf(m_engine.settings().paths.root());
        auto created = m_engine.create(
            {.name = "hostile", .templateName = "tarball", .inputFd = archive.get(), .kind = ContainerKind::System});
        QVERIFY(!created);
        QCOMPARE(created.error().code, code);
        QVERIFY(!fsys::exists("/tmp/berth-evil"));
        // No container, no staging directory; only the lock's run dir may appear.
        for (const std::string& path : treeOf(m_engine.settings().paths.root()))
            if (!before.contains(path))
                QVERIFY2(path.find("/run/berth") != std::string::npos, path.c_str());
    }

    void cloneBySnapshot()
    {
        QVERIFY(m_engine.create({.name = "lower", .kind = ContainerKind::System}));
        const Paths& paths = m_engine.settings().paths;
        std::ofstream(paths.rootfsDir("lower") / "root/note") << "lower\n";
        auto cloned = m_engine.create(
            {.name = "snap", .templateName = "clone", .options = {{"source", "lower"}, {"snapshot", "true"}}});
        QVERIFY2(cloned, cloned ? "" : cloned.error().describe().c_str());
        // Instant: nothing of the rootfs was copied.
        QVERIFY(std::filesystem::is_empty(paths.rootfsDir("snap")));
        // Issue #21: its export is flat, the merged view of its source and its own layer.
        UniqueFd sink(::memfd_create("sink", MFD_CLOEXEC));
        auto exported = m_engine.exportContainer("snap", sink.get());
        QVERIFY2(exported, exported ? "" : exported.error().describe().c_str());
        const auto members = membersOf(sink.get());
        QVERIFY(std::ranges::any_of(members, [](const ArchiveMember& m) { return m.path == "rootfs/root/note"; }));
        QVERIFY(std::filesystem::is_empty(paths.rootfsDir("snap")));
        QVERIFY(readText(paths.configFile("snap")).find("lxc.rootfs.path = overlay:") != std::string::npos);

        auto started = m_engine.start("snap");
        QVERIFY2(started, started ? "" : started.error().describe().c_str());
        QCOMPARE(execCaptured(m_engine, "snap", {"cat", "/root/note"}).output, std::string("lower\n"));
        QCOMPARE(
            execCaptured(m_engine, "snap", {"sh", "-c", "echo snap > /root/note; echo new > /root/added"}).exit.code,
            0);
        QCOMPARE(execCaptured(m_engine, "snap", {"cat", "/root/note"}).output, std::string("snap\n"));
        // The writes went to the snapshot's own layer; the source is untouched.
        QCOMPARE(readText(paths.rootfsDir("lower") / "root/note"), std::string("lower\n"));
        QVERIFY(!std::filesystem::exists(paths.rootfsDir("lower") / "root/added"));
        QCOMPARE(readText(paths.containerDir("snap") / "delta/root/added"), std::string("new\n"));
        QVERIFY(m_engine.stop("snap", 20s));

        auto refused = m_engine.destroy("lower");
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, EBUSY);
        // A restart sees its own changes again.
        QVERIFY(m_engine.start("snap"));
        QCOMPARE(execCaptured(m_engine, "snap", {"cat", "/root/note"}).output, std::string("snap\n"));
        QVERIFY(m_engine.destroy("snap", true));
        QVERIFY(m_engine.destroy("lower"));
    }

    void cloneByCopy()
    {
        QVERIFY(m_engine.create({.name = "base", .kind = ContainerKind::System, .network = {}}));
        const Paths& paths = m_engine.settings().paths;
        std::ofstream(paths.rootfsDir("base") / "root/note") << "base\n";
        QVERIFY(m_engine.addForward("base", "tcp:7070:70"));

        auto cloned = m_engine.create({.name = "copy", .templateName = "clone", .options = {{"source", "base"}}});
        QVERIFY2(cloned, cloned ? "" : cloned.error().describe().c_str());
        QCOMPARE(readText(paths.rootfsDir("copy") / "root/note"), std::string("base\n"));
        std::ofstream(paths.rootfsDir("copy") / "root/note") << "copy\n";
        QCOMPARE(readText(paths.rootfsDir("base") / "root/note"), std::string("base\n"));
        // Its own name and rootfs; the source's host ports stay with the source.
        const std::string config = readText(paths.configFile("copy"));
        QVERIFY2(config.find("lxc.uts.name = copy") != std::string::npos, config.c_str());
        QVERIFY2(config.find(paths.rootfsDir("copy").string()) != std::string::npos, config.c_str());
        QVERIFY2(config.find("berth.net.forward") == std::string::npos, config.c_str());

        QVERIFY(m_engine.start("copy"));
        QCOMPARE(execCaptured(m_engine, "copy", {"hostname"}).output, std::string("copy\n"));
        QCOMPARE(execCaptured(m_engine, "copy", {"cat", "/root/note"}).output, std::string("copy\n"));
        // A running container is neither cloned nor exported.
        auto busy = m_engine.create({.name = "copy2", .templateName = "clone", .options = {{"source", "copy"}}});
        QVERIFY(!busy);
        QCOMPARE(busy.error().code, EBUSY);
        UniqueFd sink(::memfd_create("sink", MFD_CLOEXEC));
        QCOMPARE(m_engine.exportContainer("copy", sink.get()).error().code, EBUSY);
        QVERIFY(m_engine.stop("copy", 20s));
        QVERIFY(m_engine.destroy("copy"));
        QVERIFY(m_engine.destroy("base"));

        auto missing = m_engine.create({.name = "copy3", .templateName = "clone", .options = {{"source", "nosuch"}}});
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ENOENT);
        auto noSource = m_engine.create({.name = "copy4", .templateName = "clone"});
        QVERIFY(!noSource);
        QCOMPARE(noSource.error().code, EINVAL);
    }
};

BERTH_INTEGRATION_MAIN(TestImages)
#include "test_images.moc"
