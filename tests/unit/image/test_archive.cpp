// Archive extraction and export without root: round trips through every
// compression, entry name checks, and hostile archives that must be refused
// with nothing written outside the extraction root.
#include "archive_builder.h"
#include "archive_snapshot.h"
#include "berth/unique_fd.h"
#include "image/archive_export.h"
#include "image/archive_extract.h"
#include "image/archive_path.h"

#include <QtTest/QtTest>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <set>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace stdfs = std::filesystem;
using archive_test::Entry;
using berth::image::ExportOptions;
using Compression = berth::image::ExportOptions::Compression;

Q_DECLARE_METATYPE(std::vector<Entry>)
Q_DECLARE_METATYPE(Compression)

namespace {

berth::UniqueFd openDir(const stdfs::path& p)
{
    return berth::UniqueFd(::open(p.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
}

void setTime(const stdfs::path& p, time_t sec)
{
    const timespec times[2] = {{sec, 0}, {sec, 500}};
    ::utimensat(AT_FDCWD, p.c_str(), times, AT_SYMLINK_NOFOLLOW);
}

// Files with odd modes, nested dirs, symlinks (absolute, relative, dangling),
// a hard link pair; times set last, deepest first.
void buildSourceTree(const stdfs::path& src)
{
    stdfs::create_directories(src / "etc/deep/er");
    std::ofstream(src / "etc/passwd") << "root:x:0:0::/root:/bin/sh\n";
    std::ofstream(src / "etc/deep/er/script") << "#!/bin/sh\n";
    std::ofstream(src / "empty");
    ::chmod((src / "etc/deep/er/script").c_str(), 0750);
    ::chmod((src / "etc/passwd").c_str(), 0604);
    stdfs::create_symlink("/etc/passwd", src / "abs-link");
    stdfs::create_symlink("deep/er", src / "etc/rel-link");
    stdfs::create_symlink("nowhere", src / "dangling");
    stdfs::create_hard_link(src / "etc/passwd", src / "etc/passwd-hard");
    ::chmod((src / "etc/deep").c_str(), 0710);
    time_t t = 1'500'000'000;
    for (const char* p : {"etc/passwd", "etc/deep/er/script", "empty", "abs-link", "etc/rel-link", "dangling",
                          "etc/deep/er", "etc/deep", "etc", "."})
        setTime(src / p, t++);
}

// Layout: base/a/b/root is the root, base/outside must stay empty.
struct HostileLayout {
    QTemporaryDir tmp;
    stdfs::path base = tmp.path().toStdString();
    stdfs::path root = base / "a/b/root";
    stdfs::path outside = base / "outside";
    HostileLayout()
    {
        stdfs::create_directories(root);
        stdfs::create_directories(outside);
    }
    [[nodiscard]] bool nothingOutside() const
    {
        auto names = [](const stdfs::path& d) {
            std::set<std::string> out;
            for (const auto& e : stdfs::directory_iterator(d))
                out.insert(e.path().filename().string());
            return out;
        };
        return names(base) == std::set<std::string>{"a", "outside"} &&
               names(base / "a") == std::set<std::string>{"b"} &&
               names(base / "a/b") == std::set<std::string>{"root"} && stdfs::is_empty(outside);
    }
};

} // namespace

class TestArchive : public QObject {
    Q_OBJECT

private slots:
    void normalize_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected"); // "!" = refused
        QTest::newRow("plain") << "etc/passwd"
                               << "etc/passwd";
        QTest::newRow("dot-slash") << "./etc/passwd"
                                   << "etc/passwd";
        QTest::newRow("root") << "./"
                              << "";
        QTest::newRow("dot") << "."
                             << "";
        QTest::newRow("inner dots and slashes") << "a/./b//c/"
                                                << "a/b/c";
        QTest::newRow("dotdot") << "../evil"
                                << "!";
        QTest::newRow("inner dotdot") << "a/../../evil"
                                      << "!";
        QTest::newRow("harmless looking dotdot") << "a/b/../c"
                                                 << "!";
        QTest::newRow("absolute") << "/etc/evil"
                                  << "!";
        QTest::newRow("empty") << ""
                               << "!";
        QTest::newRow("dots in names") << "a/..b/c.."
                                       << "a/..b/c..";
    }
    void normalize()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        auto got = berth::image::normalizeEntryPath(name.toStdString());
        if (expected == "!") {
            QVERIFY(!got);
            QCOMPARE(got.error().code, EINVAL);
            QVERIFY(got.error().message.find(name.toStdString()) != std::string::npos);
        } else {
            QVERIFY2(got, got ? "" : got.error().describe().c_str());
            QCOMPARE(QString::fromStdString(*got), expected);
        }
    }

    void roundTrip_data()
    {
        QTest::addColumn<Compression>("compression");
        QTest::newRow("none") << Compression::None;
        QTest::newRow("gzip") << Compression::Gzip;
        QTest::newRow("zstd") << Compression::Zstd;
        QTest::newRow("xz") << Compression::Xz;
    }
    void roundTrip()
    {
        QFETCH(Compression, compression);
        QTemporaryDir tmp;
        const stdfs::path src = stdfs::path(tmp.path().toStdString()) / "src";
        const stdfs::path dst = stdfs::path(tmp.path().toStdString()) / "dst";
        stdfs::create_directories(src);
        stdfs::create_directories(dst);
        buildSourceTree(src);
        berth::UniqueFd out(::memfd_create("export", MFD_CLOEXEC));
        auto exported = berth::image::exportTree(openDir(src).get(), out.get(), {.compression = compression});
        QVERIFY2(exported, exported ? "" : exported.error().describe().c_str());
        ::lseek(out.get(), 0, SEEK_SET);
        auto extracted = berth::image::extractArchive(out.get(), openDir(dst).get(), {});
        QVERIFY2(extracted, extracted ? "" : extracted.error().describe().c_str());
        const auto expected = archive_test::snapshot(src);
        const auto got = archive_test::snapshot(dst);
        for (const auto& [path, what] : expected)
            QCOMPARE(QString::fromStdString(path + ": " + (got.contains(path) ? got.at(path) : "missing")),
                     QString::fromStdString(path + ": " + what));
        QCOMPARE(got.size(), expected.size());
        QCOMPARE(stdfs::hard_link_count(dst / "etc/passwd"), 2u);
    }

    // The export walks with a bounded number of fds, not one per level.
    void deepTreeExportsWithFewFds()
    {
        QTemporaryDir tmp;
        const stdfs::path src = stdfs::path(tmp.path().toStdString()) / "src";
        const stdfs::path dst = stdfs::path(tmp.path().toStdString()) / "dst";
        stdfs::create_directories(src);
        stdfs::create_directories(dst);
        constexpr int kDepth = 200;
        berth::UniqueFd dir = openDir(src);
        for (int i = 0; i < kDepth; ++i) {
            QCOMPARE(::mkdirat(dir.get(), "d", 0755), 0);
            dir.reset(::openat(dir.get(), "d", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        }
        QVERIFY(bool(berth::UniqueFd(::openat(dir.get(), "leaf", O_WRONLY | O_CREAT | O_CLOEXEC, 0644))));
        dir.reset();
        berth::UniqueFd out(::memfd_create("export", MFD_CLOEXEC));
        berth::UniqueFd root = openDir(src);
        struct rlimit old {};
        QCOMPARE(::getrlimit(RLIMIT_NOFILE, &old), 0);
        struct rlimit low = old;
        low.rlim_cur = 64;
        QCOMPARE(::setrlimit(RLIMIT_NOFILE, &low), 0);
        auto exported = berth::image::exportTree(root.get(), out.get(), {});
        ::setrlimit(RLIMIT_NOFILE, &old);
        QVERIFY2(exported, exported ? "" : exported.error().describe().c_str());
        ::lseek(out.get(), 0, SEEK_SET);
        auto extracted = berth::image::extractArchive(out.get(), openDir(dst).get(), {});
        QVERIFY2(extracted, extracted ? "" : extracted.error().describe().c_str());
        QCOMPARE(archive_test::snapshot(dst).size(), archive_test::snapshot(src).size());
    }

    void hostile_data()
    {
        QTest::addColumn<std::vector<Entry>>("entries");
        QTest::addColumn<int>("code");
        const std::string outside = "@OUTSIDE@";
        QTest::newRow("dotdot") << std::vector<Entry>{{'f', "../evil", "x"}} << EINVAL;
        QTest::newRow("absolute") << std::vector<Entry>{{'f', "/etc/berth-test-evil", "x"}} << EINVAL;
        QTest::newRow("inner dotdot") << std::vector<Entry>{{'d', "a"}, {'f', "a/../../evil", "x"}} << EINVAL;
        QTest::newRow("write through symlink")
            << std::vector<Entry>{{'l', "link", {}, outside}, {'f', "link/file", "x"}} << ELOOP;
        QTest::newRow("dir through symlink")
            << std::vector<Entry>{{'l', "link", {}, outside}, {'d', "link/dir"}} << ELOOP;
        QTest::newRow("symlink dotdot chain")
            << std::vector<Entry>{{'l', "up", {}, ".."}, {'f', "up/up/up/evil", "x"}} << ELOOP;
        QTest::newRow("hard link out") << std::vector<Entry>{{'h', "h", {}, "../../outside"}} << EINVAL;
        QTest::newRow("hard link through symlink")
            << std::vector<Entry>{{'l', "link", {}, outside}, {'h', "h", {}, "link/x"}} << ELOOP;
        QTest::newRow("device") << std::vector<Entry>{{'c', "null"}} << EPERM;
        QTest::newRow("fifo") << std::vector<Entry>{{'p', "fifo"}} << EPERM;
    }
    void hostile()
    {
        QFETCH(std::vector<Entry>, entries);
        QFETCH(int, code);
        HostileLayout layout;
        for (Entry& e : entries)
            if (e.link == "@OUTSIDE@")
                e.link = layout.outside.string();
        std::ofstream(layout.outside / "x") << "secret"; // a hard link target, removed below
        auto fd = archive_test::buildArchive(entries);
        auto ok = berth::image::extractArchive(fd.get(), openDir(layout.root).get(), {});
        QVERIFY(!ok);
        QCOMPARE(ok.error().code, code);
        stdfs::remove(layout.outside / "x");
        QVERIFY(layout.nothingOutside());
        for (const auto& e : stdfs::recursive_directory_iterator(layout.base))
            QVERIFY2(e.path().filename() != "evil" && e.path().filename() != "file", e.path().c_str());
    }

    void devicesWhenAllowed()
    {
        QTemporaryDir tmp;
        auto fd = archive_test::buildArchive({{'p', "fifo", {}, {}, 0640}});
        auto ok =
            berth::image::extractArchive(fd.get(), openDir(tmp.path().toStdString()).get(), {.allowDevices = true});
        QVERIFY2(ok, ok ? "" : ok.error().describe().c_str());
        struct stat st {};
        QCOMPARE(::lstat((tmp.path().toStdString() + "/fifo").c_str(), &st), 0);
        QVERIFY(S_ISFIFO(st.st_mode));
        QCOMPARE(st.st_mode & 07777, 0640u);
    }

    void laterEntryReplacesSymlink()
    {
        HostileLayout layout;
        auto fd = archive_test::buildArchive({{'l', "link", {}, layout.outside.string()}, {'f', "link", "mine"}});
        auto ok = berth::image::extractArchive(fd.get(), openDir(layout.root).get(), {});
        QVERIFY2(ok, ok ? "" : ok.error().describe().c_str());
        QVERIFY(stdfs::is_regular_file(stdfs::symlink_status(layout.root / "link")));
        QVERIFY(layout.nothingOutside());
    }

    void corrupt_data()
    {
        QTest::addColumn<int>("keep"); // bytes kept of a valid archive; -1 = garbage
        QTest::newRow("truncated in data") << 1000;
        QTest::newRow("truncated in header") << 100;
        QTest::newRow("garbage") << -1;
    }
    void corrupt()
    {
        QFETCH(int, keep);
        auto full = archive_test::buildArchive({{'f', "file", std::string(4000, 'x')}, {'f', "second", "y"}});
        berth::UniqueFd cut(::memfd_create("cut", MFD_CLOEXEC));
        std::string bytes(static_cast<size_t>(keep < 0 ? 4096 : keep), '\0');
        if (keep < 0)
            for (size_t i = 0; i < bytes.size(); ++i)
                bytes[i] = static_cast<char>((i * 7919u) % 251u);
        else
            QCOMPARE(::read(full.get(), bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size()));
        QCOMPARE(::write(cut.get(), bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size()));
        ::lseek(cut.get(), 0, SEEK_SET);
        QTemporaryDir tmp;
        auto ok = berth::image::extractArchive(cut.get(), openDir(tmp.path().toStdString()).get(), {});
        QVERIFY(!ok);
        QVERIFY2(ok.error().code == EINVAL || ok.error().code == EIO, ok.error().describe().c_str());
        QVERIFY(!ok.error().message.empty());
    }

    // Issue #16: a container archive (export's config first, the tree below
    // rootfs/) comes back as the same tree, its config handed over first.
    void containerArchiveRoundTrip()
    {
        QTemporaryDir tmp;
        const stdfs::path src = stdfs::path(tmp.path().toStdString()) / "src";
        const stdfs::path dst = stdfs::path(tmp.path().toStdString()) / "dst";
        stdfs::create_directories(src);
        stdfs::create_directories(dst);
        buildSourceTree(src);
        berth::UniqueFd out(::memfd_create("export", MFD_CLOEXEC));
        ExportOptions options;
        options.config = "lxc.signal.halt = SIGRTMIN+3\n";
        auto exported = berth::image::exportTree(openDir(src).get(), out.get(), options);
        QVERIFY2(exported, exported ? "" : exported.error().describe().c_str());
        ::lseek(out.get(), 0, SEEK_SET);
        std::string config;
        bool treeBeforeConfig = false;
        berth::image::ExtractOptions extract;
        extract.containerConfig = [&](std::string text) {
            config = std::move(text);
            treeBeforeConfig = !stdfs::is_empty(dst);
            return berth::Status{};
        };
        auto extracted = berth::image::extractArchive(out.get(), openDir(dst).get(), extract);
        QVERIFY2(extracted, extracted ? "" : extracted.error().describe().c_str());
        QCOMPARE(config, std::string("lxc.signal.halt = SIGRTMIN+3\n"));
        QVERIFY(!treeBeforeConfig);
        const auto expected = archive_test::snapshot(src);
        const auto got = archive_test::snapshot(dst);
        for (const auto& [path, what] : expected)
            QCOMPARE(QString::fromStdString(path + ": " + (got.contains(path) ? got.at(path) : "missing")),
                     QString::fromStdString(path + ": " + what));
        QCOMPARE(got.size(), expected.size());
        QCOMPARE(stdfs::hard_link_count(dst / "etc/passwd"), 2u);
    }

    // After a config member, only rootfs/ is written: other names, hard
    // links to the config, and a refused config stop the extraction.
    void containerArchiveStaysInRootfs_data()
    {
        QTest::addColumn<std::vector<Entry>>("entries");
        QTest::addColumn<int>("code");
        const Entry config{'f', "config", "lxc.uts.name = x\n"};
        QTest::newRow("outside rootfs") << std::vector<Entry>{config, {'d', "rootfs"}, {'f', "evil", "x"}} << EINVAL;
        QTest::newRow("rootfs prefix") << std::vector<Entry>{config, {'f', "rootfsevil", "x"}} << EINVAL;
        QTest::newRow("link to config") << std::vector<Entry>{config, {'h', "rootfs/evil", {}, "config"}} << EINVAL;
        QTest::newRow("config refused") << std::vector<Entry>{{'f', "config", "refuse"}, {'f', "rootfs/evil", "x"}}
                                        << EPERM;
    }
    void containerArchiveStaysInRootfs()
    {
        QFETCH(std::vector<Entry>, entries);
        QFETCH(int, code);
        QTemporaryDir tmp;
        auto fd = archive_test::buildArchive(entries);
        berth::image::ExtractOptions extract;
        extract.containerConfig = [](std::string text) {
            const bool refuse = text.find("refuse") == 0;
            return refuse ? berth::failWith(EPERM, "refused") : berth::Status{};
        };
        auto ok = berth::image::extractArchive(fd.get(), openDir(tmp.path().toStdString()).get(), extract);
        QVERIFY(!ok);
        QCOMPARE(ok.error().code, code);
        QVERIFY(!stdfs::exists(stdfs::path(tmp.path().toStdString()) / "evil"));
        QVERIFY(!stdfs::exists(stdfs::path(tmp.path().toStdString()) / "rootfsevil"));
    }

    // Without a config hook, a first member named config is just a file.
    void configIsAFileOfAPlainArchive()
    {
        QTemporaryDir tmp;
        auto fd = archive_test::buildArchive({{'f', "config", "plain"}, {'f', "other", "x"}});
        auto ok = berth::image::extractArchive(fd.get(), openDir(tmp.path().toStdString()).get(), {});
        QVERIFY2(ok, ok ? "" : ok.error().describe().c_str());
        QVERIFY(stdfs::is_regular_file(stdfs::path(tmp.path().toStdString()) / "config"));
        QVERIFY(stdfs::is_regular_file(stdfs::path(tmp.path().toStdString()) / "other"));
    }

    // dev/'s device nodes are left out (Berth makes /dev at start); one
    // anywhere else is still refused.
    void devNodesLeftOut()
    {
        QTemporaryDir tmp;
        const stdfs::path root = tmp.path().toStdString();
        auto fd = archive_test::buildArchive({{'d', "dev", {}, {}, 0755}, {'c', "dev/null"}, {'f', "dev/kept", "x"}});
        auto ok = berth::image::extractArchive(fd.get(), openDir(root).get(), {.leaveOutDevNodes = true});
        QVERIFY2(ok, ok ? "" : ok.error().describe().c_str());
        QVERIFY(!stdfs::exists(stdfs::symlink_status(root / "dev/null")));
        QVERIFY(stdfs::is_regular_file(root / "dev/kept"));
        auto elsewhere = archive_test::buildArchive({{'d', "etc", {}, {}, 0755}, {'c', "etc/null"}});
        auto refused = berth::image::extractArchive(elsewhere.get(), openDir(root).get(), {.leaveOutDevNodes = true});
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, EPERM);
    }

    void sizeBomb()
    {
        QTemporaryDir tmp;
        auto fd = archive_test::buildArchive({{'f', "a", std::string(3000, 'a')}, {'f', "b", std::string(3000, 'b')}},
                                             ARCHIVE_FILTER_GZIP);
        auto ok = berth::image::extractArchive(fd.get(), openDir(tmp.path().toStdString()).get(), {.maxBytes = 5000});
        QVERIFY(!ok);
        QCOMPARE(ok.error().code, EFBIG);
        QVERIFY(ok.error().message.find("'b'") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestArchive)
#include "test_archive.moc"
