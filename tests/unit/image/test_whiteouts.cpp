// OCI whiteouts against a directory tree: plain, opaque, and whiteouts that
// try to reach outside the root through symlinks.
#include "berth/unique_fd.h"
#include "image/whiteouts.h"

#include <QtTest/QtTest>

#include <cerrno>
#include <filesystem>
#include <fstream>

#include <fcntl.h>

namespace stdfs = std::filesystem;

namespace {

struct Tree {
    QTemporaryDir tmp;
    stdfs::path top = tmp.path().toStdString();
    stdfs::path root = top / "root";
    stdfs::path outside = top / "outside";
    berth::UniqueFd rootFd;

    Tree()
    {
        stdfs::create_directories(root / "etc/conf.d");
        stdfs::create_directories(root / "var/lib/pkg/deep/er");
        stdfs::create_directories(outside / "victim-dir");
        std::ofstream(root / "etc/passwd") << "root:x:0:0";
        std::ofstream(root / "etc/conf.d/a") << "a";
        std::ofstream(root / "var/lib/pkg/deep/er/file") << "x";
        std::ofstream(outside / "victim") << "keep";
        std::ofstream(outside / "victim-dir/inner") << "keep";
        rootFd.reset(::open(root.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    }

    berth::Status apply(const char* entry, bool* consumed) const
    {
        return berth::image::applyLayerEntryWhiteout(rootFd.get(), entry, consumed);
    }
};

} // namespace

class TestWhiteouts : public QObject {
    Q_OBJECT

private slots:
    void isWhiteout_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("expected");
        QTest::newRow("plain") << "etc/.wh.passwd" << true;
        QTest::newRow("top") << ".wh.etc" << true;
        QTest::newRow("opaque") << "usr/.wh..wh..opq" << true;
        QTest::newRow("trailing slash") << "usr/.wh.dir/" << true;
        QTest::newRow("ordinary") << "etc/passwd" << false;
        QTest::newRow("in a dir named .wh.") << ".wh.x/file" << false;
        QTest::newRow("suffix") << "etc/a.wh.b" << false;
        QTest::newRow("empty") << "" << false;
    }
    void isWhiteout()
    {
        QFETCH(QString, path);
        QFETCH(bool, expected);
        QCOMPARE(berth::image::isWhiteout(path.toStdString()), expected);
    }

    void removesFile()
    {
        Tree t;
        bool consumed = false;
        auto ok = t.apply("etc/.wh.passwd", &consumed);
        QVERIFY2(ok, ok ? "" : ok.error().describe().c_str());
        QVERIFY(consumed);
        QVERIFY(!stdfs::exists(t.root / "etc/passwd"));
        QVERIFY(stdfs::exists(t.root / "etc/conf.d/a"));
    }

    void removesDirectoryTree()
    {
        Tree t;
        bool consumed = false;
        auto ok = t.apply("./var/lib/.wh.pkg", &consumed);
        QVERIFY2(ok, ok ? "" : ok.error().describe().c_str());
        QVERIFY(consumed);
        QVERIFY(!stdfs::exists(t.root / "var/lib/pkg"));
        QVERIFY(stdfs::exists(t.root / "var/lib"));
    }

    void opaqueEmptiesDirectory()
    {
        Tree t;
        bool consumed = false;
        auto ok = t.apply("etc/.wh..wh..opq", &consumed);
        QVERIFY2(ok, ok ? "" : ok.error().describe().c_str());
        QVERIFY(consumed);
        QVERIFY(stdfs::is_directory(t.root / "etc"));
        QVERIFY(stdfs::is_empty(t.root / "etc"));
        QVERIFY(stdfs::exists(t.root / "var/lib/pkg/deep/er/file"));
    }

    void ordinaryEntryNotConsumed()
    {
        Tree t;
        bool consumed = true;
        QVERIFY(t.apply("etc/passwd", &consumed));
        QVERIFY(!consumed);
        QVERIFY(stdfs::exists(t.root / "etc/passwd"));
    }

    void missingTargetIsConsumed()
    {
        Tree t;
        bool consumed = false;
        QVERIFY(t.apply("etc/.wh.nothing", &consumed));
        QVERIFY(consumed);
        consumed = false;
        QVERIFY(t.apply("no/such/dir/.wh.x", &consumed));
        QVERIFY(consumed);
    }

    void symlinkItselfIsRemovedNotFollowed()
    {
        Tree t;
        stdfs::create_directory_symlink(t.outside, t.root / "etc/link");
        bool consumed = false;
        QVERIFY(t.apply("etc/.wh.link", &consumed));
        QVERIFY(consumed);
        QVERIFY(!stdfs::exists(stdfs::symlink_status(t.root / "etc/link")));
        QVERIFY(stdfs::exists(t.outside / "victim"));
        QVERIFY(stdfs::exists(t.outside / "victim-dir/inner"));
    }

    // A whiteout whose directory is a symlink to outside the root must not
    // touch anything outside: the symlink resolves inside the root.
    void throughSymlinkStaysInRoot_data()
    {
        QTest::addColumn<QString>("target"); // "OUT" = the outside dir's absolute path
        QTest::addColumn<QString>("entry");
        QTest::newRow("absolute, file") << "OUT"
                                        << "escape/.wh.victim";
        QTest::newRow("absolute, dir") << "OUT"
                                       << "escape/.wh.victim-dir";
        QTest::newRow("absolute, opaque") << "OUT"
                                          << "escape/.wh..wh..opq";
        QTest::newRow("relative, file") << "../outside"
                                        << "escape/.wh.victim";
        QTest::newRow("relative, opaque") << "../../outside"
                                          << "escape/.wh..wh..opq";
        QTest::newRow("dotdot in entry") << "OUT"
                                         << "../outside/.wh.victim";
        QTest::newRow("dotdot opaque") << "OUT"
                                       << "../outside/.wh..wh..opq";
    }
    void throughSymlinkStaysInRoot()
    {
        QFETCH(QString, target);
        QFETCH(QString, entry);
        Tree t;
        const stdfs::path to = target == "OUT" ? t.outside : stdfs::path(target.toStdString());
        stdfs::create_directory_symlink(to, t.root / "escape");
        bool consumed = false;
        auto ok = t.apply(entry.toStdString().c_str(), &consumed);
        QVERIFY2(ok, ok ? "" : ok.error().describe().c_str());
        QVERIFY(stdfs::exists(t.outside / "victim"));
        QVERIFY(stdfs::exists(t.outside / "victim-dir/inner"));
    }

    void invalidNamesRefused_data()
    {
        QTest::addColumn<QString>("entry");
        QTest::newRow("empty name") << "etc/.wh.";
        QTest::newRow("dot") << "etc/.wh..";
        QTest::newRow("dotdot") << "etc/.wh...";
    }
    void invalidNamesRefused()
    {
        QFETCH(QString, entry);
        Tree t;
        bool consumed = true;
        auto ok = t.apply(entry.toStdString().c_str(), &consumed);
        QVERIFY(!ok);
        QCOMPARE(ok.error().code, EINVAL);
        QVERIFY(!consumed);
        QVERIFY(stdfs::exists(t.root / "etc/passwd"));
    }
};

QTEST_GUILESS_MAIN(TestWhiteouts)
#include "test_whiteouts.moc"
