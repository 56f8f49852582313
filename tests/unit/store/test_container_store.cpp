// ContainerStore (create, list, remove, config) and ContainerLock in a
// temporary state root.
#include "berth/paths.h"
#include "store/container_lock.h"
#include "store/container_store.h"

#include <QtTest/QtTest>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <optional>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace stdfs = std::filesystem;
using berth::ContainerLock;
using berth::ContainerStore;
using berth::Paths;
using berth::Status;

namespace {

Status writeMinimal(const stdfs::path& staging)
{
    std::ofstream(staging / "config") << "lxc.uts.name = c1\n";
    stdfs::create_directory(staging / "rootfs");
    return {};
}

// Names in the containers directory, hidden ones included.
QStringList entries(const Paths& paths)
{
    QStringList names;
    std::error_code ec;
    for (const auto& e : stdfs::directory_iterator(paths.containersDir(), ec))
        names << QString::fromStdString(e.path().filename().string());
    names.sort();
    return names;
}

} // namespace

class TestContainerStore : public QObject {
    Q_OBJECT

private:
    std::optional<QTemporaryDir> m_tmp;
    std::optional<Paths> m_paths;

private slots:
    void init()
    {
        m_tmp.emplace();
        QVERIFY(m_tmp->isValid());
        m_paths.emplace(m_tmp->path().toStdString());
    }

    void createAndList()
    {
        ContainerStore store(*m_paths);
        QCOMPARE(store.list().value(), std::vector<std::string>{}); // no directory yet
        QVERIFY(!store.exists("c1"));
        auto ok = store.create("c1", writeMinimal);
        QVERIFY2(ok, ok ? "" : ok.error().describe().c_str());
        QVERIFY(store.exists("c1"));
        QVERIFY(stdfs::is_directory(m_paths->rootfsDir("c1")));
        QCOMPARE(store.readConfig("c1").value(), std::string("lxc.uts.name = c1\n"));
        QCOMPARE(entries(*m_paths), QStringList{"c1"}); // no staging or lock file left
        struct stat st {};
        QCOMPARE(::stat(m_paths->containersDir().c_str(), &st), 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0700));
        QVERIFY(store.create("b2", writeMinimal));
        QCOMPARE(store.list().value(), (std::vector<std::string>{"b2", "c1"}));
    }

    void duplicateIsEexist()
    {
        ContainerStore store(*m_paths);
        QVERIFY(store.create("dup", writeMinimal));
        bool populated = false;
        auto again = store.create("dup", [&](const stdfs::path& dir) {
            populated = true;
            return writeMinimal(dir);
        });
        QVERIFY(!again);
        QCOMPARE(again.error().code, EEXIST);
        QVERIFY(again.error().message.find("container 'dup' already exists") != std::string::npos);
        QVERIFY(!populated);
        QCOMPARE(entries(*m_paths), QStringList{"dup"});
    }

    // The container appears between the check and the rename: RENAME_NOREPLACE.
    void raceToTheRenameIsEexist()
    {
        ContainerStore store(*m_paths);
        auto ok = store.create("race", [&](const stdfs::path& dir) {
            stdfs::create_directory(m_paths->containerDir("race"));
            return writeMinimal(dir);
        });
        QVERIFY(!ok);
        QCOMPARE(ok.error().code, EEXIST);
        QCOMPARE(entries(*m_paths), QStringList{"race"});
        QVERIFY(stdfs::is_empty(m_paths->containerDir("race")));
    }

    void populateFailureLeavesNothing_data()
    {
        QTest::addColumn<int>("how"); // 0: returns an error; 1: writes no config; 2: no rootfs
        QTest::addColumn<int>("error");
        QTest::newRow("populate fails") << 0 << EIO;
        QTest::newRow("no config") << 1 << EINVAL;
        QTest::newRow("no rootfs") << 2 << EINVAL;
    }

    void populateFailureLeavesNothing()
    {
        QFETCH(int, how);
        QFETCH(int, error);
        ContainerStore store(*m_paths);
        stdfs::path seen;
        auto ok = store.create("broken", [&](const stdfs::path& dir) -> Status {
            seen = dir;
            stdfs::create_directories(dir / "rootfs/etc");
            std::ofstream(dir / "rootfs/etc/passwd") << "x";
            if (how == 0)
                return berth::failWith(EIO, "template failed");
            if (how == 1)
                return {};
            stdfs::remove_all(dir / "rootfs");
            std::ofstream(dir / "config") << "x";
            return {};
        });
        QVERIFY(!ok);
        QCOMPARE(ok.error().code, error);
        QVERIFY(seen.filename().string().starts_with(".staging-broken-"));
        QVERIFY(!stdfs::exists(seen));
        QVERIFY(!store.exists("broken"));
        QCOMPARE(entries(*m_paths), QStringList{});
    }

    void invalidNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("empty") << "";
        QTest::newRow("dot") << ".";
        QTest::newRow("dotdot") << "..";
        QTest::newRow("slash") << "a/b";
        QTest::newRow("upper") << "Web";
        QTest::newRow("hidden") << ".staging-x";
        QTest::newRow("too long") << QString(64, 'a');
    }

    void invalidNames()
    {
        QFETCH(QString, name);
        ContainerStore store(*m_paths);
        bool populated = false;
        auto ok = store.create(name.toStdString(), [&](const stdfs::path& dir) {
            populated = true;
            return writeMinimal(dir);
        });
        QVERIFY(!ok);
        QCOMPARE(ok.error().code, EINVAL);
        QVERIFY(!populated);
        QVERIFY(!stdfs::exists(m_paths->containersDir()));
        QCOMPARE(store.remove(name.toStdString()).error().code, EINVAL);
        QCOMPARE(store.readConfig(name.toStdString()).error().code, EINVAL);
    }

    void listSkipsStagingAndJunk()
    {
        ContainerStore store(*m_paths);
        QVERIFY(store.create("real", writeMinimal));
        stdfs::create_directory(m_paths->containersDir() / ".staging-other-1234");
        stdfs::create_directory(m_paths->containersDir() / "Not_Valid");
        std::ofstream(m_paths->containersDir() / "plainfile") << "x";
        stdfs::create_directory_symlink(m_paths->containerDir("real"), m_paths->containersDir() / "alias");
        QCOMPARE(store.list().value(), std::vector<std::string>{"real"});
    }

    void concurrentCreateIsBusy()
    {
        ContainerStore store(*m_paths);
        std::optional<Status> inner;
        auto outer = store.create("busy", [&](const stdfs::path& dir) {
            inner = ContainerStore(*m_paths).create("busy", writeMinimal);
            return writeMinimal(dir);
        });
        QVERIFY(outer);
        QVERIFY(inner.has_value());
        QVERIFY(!*inner);
        QCOMPARE(inner->error().code, EBUSY);
        QCOMPARE(entries(*m_paths), QStringList{"busy"});
    }

    void removeEverything()
    {
        ContainerStore store(*m_paths);
        QVERIFY(store.create("gone", writeMinimal));
        stdfs::create_directories(m_paths->containerRunDir("gone"));
        std::ofstream(m_paths->stateFile("gone")) << "stopped";
        stdfs::create_directories(m_paths->logDir());
        std::ofstream(m_paths->logFile("gone")) << "log";
        std::ofstream(m_paths->logFile("gone2")) << "other log";
        auto ok = store.remove("gone");
        QVERIFY2(ok, ok ? "" : ok.error().describe().c_str());
        QVERIFY(!stdfs::exists(m_paths->containerDir("gone")));
        QVERIFY(!stdfs::exists(m_paths->containerRunDir("gone")));
        QVERIFY(!stdfs::exists(m_paths->logFile("gone")));
        QVERIFY(stdfs::exists(m_paths->logFile("gone2")));
        auto again = store.remove("gone");
        QVERIFY(!again);
        QCOMPARE(again.error().code, ENOENT);
    }

    void configRoundTrip()
    {
        ContainerStore store(*m_paths);
        QCOMPARE(store.readConfig("nope").error().code, ENOENT);
        QCOMPARE(store.writeConfig("nope", "x").error().code, ENOENT);
        QVERIFY(store.create("cfg", writeMinimal));
        QVERIFY(store.writeConfig("cfg", "lxc.uts.name = new\n"));
        QCOMPARE(store.readConfig("cfg").value(), std::string("lxc.uts.name = new\n"));
        struct stat st {};
        QCOMPARE(::stat(m_paths->configFile("cfg").c_str(), &st), 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0640));
    }

    void lockIsExclusive()
    {
        auto first = ContainerLock::acquire(*m_paths, "locked");
        QVERIFY2(first, first ? "" : first.error().describe().c_str());
        QVERIFY(first->held());
        struct stat st {};
        QCOMPARE(::stat(m_paths->containerRunDir("locked").c_str(), &st), 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0700));
        auto second = ContainerLock::acquire(*m_paths, "locked");
        QVERIFY(!second);
        QCOMPARE(second.error().code, EBUSY);
        QCOMPARE(second.error().message, std::string("container 'locked' is busy: another operation holds its lock"));
        QVERIFY(ContainerLock::acquire(*m_paths, "other")); // per container
        {
            ContainerLock moved = std::move(*first);
            QVERIFY(moved.held());
            QVERIFY(!ContainerLock::acquire(*m_paths, "locked"));
        } // released here
        QVERIFY(ContainerLock::acquire(*m_paths, "locked"));
        QCOMPARE(ContainerLock::acquire(*m_paths, "Bad/Name").error().code, EINVAL);
    }

    // A child forked while the lock was held keeps a copy of it until it
    // closes its descriptors or exits: a lock its holder released is taken
    // once that moment is over, not refused as busy (issue #20, run --rm).
    void lockHeldByForkedCopyIsTaken()
    {
        auto held = ContainerLock::acquire(*m_paths, "forked");
        QVERIFY(held);
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            ::usleep(50000);
            ::_exit(0);
        }
        held = ContainerLock::acquire(*m_paths, "other"); // ours is released; the child's copy stays
        auto taken = ContainerLock::acquire(*m_paths, "forked");
        int status = 0;
        ::waitpid(child, &status, 0);
        QVERIFY2(taken, taken ? "" : taken.error().describe().c_str());
    }

    // The holder removes the container (and its lock file) meanwhile: the
    // next lock is on a fresh file, not on the unlinked one.
    void lockSurvivesRemoval()
    {
        auto held = ContainerLock::acquire(*m_paths, "removed");
        QVERIFY(held);
        stdfs::remove_all(m_paths->containerRunDir("removed"));
        QVERIFY(ContainerLock::acquire(*m_paths, "removed"));
    }
};

QTEST_GUILESS_MAIN(TestContainerStore)
#include "test_container_store.moc"
