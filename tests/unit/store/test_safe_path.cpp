// openInRoot/openBeneath/mkdirInRoot/createFileInRoot on a fixture tree, with
// both resolvers (openat2 and the component walk).
#include "fs/file_io.h"
#include "fs/safe_path.h"

#include <QtTest/QtTest>

#include <cerrno>
#include <filesystem>
#include <fstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using berth::fs::Resolver;
namespace stdfs = std::filesystem;

Q_DECLARE_METATYPE(Resolver)

class TestSafePath : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    stdfs::path m_top, m_root;
    berth::UniqueFd m_rootFd;

    static void writeText(const stdfs::path& file, const std::string& text) { std::ofstream(file) << text; }
    static void addResolverColumn() { QTest::addColumn<Resolver>("resolver"); }
    std::string readFd(int fd)
    {
        auto text = berth::fs::readAll(fd);
        return text ? *text : "<read failed>";
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_top = m_tmp.path().toStdString();
        m_root = m_top / "root";
        // Outside the root: files with the same names as inside, which a
        // resolver that escapes would find instead.
        stdfs::create_directories(m_top / "etc");
        writeText(m_top / "etc/hostname", "outside");
        writeText(m_top / "secret", "outside");
        stdfs::create_directories(m_root / "etc");
        stdfs::create_directories(m_root / "dir/sub");
        writeText(m_root / "etc/hostname", "inside");
        writeText(m_root / "secret", "inside");
        stdfs::create_symlink("/etc", m_root / "abs");
        stdfs::create_symlink("../../..", m_root / "up");
        stdfs::create_symlink("/etc/hostname", m_root / "etclink");
        stdfs::create_symlink("../../secret", m_root / "dir/sub/rel");
        stdfs::create_symlink("loop2", m_root / "loop1");
        stdfs::create_symlink("loop1", m_root / "loop2");
        stdfs::create_symlink("../../x", m_root / "a");
        stdfs::create_symlink("sub/../../../secret", m_root / "dir/climb");
        m_rootFd.reset(::open(m_root.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
        QVERIFY(m_rootFd.valid());
    }

    void openInRoot_data()
    {
        addResolverColumn();
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("error"); // 0: opens, and reads "inside"
        const std::pair<const char*, Resolver> resolvers[] = {{"openat2", Resolver::Openat2}, {"walk", Resolver::Walk}};
        const std::pair<const char*, int> cases[] = {
            {"etc/hostname", 0},    {"/etc/hostname", 0},        {"abs/hostname", 0},
            {"up/etc/hostname", 0}, {"../../etc/hostname", 0},   {"/../secret", 0},
            {"etclink", 0},         {"dir/sub/rel", 0},          {"dir/sub/../../etc/hostname", 0},
            {"dir/climb", 0},       {"./etc/./hostname", 0},     {"loop1", ELOOP},
            {"missing", ENOENT},    {"etc/hostname/x", ENOTDIR}, {"etclink/", ENOTDIR},
        };
        for (const auto& [rname, resolver] : resolvers)
            for (const auto& [path, error] : cases)
                QTest::addRow("%s: %s", rname, path) << resolver << QString::fromUtf8(path) << error;
    }

    void openInRoot()
    {
        QFETCH(Resolver, resolver);
        QFETCH(QString, path);
        QFETCH(int, error);
        auto fd = berth::fs::openInRoot(m_rootFd.get(), path.toStdString(), O_RDONLY, 0, resolver);
        if (error != 0) {
            QVERIFY(!fd);
            QCOMPARE(fd.error().code, error);
            return;
        }
        QVERIFY2(fd, fd ? "" : fd.error().describe().c_str());
        QCOMPARE(readFd(fd->get()), std::string("inside"));
    }

    void magicLinksRefused_data()
    {
        addResolverColumn();
        QTest::newRow("openat2") << Resolver::Openat2;
        QTest::newRow("walk") << Resolver::Walk;
    }

    // /proc/self/root leads to the host's root whatever its text says.
    void magicLinksRefused()
    {
        QFETCH(Resolver, resolver);
        berth::UniqueFd hostRoot(::open("/", O_PATH | O_DIRECTORY | O_CLOEXEC));
        auto fd = berth::fs::openInRoot(hostRoot.get(), "proc/self/root/etc/hostname", O_RDONLY, 0, resolver);
        QVERIFY(!fd);
        QCOMPARE(fd.error().code, ELOOP);
        auto fdLink = berth::fs::openInRoot(hostRoot.get(), "proc/self/fd/0", O_RDONLY, 0, resolver);
        QVERIFY(!fdLink);
        QCOMPARE(fdLink.error().code, ELOOP);
    }

    void createThroughDanglingSymlink_data() { magicLinksRefused_data(); }

    // O_CREAT through an absolute dangling symlink creates inside the root.
    void createThroughDanglingSymlink()
    {
        QFETCH(Resolver, resolver);
        const std::string unique =
            "berth-test-created-" + std::to_string(::getpid()) + (resolver == Resolver::Walk ? "-w" : "-o");
        const stdfs::path link = m_root / ("dangling" + unique);
        stdfs::create_symlink("/tmp/" + unique, link);
        stdfs::create_directories(m_root / "tmp");
        auto fd = berth::fs::createFileInRoot(m_rootFd.get(), link.filename().string(), 0640, resolver);
        QVERIFY2(fd, fd ? "" : fd.error().describe().c_str());
        QVERIFY(stdfs::exists(m_root / "tmp" / unique));
        QVERIFY(!stdfs::exists(stdfs::path("/tmp") / unique));
        struct stat st {};
        QCOMPARE(::stat((m_root / "tmp" / unique).c_str(), &st), 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0640));
    }

    void createRefusesFifo()
    {
        QCOMPARE(::mkfifo((m_root / "fifo").c_str(), 0600), 0);
        auto fd = berth::fs::createFileInRoot(m_rootFd.get(), "fifo", 0644);
        QVERIFY(!fd);
        QCOMPARE(fd.error().code, EINVAL);
    }

    void createExactMode()
    {
        const mode_t old = ::umask(077);
        auto fd = berth::fs::createFileInRoot(m_rootFd.get(), "etc/modefile", 0755);
        ::umask(old);
        QVERIFY(fd);
        struct stat st {};
        QCOMPARE(::stat((m_root / "etc/modefile").c_str(), &st), 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0755));
    }

    void openBeneath_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("message"); // part of the error message
        QTest::newRow("plain") << "etc/hostname" << 0 << "";
        QTest::newRow("absolute symlink re-rooted") << "abs/hostname" << 0 << "";
        QTest::newRow("dotdot that stays inside") << "dir/sub/../../etc/hostname" << 0 << "";
        QTest::newRow("symlink escapes") << "a/b" << EXDEV
                                         << "'a/b' escapes the root filesystem through symlink 'a' -> '../../x'";
        QTest::newRow("nested symlink escapes")
            << "dir/climb" << EXDEV << "through symlink 'dir/climb' -> 'sub/../../../secret'";
        QTest::newRow("path escapes") << "../secret" << EXDEV << "'../secret' escapes the root filesystem";
        QTest::newRow("relative symlink escapes") << "up/etc" << EXDEV << "symlink 'up' -> '../../..'";
        QTest::newRow("loop") << "loop1" << ELOOP << "";
    }

    void openBeneath()
    {
        QFETCH(QString, path);
        QFETCH(int, error);
        QFETCH(QString, message);
        auto fd = berth::fs::openBeneath(m_rootFd.get(), path.toStdString(), O_RDONLY);
        if (error == 0) {
            QVERIFY2(fd, fd ? "" : fd.error().describe().c_str());
            QCOMPARE(readFd(fd->get()), std::string("inside"));
            return;
        }
        QVERIFY(!fd);
        QCOMPARE(fd.error().code, error);
        QVERIFY2(QString::fromStdString(fd.error().message).contains(message), fd.error().message.c_str());
    }

    void mkdirInRoot()
    {
        const mode_t old = ::umask(077);
        auto made = berth::fs::mkdirInRoot(m_rootFd.get(), "abs/new/deep", 0750);
        auto clamped = berth::fs::mkdirInRoot(m_rootFd.get(), "up/made", 0755);
        ::umask(old);
        QVERIFY2(made, made ? "" : made.error().describe().c_str());
        QVERIFY(clamped);
        struct stat st {};
        QCOMPARE(::stat((m_root / "etc/new/deep").c_str(), &st), 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0750));
        QVERIFY(stdfs::is_directory(m_root / "made"));
        QVERIFY(!stdfs::exists(m_top / "made"));
        QVERIFY(berth::fs::mkdirInRoot(m_rootFd.get(), "abs/new/deep", 0750)); // already there
        auto onFile = berth::fs::mkdirInRoot(m_rootFd.get(), "etc/hostname/x", 0755);
        QVERIFY(!onFile);
        QCOMPARE(onFile.error().code, ENOTDIR);
    }

    void openParentInRoot()
    {
        auto parent = berth::fs::openParentInRoot(m_rootFd.get(), "abs/newfile");
        QVERIFY(parent);
        QCOMPARE(parent->name, std::string("newfile"));
        QCOMPARE(::mknodat(parent->dir.get(), parent->name.c_str(), S_IFREG | 0644, 0), 0);
        QVERIFY(stdfs::exists(m_root / "etc/newfile"));
        QVERIFY(!berth::fs::openParentInRoot(m_rootFd.get(), "etc/.."));
        QVERIFY(!berth::fs::openParentInRoot(m_rootFd.get(), "/"));
    }
};

QTEST_GUILESS_MAIN(TestSafePath)
#include "test_safe_path.moc"
