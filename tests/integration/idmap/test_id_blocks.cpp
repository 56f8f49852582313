// Each unprivileged container's config records a block of Berth's range of
// its own, at every create path; blocks come back at destroy; privileged
// containers and convert; configs may only name maps Berth gives.
#include "integration_env.h"

#include "berth/config.h"
#include "berth/model/id_map.h"
#include "idmap/container_maps.h"
#include "idmap/tree_shift.h"
#include "template/busybox_template.h"

#include <QtTest/QtTest>

#include <filesystem>
#include <fstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace berth;
using namespace berth::test;

namespace fsys = std::filesystem;

namespace {

// The test's own range: 4 blocks from here.
constexpr std::uint32_t kStart = 1100000000;
constexpr std::uint32_t kBlock = model::kIdBlockSize;

std::string readText(const fsys::path& file)
{
    std::ifstream in(file);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

EngineSettings settingsWithRange(const fsys::path& dir, std::uint32_t blocks)
{
    fsys::create_directories(dir);
    const std::string line = "_berth:" + std::to_string(kStart) + ":" + std::to_string(blocks * kBlock) + "\n";
    std::ofstream(dir / "subuid") << "someone:100000:65536\n" << line;
    std::ofstream(dir / "subgid") << line;
    EngineSettings settings = IntegrationEnvironment::instance().engineSettings();
    settings.idRangeDir = dir;
    return settings;
}

model::IdMap mapOf(const Engine& engine, const std::string& name)
{
    return idmap::idMapLines(readText(engine.settings().paths.configFile(name)));
}

std::optional<std::string> keyOf(const Engine& engine, const std::string& name, const std::string& key)
{
    auto config = Config::parse(readText(engine.settings().paths.configFile(name)));
    return config ? config->get(key) : std::nullopt;
}

std::string describe(const Status& status)
{
    return status ? "" : status.error().describe();
}

uid_t ownerOf(const fsys::path& path)
{
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0 ? st.st_uid : uid_t(-1);
}

// An unprivileged LXC container: busybox rootfs owned on disk by `base`'s block.
fsys::path makeLxcContainer(const fsys::path& dir, std::uint32_t base)
{
    fsys::remove_all(dir);
    fsys::create_directories(dir);
    if (auto built = templates::buildBusyboxRootfs(dir / "rootfs", {.hostname = "old"}); !built)
        qFatal("busybox rootfs: %s", built.error().describe().c_str());
    if (auto shifted = idmap::shiftTree(dir / "rootfs", {{}, model::blockIdMap(base)}); !shifted)
        qFatal("shift: %s", shifted.error().describe().c_str());
    const std::string b = std::to_string(base);
    std::ofstream(dir / "config") << "lxc.uts.name = old\nlxc.rootfs.path = dir:" << (dir / "rootfs").string()
                                  << "\nlxc.idmap = u 0 " << b << " 65536\nlxc.idmap = g 0 " << b << " 65536\n";
    return dir;
}

} // namespace

class TestIdBlocks : public QObject {
    Q_OBJECT

private:
    Engine m_engine{settingsWithRange(IntegrationEnvironment::instance().stateRoot() / "range", 4)};

    void destroyAll()
    {
        auto names = m_engine.list();
        for (int round = 0; names && !names->empty() && round < 3; ++round, names = m_engine.list())
            for (const std::string& name : *names)
                (void)m_engine.destroy(name, true);
    }

private slots:
    void cleanup() { destroyAll(); }

    void aNewContainerGetsTheLowestBlock()
    {
        const Status created = m_engine.create({.name = "first"});
        QVERIFY2(created, describe(created).c_str());
        QCOMPARE(mapOf(m_engine, "first"), model::blockIdMap(kStart));
        const std::string config = readText(m_engine.settings().paths.configFile("first"));
        QVERIFY2(config.contains("lxc.idmap = u 0 1100000000 65536\n"), config.c_str());
        QVERIFY2(config.contains("lxc.idmap = g 0 1100000000 65536\n"), config.c_str());
        QVERIFY(!keyOf(m_engine, "first", "berth.privileged"));
        // ext4 here takes idmapped mounts: nothing was chowned.
        QVERIFY(!keyOf(m_engine, "first", "berth.rootfs.shifted"));
        struct stat st {};
        QCOMPARE(::stat((m_engine.settings().paths.rootfsDir("first") / "bin").c_str(), &st), 0);
        QCOMPARE(st.st_uid, 0u);
    }

    void twoContainersGetDifferentBlocksAndDestroyFreesOne()
    {
        QVERIFY(m_engine.create({.name = "one"}));
        QVERIFY(m_engine.create({.name = "two"}));
        QCOMPARE(mapOf(m_engine, "one"), model::blockIdMap(kStart));
        QCOMPARE(mapOf(m_engine, "two"), model::blockIdMap(kStart + kBlock));
        QVERIFY(m_engine.destroy("one"));
        QVERIFY(m_engine.create({.name = "three"}));
        QCOMPARE(mapOf(m_engine, "three"), model::blockIdMap(kStart));
    }

    // Two processes creating at once: the block lock makes them take turns.
    void concurrentCreatesGetDifferentBlocks()
    {
        std::vector<pid_t> children;
        for (const char* name : {"racer-a", "racer-b", "racer-c"}) {
            const pid_t pid = ::fork();
            if (pid == 0)
                ::_exit(m_engine.create({.name = name}) ? 0 : 1);
            children.push_back(pid);
        }
        for (pid_t pid : children) {
            int status = 0;
            QCOMPARE(::waitpid(pid, &status, 0), pid);
            QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        }
        std::set<std::uint32_t> bases;
        for (const char* name : {"racer-a", "racer-b", "racer-c"})
            bases.insert(mapOf(m_engine, name).entries.at(0).host);
        QCOMPARE(bases, (std::set<std::uint32_t>{kStart, kStart + kBlock, kStart + 2 * kBlock}));
    }

    void exhaustionIsAClearError()
    {
        for (int i = 0; i < 4; ++i)
            QVERIFY(m_engine.create({.name = "full-" + std::to_string(i)}));
        const Status refused = m_engine.create({.name = "one-too-many"});
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ENOSPC);
        QVERIFY2(refused.error().message.contains("every block"), describe(refused).c_str());
        QVERIFY(!fsys::exists(m_engine.settings().paths.containerDir("one-too-many")));
        // A privileged container needs no block.
        QVERIFY(m_engine.create({.name = "root-one", .privileged = true}));
    }

    void aPrivilegedContainerHasNoMap()
    {
        QVERIFY(m_engine.create({.name = "priv", .privileged = true}));
        QVERIFY(mapOf(m_engine, "priv").empty());
        QCOMPARE(keyOf(m_engine, "priv", "berth.privileged").value_or(""), std::string("1"));
    }

    void clonesGetBlocksOfTheirOwn()
    {
        QVERIFY(m_engine.create({.name = "source"}));
        const Status copy =
            m_engine.create({.name = "copy", .templateName = "clone", .options = {{"source", "source"}}});
        QVERIFY2(copy, describe(copy).c_str());
        const Status snap = m_engine.create(
            {.name = "snap", .templateName = "clone", .options = {{"source", "source"}, {"snapshot", "true"}}});
        QVERIFY2(snap, describe(snap).c_str());
        QCOMPARE(mapOf(m_engine, "source"), model::blockIdMap(kStart));
        QCOMPARE(mapOf(m_engine, "copy"), model::blockIdMap(kStart + kBlock));
        QCOMPARE(mapOf(m_engine, "snap"), model::blockIdMap(kStart + 2 * kBlock));
        // The snapshot's empty upper layer belongs to its root.
        struct stat st {};
        QCOMPARE(::stat((m_engine.settings().paths.containerDir("snap") / "delta").c_str(), &st), 0);
        QCOMPARE(st.st_uid, kStart + 2 * kBlock);
        // A clone of a privileged container is unprivileged unless asked.
        QVERIFY(m_engine.create({.name = "priv", .privileged = true}));
        QVERIFY(m_engine.create({.name = "unpriv-clone", .templateName = "clone", .options = {{"source", "priv"}}}));
        QCOMPARE(mapOf(m_engine, "unpriv-clone"), model::blockIdMap(kStart + 3 * kBlock));
        QVERIFY(!keyOf(m_engine, "unpriv-clone", "berth.privileged"));
        QVERIFY(m_engine.destroy("snap"));
    }

    void withoutTheRangeOnlyPrivilegedContainersAreMade()
    {
        Engine bare(settingsWithRange(IntegrationEnvironment::instance().stateRoot() / "range", 4));
        EngineSettings settings = bare.settings();
        settings.idRangeDir = IntegrationEnvironment::instance().stateRoot() / "no-range";
        fsys::create_directories(settings.idRangeDir);
        Engine engine(settings);
        const Status refused = engine.create({.name = "needs-range"});
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, EOPNOTSUPP);
        QVERIFY2(refused.error().message.contains("subuid") && refused.error().message.contains("_berth") &&
                     refused.error().message.contains("berth-id-range"),
                 describe(refused).c_str());
        QVERIFY(!fsys::exists(engine.settings().paths.containerDir("needs-range")));
        QVERIFY(engine.create({.name = "privileged-anyway", .privileged = true}));
    }

    void convertGivesAPrivilegedContainerABlock()
    {
        QVERIFY(m_engine.create({.name = "taken"}));
        QVERIFY(m_engine.create({.name = "old", .privileged = true}));
        const Status converted = m_engine.convertToUnprivileged("old");
        QVERIFY2(converted, describe(converted).c_str());
        QCOMPARE(mapOf(m_engine, "old"), model::blockIdMap(kStart + kBlock));
        QVERIFY(!keyOf(m_engine, "old", "berth.privileged"));
        QVERIFY(!keyOf(m_engine, "old", "berth.rootfs.shifted"));
        const Status again = m_engine.convertToUnprivileged("old");
        QVERIFY(!again);
        QCOMPARE(again.error().code, EINVAL);
        QVERIFY2(again.error().message.contains("already unprivileged"), describe(again).c_str());
        QCOMPARE(m_engine.convertToUnprivileged("absent").error().code, ENOENT);
    }

    // An LXC container's map that fits Berth's range and is free stays, with
    // its rootfs as it was on disk; one that does not gets a block of its
    // own, and its copy is shifted back to 0-based IDs (idmapped mounts here).
    void anImportKeepsAFittingMap()
    {
        const fsys::path lxc = IntegrationEnvironment::instance().stateRoot() / "lxc";
        const std::uint32_t fitting = kStart + 2 * kBlock;
        UniqueFd fits(::open(makeLxcContainer(lxc / "fits", fitting).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        const Status kept = m_engine.create({.name = "kept", .templateName = "lxc-import", .inputFd = fits.get()});
        QVERIFY2(kept, describe(kept).c_str());
        QCOMPARE(mapOf(m_engine, "kept"), model::blockIdMap(fitting));
        QCOMPARE(keyOf(m_engine, "kept", "berth.rootfs.shifted").value_or(""), std::string("1"));
        QCOMPARE(ownerOf(m_engine.settings().paths.rootfsDir("kept") / "bin/busybox"), fitting);

        // The same block again is taken now; LXC's usual 100000 is outside the range.
        for (const std::uint32_t base : {fitting, 100000u}) {
            const std::string name = "moved-" + std::to_string(base);
            UniqueFd dir(::open(makeLxcContainer(lxc / name, base).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
            const Status moved = m_engine.create({.name = name, .templateName = "lxc-import", .inputFd = dir.get()});
            QVERIFY2(moved, describe(moved).c_str());
            QVERIFY(mapOf(m_engine, name) != model::blockIdMap(base));
            QCOMPARE(mapOf(m_engine, name).entries.at(0).count, kBlock);
            QVERIFY(!keyOf(m_engine, name, "berth.rootfs.shifted"));
            QCOMPARE(ownerOf(m_engine.settings().paths.rootfsDir(name) / "bin/busybox"), 0u);
            // The LXC container itself is untouched.
            QCOMPARE(ownerOf(lxc / name / "rootfs/bin/busybox"), base);
        }
    }

    // A running container keeps its identity: convert and a map change wait for a stop.
    void identityChangesWaitForAStop()
    {
        QVERIFY(m_engine.create({.name = "busy-priv",
                                 .kind = ContainerKind::Application,
                                 .privileged = true,
                                 .command = {"sleep", "100"}}));
        QVERIFY(m_engine.create({.name = "busy", .kind = ContainerKind::Application, .command = {"sleep", "100"}}));
        const Status started = m_engine.start("busy-priv");
        QVERIFY2(started, describe(started).c_str());
        QVERIFY(m_engine.start("busy"));
        const Status converted = m_engine.convertToUnprivileged("busy-priv");
        QVERIFY(!converted);
        QCOMPARE(converted.error().code, EBUSY);
        std::string text = readText(m_engine.settings().paths.configFile("busy"));
        const std::string from = " 0 " + std::to_string(kStart) + " ";
        const std::string to = " 0 " + std::to_string(kStart + 3 * kBlock) + " ";
        for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from))
            text.replace(at, from.size(), to);
        const Status set = m_engine.setConfig("busy", text);
        QVERIFY(!set);
        QCOMPARE(set.error().code, EBUSY);
        // Other keys still change while it runs.
        std::string renamed = readText(m_engine.settings().paths.configFile("busy")) + "berth.note = kept\n";
        QVERIFY(m_engine.setConfig("busy", renamed));
        QVERIFY(m_engine.stop("busy", std::chrono::seconds(5)));
        QVERIFY(m_engine.stop("busy-priv", std::chrono::seconds(5)));
        QVERIFY(m_engine.convertToUnprivileged("busy-priv"));
        const Status later = m_engine.setConfig("busy", text);
        QVERIFY2(later, describe(later).c_str());
        QCOMPARE(mapOf(m_engine, "busy"), model::blockIdMap(kStart + 3 * kBlock));
    }

    void setConfigTakesOnlyMapsBerthGives_data()
    {
        QTest::addColumn<QString>("map");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("outside the range")
            << "u 0 100000 65536\nlxc.idmap = g 0 100000 65536" << EPERM << "outside Berth's range";
        QTest::newRow("another container's block") << "u 0 1100000000 65536\nlxc.idmap = g 0 1100000000 65536" << EPERM
                                                   << "already those of container 'holder'";
        QTest::newRow("a free block") << "u 0 1100196608 65536\nlxc.idmap = g 0 1100196608 65536" << 0 << "";
    }

    void setConfigTakesOnlyMapsBerthGives()
    {
        QFETCH(QString, map);
        QFETCH(int, code);
        QFETCH(QString, message);
        QVERIFY(m_engine.create({.name = "holder"}));
        QVERIFY(m_engine.create({.name = "editor", .privileged = true}));
        std::string text = readText(m_engine.settings().paths.configFile("editor"));
        text.replace(text.find("berth.privileged = 1"), 20, "lxc.idmap = " + map.toStdString());
        const Status set = m_engine.setConfig("editor", text);
        if (code == 0) {
            QVERIFY2(set, describe(set).c_str());
            QCOMPARE(mapOf(m_engine, "editor"), model::blockIdMap(kStart + 3 * kBlock));
            return;
        }
        QVERIFY(!set);
        QCOMPARE(set.error().code, code);
        QVERIFY2(set.error().message.contains(message.toStdString()) && set.error().message.contains("config:"),
                 describe(set).c_str());
        QVERIFY(mapOf(m_engine, "editor").empty());
    }
};

BERTH_INTEGRATION_MAIN(TestIdBlocks)

#include "test_id_blocks.moc"
