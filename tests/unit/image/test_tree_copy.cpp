// copyTree on ordinary files, directories, symlinks and hard links, with an
// exact comparison of the two trees. Owners, devices and security xattrs are
// in the integration test.
#include "berth/unique_fd.h"
#include "image/tree_copy.h"
#include "tree_compare.h"

#include <QtTest/QtTest>

#include <cerrno>
#include <filesystem>
#include <fstream>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

namespace stdfs = std::filesystem;

namespace {

berth::UniqueFd openDir(const stdfs::path& p)
{
    return berth::UniqueFd(::open(p.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
}

berth::Status copyDir(const stdfs::path& from, const stdfs::path& to)
{
    stdfs::create_directories(to);
    auto src = openDir(from);
    auto dst = openDir(to);
    return berth::image::copyTree(src.get(), dst.get());
}

void setTimes(const stdfs::path& p, time_t atime, long atimeNs, time_t mtime, long mtimeNs)
{
    const struct timespec ts[2] = {{atime, atimeNs}, {mtime, mtimeNs}};
    QCOMPARE(::utimensat(AT_FDCWD, p.c_str(), ts, AT_SYMLINK_NOFOLLOW), 0);
}

} // namespace

class TestTreeCopy : public QObject {
    Q_OBJECT

private slots:
    // The comparison the other tests rely on must see each kind of change.
    void comparisonSeesDifferences()
    {
        QTemporaryDir tmp;
        const stdfs::path a = stdfs::path(tmp.path().toStdString()) / "a";
        stdfs::create_directories(a / "d");
        std::ofstream(a / "d/f") << "x";
        const stdfs::path b = stdfs::path(tmp.path().toStdString()) / "b";
        QVERIFY(copyDir(a, b));
        QVERIFY(berth::test::compareTrees(a, b).empty());
        ::chmod((b / "d/f").c_str(), 0600);
        setTimes(b / "d", 1, 0, 2, 3);
        std::ofstream(b / "extra");
        const auto diffs = berth::test::joined(berth::test::compareTrees(a, b));
        QVERIFY2(diffs.find("d/f: mode") != std::string::npos, diffs.c_str());
        QVERIFY2(diffs.find("d: mtime") != std::string::npos, diffs.c_str());
        QVERIFY2(diffs.find("extra: only in the copy") != std::string::npos, diffs.c_str());
    }

    void copiesTreeExactly()
    {
        QTemporaryDir tmp;
        const stdfs::path src = stdfs::path(tmp.path().toStdString()) / "src";
        stdfs::create_directories(src / "etc/conf.d");
        stdfs::create_directories(src / "empty");
        stdfs::create_directories(src / "locked/inside");
        std::ofstream(src / "etc/hostname") << "box\n";
        std::ofstream(src / "etc/conf.d/big") << std::string(3 << 20, 'q') << "end";
        std::ofstream(src / "empty-file");
        std::ofstream(src / "locked/inside/f") << "secret";
        stdfs::create_symlink("/etc/hostname", src / "abs-link");
        stdfs::create_symlink("../nowhere", src / "etc/dangling");
        stdfs::create_directory_symlink("etc", src / "dir-link");
        ::chmod((src / "etc/hostname").c_str(), 0640);
        ::chmod((src / "empty-file").c_str(), 0);
        ::chmod((src / "locked/inside").c_str(), 0500);
        ::chmod((src / "locked").c_str(), 0555);
        ::chmod(src.c_str(), 0751);
        setTimes(src / "etc/hostname", 1000, 5, 2000, 123456789);
        setTimes(src / "abs-link", 10, 0, 20, 30);
        setTimes(src / "locked/inside", 10, 0, 1234, 0);
        setTimes(src / "etc", 10, 0, 4321, 999);
        setTimes(src, 10, 0, 777, 1);
        const stdfs::path dst = stdfs::path(tmp.path().toStdString()) / "dst";
        auto ok = copyDir(src, dst);
        QVERIFY2(ok, ok ? "" : ok.error().describe().c_str());
        const auto diffs = berth::test::compareTrees(src, dst);
        QVERIFY2(diffs.empty(), berth::test::joined(diffs).c_str());
        ::chmod((src / "locked").c_str(), 0755);
        ::chmod((dst / "locked").c_str(), 0755);
    }

    void keepsAtime()
    {
        QTemporaryDir tmp;
        const stdfs::path src = stdfs::path(tmp.path().toStdString()) / "src";
        stdfs::create_directories(src);
        std::ofstream(src / "f") << "x";
        setTimes(src / "f", 1111, 22, 3333, 44);
        const stdfs::path dst = stdfs::path(tmp.path().toStdString()) / "dst";
        QVERIFY(copyDir(src, dst));
        struct stat st {};
        QCOMPARE(::lstat((dst / "f").c_str(), &st), 0);
        QCOMPARE(st.st_atim.tv_sec, time_t(1111));
        QCOMPARE(st.st_atim.tv_nsec, 22L);
    }

    void hardLinksStayLinked()
    {
        QTemporaryDir tmp;
        const stdfs::path src = stdfs::path(tmp.path().toStdString()) / "src";
        stdfs::create_directories(src / "a/b");
        stdfs::create_directories(src / "c");
        std::ofstream(src / "a/b/one") << "shared";
        stdfs::create_hard_link(src / "a/b/one", src / "c/two");
        stdfs::create_hard_link(src / "a/b/one", src / "three");
        stdfs::create_symlink("target", src / "sym");
        stdfs::create_hard_link(src / "sym", src / "a/sym-link");
        const stdfs::path dst = stdfs::path(tmp.path().toStdString()) / "dst";
        auto ok = copyDir(src, dst);
        QVERIFY2(ok, ok ? "" : ok.error().describe().c_str());
        const auto diffs = berth::test::compareTrees(src, dst);
        QVERIFY2(diffs.empty(), berth::test::joined(diffs).c_str());
        struct stat one {
        }, two{}, three{}, sym{}, symLink{};
        QCOMPARE(::lstat((dst / "a/b/one").c_str(), &one), 0);
        QCOMPARE(::lstat((dst / "c/two").c_str(), &two), 0);
        QCOMPARE(::lstat((dst / "three").c_str(), &three), 0);
        QCOMPARE(::lstat((dst / "sym").c_str(), &sym), 0);
        QCOMPARE(::lstat((dst / "a/sym-link").c_str(), &symLink), 0);
        QCOMPARE(one.st_nlink, nlink_t(3));
        QCOMPARE(two.st_ino, one.st_ino);
        QCOMPARE(three.st_ino, one.st_ino);
        QCOMPARE(symLink.st_ino, sym.st_ino);
        QVERIFY(S_ISLNK(sym.st_mode));
    }

    void symlinksNotFollowed()
    {
        QTemporaryDir tmp;
        const stdfs::path top = tmp.path().toStdString();
        stdfs::create_directories(top / "outside/secret-dir");
        std::ofstream(top / "outside/secret-dir/file") << "no";
        stdfs::create_directories(top / "src");
        stdfs::create_directory_symlink(top / "outside", top / "src/out");
        // A symlink in the destination must not be written through either.
        stdfs::create_directories(top / "dst");
        auto ok = copyDir(top / "src", top / "dst");
        QVERIFY2(ok, ok ? "" : ok.error().describe().c_str());
        QVERIFY(stdfs::is_symlink(top / "dst/out"));
        QCOMPARE(stdfs::read_symlink(top / "dst/out"), top / "outside");
        QVERIFY(!stdfs::exists(top / "dst/secret-dir"));
    }

    void userXattrsCopied()
    {
        QTemporaryDir tmp;
        const stdfs::path src = stdfs::path(tmp.path().toStdString()) / "src";
        stdfs::create_directories(src / "d");
        std::ofstream(src / "f") << "x";
        // ext4 and tmpfs (Linux 6.6+) keep user xattrs: a filesystem that
        // does not cannot show the copy keeps them, so that is a failure.
        QVERIFY2(::setxattr((src / "f").c_str(), "user.berth.test", "value", 5, 0) == 0,
                 "the temporary directory's filesystem refuses user xattrs");
        QCOMPARE(::setxattr((src / "d").c_str(), "user.berth.dir", "", 0, 0), 0);
        const stdfs::path dst = stdfs::path(tmp.path().toStdString()) / "dst";
        QVERIFY(copyDir(src, dst));
        const auto attrs = berth::test::xattrsOf(dst / "f");
        QCOMPARE(attrs.count("user.berth.test"), size_t(1));
        QCOMPARE(attrs.at("user.berth.test"), std::string("value"));
        QCOMPARE(berth::test::xattrsOf(dst / "d").count("user.berth.dir"), size_t(1));
    }

    void existingNameInDestinationFails()
    {
        QTemporaryDir tmp;
        const stdfs::path top = tmp.path().toStdString();
        stdfs::create_directories(top / "src");
        std::ofstream(top / "src/f") << "new";
        stdfs::create_directories(top / "dst");
        std::ofstream(top / "dst/f") << "old";
        auto ok = copyDir(top / "src", top / "dst");
        QVERIFY(!ok);
        QCOMPARE(ok.error().code, EEXIST);
        QVERIFY(ok.error().message.find("'f'") != std::string::npos);
        QCOMPARE(berth::test::readWhole(top / "dst/f"), std::string("old"));
    }

    // Deeper than the fd limit: the walk must close as it goes.
    void deepTreeWithFewFds()
    {
        QTemporaryDir tmp;
        const stdfs::path src = stdfs::path(tmp.path().toStdString()) / "src";
        stdfs::create_directories(src);
        {
            berth::UniqueFd cur(::open(src.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
            for (int i = 0; i < 300; ++i) {
                QCOMPARE(::mkdirat(cur.get(), "d", 0755), 0);
                cur.reset(::openat(cur.get(), "d", O_PATH | O_DIRECTORY | O_CLOEXEC));
                QVERIFY(cur.valid());
            }
            berth::UniqueFd f(::openat(cur.get(), "leaf", O_WRONLY | O_CREAT | O_CLOEXEC, 0644));
            QVERIFY(f.valid());
        }
        const stdfs::path dst = stdfs::path(tmp.path().toStdString()) / "dst";
        stdfs::create_directories(dst);
        auto srcFd = openDir(src);
        auto dstFd = openDir(dst);
        struct rlimit old {};
        QCOMPARE(::getrlimit(RLIMIT_NOFILE, &old), 0);
        const struct rlimit low = {64, old.rlim_max};
        QCOMPARE(::setrlimit(RLIMIT_NOFILE, &low), 0);
        auto ok = berth::image::copyTree(srcFd.get(), dstFd.get());
        ::setrlimit(RLIMIT_NOFILE, &old);
        QVERIFY2(ok, ok ? "" : ok.error().describe().c_str());
        berth::UniqueFd cur(::open(dst.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
        for (int i = 0; i < 300 && cur; ++i)
            cur.reset(::openat(cur.get(), "d", O_PATH | O_DIRECTORY | O_CLOEXEC));
        QVERIFY(cur.valid());
        QCOMPARE(::faccessat(cur.get(), "leaf", F_OK, AT_SYMLINK_NOFOLLOW), 0);
    }
};

QTEST_GUILESS_MAIN(TestTreeCopy)
#include "test_tree_copy.moc"
