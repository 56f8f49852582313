// removeTree without mounts (those are in the integration test): symlinks
// are not followed, read-only parts go, deep trees work.
#include "berth/unique_fd.h"
#include "fs/remove_tree.h"

#include <QtTest/QtTest>

#include <cerrno>
#include <filesystem>
#include <fstream>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace stdfs = std::filesystem;

class TestRemoveTree : public QObject {
    Q_OBJECT

private slots:
    void symlinksNotFollowed()
    {
        QTemporaryDir tmp;
        const stdfs::path top = tmp.path().toStdString();
        stdfs::create_directories(top / "outside/dir");
        std::ofstream(top / "outside/file") << "keep";
        std::ofstream(top / "outside/dir/inner") << "keep";
        stdfs::create_directories(top / "tree/a/b");
        stdfs::create_symlink(top / "outside", top / "tree/a/to-dir");
        stdfs::create_symlink(top / "outside/file", top / "tree/a/b/to-file");
        stdfs::create_symlink("../../../outside", top / "tree/a/b/relative");
        auto ok = berth::fs::removeTree(top / "tree");
        QVERIFY2(ok, ok ? "" : ok.error().describe().c_str());
        QVERIFY(!stdfs::exists(top / "tree"));
        QVERIFY(stdfs::exists(top / "outside/file"));
        QVERIFY(stdfs::exists(top / "outside/dir/inner"));
    }

    void topSymlinkIsUnlinkedNotFollowed()
    {
        QTemporaryDir tmp;
        const stdfs::path top = tmp.path().toStdString();
        stdfs::create_directories(top / "target/sub");
        stdfs::create_directory_symlink(top / "target", top / "link");
        QVERIFY(berth::fs::removeTree(top / "link"));
        QVERIFY(!stdfs::exists(stdfs::symlink_status(top / "link")));
        QVERIFY(stdfs::exists(top / "target/sub"));
    }

    void readOnlyPartsAreRemoved()
    {
        QTemporaryDir tmp;
        const stdfs::path top = tmp.path().toStdString();
        stdfs::create_directories(top / "tree/ro/locked");
        std::ofstream(top / "tree/ro/file") << "x";
        std::ofstream(top / "tree/ro/locked/file") << "x";
        ::chmod((top / "tree/ro/file").c_str(), 0400);
        ::chmod((top / "tree/ro/locked").c_str(), 0);
        ::chmod((top / "tree/ro").c_str(), 0500);
        auto ok = berth::fs::removeTree(top / "tree");
        QVERIFY2(ok, ok ? "" : ok.error().describe().c_str());
        QVERIFY(!stdfs::exists(top / "tree"));
    }

    // Deeper than the open-file limit the removal runs under: it must not
    // hold one descriptor per level.
    void deepTree()
    {
        QTemporaryDir tmp;
        const stdfs::path top = tmp.path().toStdString();
        QVERIFY(::mkdir((top / "tree").c_str(), 0755) == 0);
        berth::UniqueFd fd(::open((top / "tree").c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
        constexpr int kDepth = 1000;
        for (int i = 0; i < kDepth; ++i) {
            QVERIFY(::mkdirat(fd.get(), "d", 0755) == 0);
            ::close(::openat(fd.get(), "f", O_CREAT | O_WRONLY | O_CLOEXEC, 0644));
            fd.reset(::openat(fd.get(), "d", O_PATH | O_DIRECTORY | O_CLOEXEC));
            QVERIFY(fd.valid());
        }
        fd.reset();
        rlimit old{};
        ::getrlimit(RLIMIT_NOFILE, &old);
        rlimit low = old;
        low.rlim_cur = 64;
        QCOMPARE(::setrlimit(RLIMIT_NOFILE, &low), 0);
        auto ok = berth::fs::removeTree(top / "tree");
        ::setrlimit(RLIMIT_NOFILE, &old);
        QVERIFY2(ok, ok ? "" : ok.error().describe().c_str());
        QVERIFY(!stdfs::exists(top / "tree"));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("error");
        QTest::newRow("missing") << "missing" << ENOENT;
        QTest::newRow("dot") << "." << EINVAL;
        QTest::newRow("dotdot") << "sub/.." << EINVAL;
    }

    void errors()
    {
        QFETCH(QString, path);
        QFETCH(int, error);
        QTemporaryDir tmp;
        stdfs::create_directories(stdfs::path(tmp.path().toStdString()) / "sub");
        auto ok = berth::fs::removeTree(stdfs::path(tmp.path().toStdString()) / path.toStdString());
        QVERIFY(!ok);
        QCOMPARE(ok.error().code, error);
        QVERIFY(stdfs::exists(stdfs::path(tmp.path().toStdString()) / "sub"));
    }
};

QTEST_GUILESS_MAIN(TestRemoveTree)
#include "test_remove_tree.moc"
