// Containers from archives and from other containers, and export: the
// tarball and clone templates end to end.
#include "integration_env.h"
#include "archive_snapshot.h"
#include "lifecycle_fixture.h"

#include "archive_builder.h"

#include <QtTest/QtTest>

#include <filesystem>
#include <fstream>

#include <sys/mman.h>

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
        std::ofstream(m_engine.settings().paths.rootfsDir("orig") / "etc/berth-mark") << "marked\n";
        UniqueFd archive(::memfd_create("export", MFD_CLOEXEC));
        auto exported = m_engine.exportContainer("orig", archive.get());
        QVERIFY2(exported, exported ? "" : exported.error().describe().c_str());
        QVERIFY(::lseek(archive.get(), 0, SEEK_END) > 100000);
        ::lseek(archive.get(), 0, SEEK_SET);

        auto created = m_engine.create({.name = "imported", .templateName = "tarball", .inputFd = archive.get(),
                                        .kind = ContainerKind::Application, .command = {"cat", "/etc/berth-mark"}});
        QVERIFY2(created, created ? "" : created.error().describe().c_str());
        // The same tree: every entry with its type, owner, mode, size, times and xattrs.
        const auto original = archive_test::snapshot(m_engine.settings().paths.rootfsDir("orig"));
        const auto reimported = archive_test::snapshot(m_engine.settings().paths.rootfsDir("imported"));
        for (const auto& [path, what] : original)
            QCOMPARE(QString::fromStdString(path + ": " + (reimported.contains(path) ? reimported.at(path) : "missing")),
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
        case 0: entries.push_back({.path = "../../evil", .data = "x"}); break;
        case 1: entries.push_back({.path = "/tmp/berth-evil", .data = "x"}); break;
        case 2:
            entries.push_back({.type = 'l', .path = "out", .link = "/tmp"});
            entries.push_back({.path = "out/berth-evil", .data = "x"});
            break;
        case 3: entries.push_back({.type = 'c', .path = "etc/null"}); break;
        default: break;
        }
        UniqueFd archive = which == 4 ? UniqueFd(::memfd_create("junk", MFD_CLOEXEC)) : archive_test::buildArchive(entries);
        if (which == 4) {
            const std::string junk(4096, '\x7f');
            QCOMPARE(::write(archive.get(), junk.data(), junk.size()), ssize_t(junk.size()));
            ::lseek(archive.get(), 0, SEEK_SET);
        }
        const auto before = treeOf(m_engine.settings().paths.root());
        auto created = m_engine.create({.name = "hostile", .templateName = "tarball", .inputFd = archive.get(),
                                        .kind = ContainerKind::System});
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
        auto cloned = m_engine.create({.name = "snap", .templateName = "clone", .options = {{"source", "lower"}, {"snapshot", "true"}}});
        QVERIFY2(cloned, cloned ? "" : cloned.error().describe().c_str());
        // Instant: nothing of the rootfs was copied.
        QVERIFY(std::filesystem::is_empty(paths.rootfsDir("snap")));
        QVERIFY(readText(paths.configFile("snap")).find("lxc.rootfs.path = overlay:") != std::string::npos);

        auto started = m_engine.start("snap");
        QVERIFY2(started, started ? "" : started.error().describe().c_str());
        QCOMPARE(execCaptured(m_engine, "snap", {"cat", "/root/note"}).output, std::string("lower\n"));
        QCOMPARE(execCaptured(m_engine, "snap", {"sh", "-c", "echo snap > /root/note; echo new > /root/added"}).exit.code, 0);
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
