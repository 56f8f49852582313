// Overlay rootfs layout: mount options (refusing what the kernel would
// split or unescape), LXC's overlay:LOWER:UPPER value and the many-lower
// overlay:L_TOP:...:L_BOTTOM:UPPER of image containers, directory setup.
#include "image/overlay_layout.h"

#include <QtTest/QtTest>

#include <cerrno>
#include <filesystem>
#include <fstream>

#include <sys/stat.h>

namespace stdfs = std::filesystem;
using berth::image::OverlayLayout;

class TestOverlayLayout : public QObject {
    Q_OBJECT

private slots:
    void options_data()
    {
        QTest::addColumn<QString>("lower");
        QTest::addColumn<QString>("upper");
        QTest::addColumn<QString>("work");
        QTest::addColumn<QString>("expected"); // empty: refused with EINVAL
        QTest::newRow("plain") << "/l"
                               << "/c/upper"
                               << "/c/olwork"
                               << "lowerdir=/l,upperdir=/c/upper,workdir=/c/olwork";
        QTest::newRow("spaces kept") << "/a b"
                                     << "/u"
                                     << "/w"
                                     << "lowerdir=/a b,upperdir=/u,workdir=/w";
        QTest::newRow("colon in lower") << "/a:b"
                                        << "/u"
                                        << "/w"
                                        << "";
        QTest::newRow("comma in upper") << "/a"
                                        << "/u,x"
                                        << "/w"
                                        << "";
        QTest::newRow("backslash in work") << "/a"
                                           << "/u"
                                           << "/w\\x"
                                           << "";
        QTest::newRow("newline") << "/a\nb"
                                 << "/u"
                                 << "/w"
                                 << "";
        QTest::newRow("relative lower") << "a"
                                        << "/u"
                                        << "/w"
                                        << "";
        QTest::newRow("empty work") << "/a"
                                    << "/u"
                                    << ""
                                    << "";
    }
    void options()
    {
        QFETCH(QString, lower);
        QFETCH(QString, upper);
        QFETCH(QString, work);
        QFETCH(QString, expected);
        auto options = berth::image::overlayMountOptions(
            {{lower.toStdString()}, upper.toStdString(), work.toStdString(), "/merged"});
        if (expected.isEmpty()) {
            QVERIFY(!options);
            QCOMPARE(options.error().code, EINVAL);
        } else {
            QVERIFY2(options, options ? "" : options.error().describe().c_str());
            QCOMPARE(QString::fromStdString(*options), expected);
        }
    }

    void parse_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("lower"); // the lowers joined by ':'; empty: refused with EINVAL
        QTest::addColumn<QString>("upper");
        QTest::addColumn<QString>("work");
        QTest::newRow("overlay") << "overlay:/src/rootfs:/c/delta0"
                                 << "/src/rootfs"
                                 << "/c/delta0"
                                 << "/c/olwork";
        QTest::newRow("overlayfs") << "overlayfs:/s:/c/u"
                                   << "/s"
                                   << "/c/u"
                                   << "/c/olwork";
        QTest::newRow("trailing slashes") << "overlay:/s/:/c/u/"
                                          << "/s"
                                          << "/c/u"
                                          << "/c/olwork";
        QTest::newRow("dir type") << "dir:/s"
                                  << ""
                                  << ""
                                  << "";
        QTest::newRow("no upper") << "overlay:/s"
                                  << ""
                                  << ""
                                  << "";
        QTest::newRow("two lowers, topmost first") << "overlay:/a:/b:/c/u"
                                                   << "/a:/b"
                                                   << "/c/u"
                                                   << "/c/olwork";
        QTest::newRow("image layers") << "overlay:/i/layers/3:/i/layers/2/:/i/layers/1:/c/delta"
                                      << "/i/layers/3:/i/layers/2:/i/layers/1"
                                      << "/c/delta"
                                      << "/c/olwork";
        QTest::newRow("empty lower among many") << "overlay:/a::/b:/c/u"
                                                << ""
                                                << ""
                                                << "";
        QTest::newRow("relative lower among many") << "overlay:/a:b:/c/u"
                                                   << ""
                                                   << ""
                                                   << "";
        QTest::newRow("upper also a lower") << "overlay:/a:/c/u:/c/u"
                                            << ""
                                            << ""
                                            << "";
        QTest::newRow("relative") << "overlay:s:/c/u"
                                  << ""
                                  << ""
                                  << "";
        QTest::newRow("same dirs") << "overlay:/c/u:/c/u"
                                   << ""
                                   << ""
                                   << "";
        QTest::newRow("comma") << "overlay:/s,x:/c/u"
                               << ""
                               << ""
                               << "";
        QTest::newRow("empty") << "overlay::"
                               << ""
                               << ""
                               << "";
    }
    void parse()
    {
        QFETCH(QString, value);
        QFETCH(QString, lower);
        QFETCH(QString, upper);
        QFETCH(QString, work);
        auto layout = berth::image::parseOverlayRootfs(value.toStdString(), "/var/lib/berth/containers/c");
        if (lower.isEmpty()) {
            QVERIFY(!layout);
            QCOMPARE(layout.error().code, EINVAL);
            return;
        }
        QVERIFY2(layout, layout ? "" : layout.error().describe().c_str());
        QStringList lowers;
        for (const auto& l : layout->lowers)
            lowers << QString::fromStdString(l.string());
        QCOMPARE(lowers.join(':'), lower);
        const std::vector<stdfs::path> lowerPaths(layout->lowers);
        QCOMPARE(QString::fromStdString(berth::image::formatOverlayRootfs(lowerPaths, layout->upper)),
                 "overlay:" + lower + ":" + upper);
        QCOMPARE(QString::fromStdString(layout->upper.string()), upper);
        QCOMPARE(QString::fromStdString(layout->work.string()), work);
        QCOMPARE(layout->merged, stdfs::path("/var/lib/berth/containers/c/rootfs"));
    }

    void prepareCreatesDirs()
    {
        QTemporaryDir tmp;
        const stdfs::path top = tmp.path().toStdString();
        stdfs::create_directory(top / "lower");
        const OverlayLayout layout{{top / "lower"}, top / "c/upper", top / "c/olwork", top / "c/rootfs"};
        stdfs::create_directory(top / "c");
        const mode_t old = ::umask(077);
        auto ok = berth::image::prepareOverlayDirs(layout);
        ::umask(old);
        QVERIFY2(ok, ok ? "" : ok.error().describe().c_str());
        for (const auto& dir : {layout.upper, layout.work, layout.merged}) {
            struct stat st {};
            QCOMPARE(::lstat(dir.c_str(), &st), 0);
            QVERIFY(S_ISDIR(st.st_mode));
            QCOMPARE(st.st_mode & 07777, mode_t(0755));
        }
    }

    void prepareEmptiesWorkKeepsUpper()
    {
        QTemporaryDir tmp;
        const stdfs::path top = tmp.path().toStdString();
        stdfs::create_directories(top / "lower");
        stdfs::create_directories(top / "upper/etc");
        stdfs::create_directories(top / "work/work/stale");
        std::ofstream(top / "upper/etc/kept") << "x";
        std::ofstream(top / "work/leftover") << "x";
        auto ok = berth::image::prepareOverlayDirs({{top / "lower"}, top / "upper", top / "work", top / "merged"});
        QVERIFY2(ok, ok ? "" : ok.error().describe().c_str());
        QVERIFY(stdfs::is_empty(top / "work"));
        QVERIFY(stdfs::exists(top / "upper/etc/kept"));
    }

    void prepareRefusesBadLower()
    {
        QTemporaryDir tmp;
        const stdfs::path top = tmp.path().toStdString();
        std::ofstream(top / "file") << "x";
        auto missing = berth::image::prepareOverlayDirs({{top / "none"}, top / "u", top / "w", top / "m"});
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ENOENT);
        auto notDir = berth::image::prepareOverlayDirs({{top / "file"}, top / "u", top / "w", top / "m"});
        QVERIFY(!notDir);
        QCOMPARE(notDir.error().code, ENOTDIR);
        QVERIFY(!stdfs::exists(top / "u"));
    }

    void prepareRefusesUpperThatIsAFile()
    {
        QTemporaryDir tmp;
        const stdfs::path top = tmp.path().toStdString();
        stdfs::create_directory(top / "lower");
        std::ofstream(top / "upper") << "x";
        auto ok = berth::image::prepareOverlayDirs({{top / "lower"}, top / "upper", top / "w", top / "m"});
        QVERIFY(!ok);
        QCOMPARE(ok.error().code, ENOTDIR);
    }
};

QTEST_GUILESS_MAIN(TestOverlayLayout)
#include "test_overlay_layout.moc"
