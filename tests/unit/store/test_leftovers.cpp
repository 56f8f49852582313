// sweepLeftovers on what a destroy killed half-way leaves (issue #20 item
// 4): the directory moved aside is removed, and with it the run directory
// and log of a name no container holds again, in a temporary state root.
#include "berth/paths.h"
#include "store/container_lock.h"
#include "store/container_store.h"
#include "store/leftovers.h"

#include <QtTest/QtTest>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>

namespace stdfs = std::filesystem;
using berth::ContainerLock;
using berth::ContainerStore;
using berth::Paths;
using berth::Status;

namespace {

Status writeMinimal(const stdfs::path& staging)
{
    std::ofstream(staging / "config") << "lxc.uts.name = c1\n";
    stdfs::create_directories(staging / "rootfs/etc");
    std::ofstream(staging / "rootfs/etc/hostname") << "c1\n";
    return {};
}

bool contains(const std::vector<std::string>& paths, const stdfs::path& path)
{
    return std::ranges::find(paths, path.string()) != paths.end();
}

} // namespace

class TestLeftovers : public QObject {
    Q_OBJECT

private:
    std::optional<QTemporaryDir> m_tmp;
    std::optional<Paths> m_paths;

    // A stopped container with a run directory (its state) and a log.
    void makeContainer(const std::string& name)
    {
        QVERIFY(ContainerStore(*m_paths).create(name, writeMinimal));
        stdfs::create_directories(m_paths->containerRunDir(name));
        std::ofstream(m_paths->containerRunDir(name) / "state") << "{}";
        stdfs::create_directories(m_paths->logFile(name).parent_path());
        std::ofstream(m_paths->logFile(name)) << "log\n";
    }

    // What a destroy killed right after its first step leaves.
    stdfs::path moveAside(const std::string& name)
    {
        const stdfs::path aside = m_paths->containersDir() / berth::destroyingEntry(name);
        stdfs::rename(m_paths->containerDir(name), aside);
        return aside;
    }

private slots:
    void init()
    {
        m_tmp.emplace();
        QVERIFY(m_tmp->isValid());
        m_paths.emplace(m_tmp->path().toStdString());
    }

    void removeLeavesNoEntry()
    {
        makeContainer("c1");
        QVERIFY(ContainerStore(*m_paths).remove("c1"));
        QVERIFY(stdfs::is_empty(m_paths->containersDir()));
        QVERIFY(!stdfs::exists(m_paths->containerRunDir("c1")));
        QVERIFY(!stdfs::exists(m_paths->logFile("c1")));
    }

    void interruptedDestroyIsFinished()
    {
        makeContainer("c1");
        const stdfs::path aside = moveAside("c1");
        ContainerStore store(*m_paths);
        QCOMPARE(store.list().value(), std::vector<std::string>{}); // the name is free at once
        const auto removed = berth::sweepLeftovers(*m_paths);
        QVERIFY(contains(removed, aside));
        QVERIFY(contains(removed, m_paths->containerRunDir("c1")));
        QVERIFY(contains(removed, m_paths->logFile("c1")));
        QVERIFY(stdfs::is_empty(m_paths->containersDir()));
        QVERIFY(!stdfs::exists(m_paths->containerRunDir("c1")));
        QVERIFY(!stdfs::exists(m_paths->logFile("c1")));
        QVERIFY(store.create("c1", writeMinimal));
    }

    // Created again before the sweep: the new container keeps its own.
    void newContainerOfTheNameIsKept()
    {
        makeContainer("c1");
        const stdfs::path aside = moveAside("c1");
        makeContainer("c1");
        const auto removed = berth::sweepLeftovers(*m_paths);
        QCOMPARE(removed, std::vector<std::string>{aside.string()});
        QVERIFY(stdfs::exists(m_paths->containerDir("c1") / "config"));
        QVERIFY(stdfs::exists(m_paths->containerRunDir("c1") / "state"));
        QVERIFY(stdfs::exists(m_paths->logFile("c1")));
    }

    // Someone works on the name: its run directory is theirs.
    void heldLockKeepsTheRunDirectory()
    {
        makeContainer("c1");
        const stdfs::path aside = moveAside("c1");
        auto held = ContainerLock::acquire(*m_paths, "c1");
        QVERIFY(held);
        const auto removed = berth::sweepLeftovers(*m_paths);
        QCOMPARE(removed, std::vector<std::string>{aside.string()});
        QVERIFY(stdfs::exists(m_paths->containerRunDir("c1") / "state"));
    }

    // A symlink of that shape is removed as a link, never followed.
    void symlinkIsNotFollowed()
    {
        stdfs::create_directories(m_paths->containersDir());
        const stdfs::path outside = stdfs::path(m_tmp->path().toStdString()) / "outside";
        stdfs::create_directories(outside);
        std::ofstream(outside / "keep") << "x";
        stdfs::create_directory_symlink(outside, m_paths->containersDir() / ".destroying-c1-abc");
        (void)berth::sweepLeftovers(*m_paths);
        QVERIFY(stdfs::exists(outside / "keep"));
    }
};

QTEST_GUILESS_MAIN(TestLeftovers)
#include "test_leftovers.moc"
