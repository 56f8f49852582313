// The busybox rootfs built in a temporary directory (no root needed):
// layout, modes, applet links, file contents, and refusals.
#include "template/busybox_template.h"
#include "template/busybox_files.h"

#include <QtTest/QtTest>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <sys/stat.h>

namespace stdfs = std::filesystem;
using berth::templates::buildBusyboxRootfs;
using berth::templates::BusyboxOptions;

namespace {

std::string readText(const stdfs::path& file)
{
    std::ifstream in(file);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

mode_t modeOf(const stdfs::path& p)
{
    struct stat st {};
    return ::lstat(p.c_str(), &st) == 0 ? (st.st_mode & 07777) : mode_t(-1);
}

} // namespace

class TestBusyboxTemplate : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    stdfs::path m_rootfs;

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_rootfs = stdfs::path(m_tmp.path().toStdString()) / "rootfs";
        auto ok = buildBusyboxRootfs(m_rootfs, {.hostname = "box1", .ttys = 2});
        QVERIFY2(ok, ok ? "" : ok.error().describe().c_str());
    }

    void modes_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("mode");
        QTest::newRow("rootfs") << "" << 0755;
        QTest::newRow("tmp") << "tmp" << 01777;
        QTest::newRow("var/tmp") << "var/tmp" << 01777;
        QTest::newRow("root") << "root" << 0700;
        QTest::newRow("etc") << "etc" << 0755;
        QTest::newRow("busybox") << "bin/busybox" << 0755;
        QTest::newRow("shadow") << "etc/shadow" << 0640;
        QTest::newRow("passwd") << "etc/passwd" << 0644;
        QTest::newRow("rcS") << "etc/init.d/rcS" << 0755;
        QTest::newRow("udhcpc") << "usr/share/udhcpc/default.script" << 0755;
        QTest::newRow("resolv.conf") << "etc/resolv.conf" << 0644;
        for (const char* dir : {"sbin", "usr/bin", "usr/sbin", "dev", "home", "run", "var/log", "mnt"})
            QTest::addRow("%s", dir) << dir << 0755;
    }

    void modes()
    {
        QFETCH(QString, path);
        QFETCH(int, mode);
        QCOMPARE(int(modeOf(m_rootfs / path.toStdString())), mode);
    }

    void appletLinks()
    {
        for (const char* applet : {"bin/sh", "bin/cat", "sbin/init", "sbin/getty", "bin/hostname", "sbin/udhcpc"}) {
            const stdfs::path link = m_rootfs / applet;
            QVERIFY2(stdfs::is_symlink(link), applet);
            QCOMPARE(stdfs::read_symlink(link), stdfs::path("/bin/busybox"));
        }
        QVERIFY(stdfs::is_regular_file(stdfs::symlink_status(m_rootfs / "bin/busybox")));
        QCOMPARE(stdfs::file_size(m_rootfs / "bin/busybox"), stdfs::file_size("/bin/busybox"));
        int links = 0;
        for (const auto& e : stdfs::recursive_directory_iterator(m_rootfs))
            links += e.is_symlink() && stdfs::read_symlink(e.path()) == "/bin/busybox";
        QVERIFY2(links > 200, qPrintable(QString::number(links)));
    }

    void files()
    {
        QCOMPARE(readText(m_rootfs / "etc/hostname"), std::string("box1\n"));
        QVERIFY(readText(m_rootfs / "etc/hosts").find("127.0.0.1\tlocalhost\n") != std::string::npos);
        QVERIFY(readText(m_rootfs / "etc/hosts").find("\tbox1\n") != std::string::npos);
        QVERIFY(readText(m_rootfs / "etc/passwd").starts_with("root:x:0:0:root:/root:/bin/sh\n"));
        QVERIFY(readText(m_rootfs / "etc/passwd").find("\nnobody:") != std::string::npos);
        QVERIFY(readText(m_rootfs / "etc/group").starts_with("root:x:0:\n"));
        QVERIFY(readText(m_rootfs / "etc/shadow").starts_with("root:*:"));
        const std::string inittab = readText(m_rootfs / "etc/inittab");
        for (const char* line :
             {"::sysinit:/etc/init.d/rcS\n", "::askfirst:-/bin/sh\n", "tty1::respawn:/sbin/getty 38400 tty1\n",
              "tty2::respawn:/sbin/getty 38400 tty2\n", "::ctrlaltdel:/sbin/reboot\n", "::shutdown:/bin/sync\n"})
            QVERIFY2(inittab.find(line) != std::string::npos, line);
        QVERIFY(inittab.find("tty3") == std::string::npos);
        QVERIFY(readText(m_rootfs / "etc/init.d/rcS").find("Berth: busybox container $(hostname) is up") !=
                std::string::npos);
        QVERIFY(readText(m_rootfs / "etc/profile").find("PS1=") != std::string::npos);
        QCOMPARE(readText(m_rootfs / "etc/resolv.conf"), std::string());
        QCOMPARE(stdfs::read_symlink(m_rootfs / "etc/mtab"), stdfs::path("/proc/self/mounts"));
    }

    void noGettyWithoutTtys() { QVERIFY(berth::templates::busyboxInittab(0).find("getty") == std::string::npos); }

    // A rootfs whose etc already points out of it: writes stay inside.
    void writesStayInsideTheRootfs()
    {
        const stdfs::path top = stdfs::path(m_tmp.path().toStdString()) / "hostile";
        stdfs::create_directories(top / "outside");
        stdfs::create_directories(top / "rootfs");
        stdfs::create_directory_symlink("../outside", top / "rootfs/etc");
        auto ok = buildBusyboxRootfs(top / "rootfs", {.hostname = "h"});
        QVERIFY2(ok, ok ? "" : ok.error().describe().c_str());
        QVERIFY(stdfs::is_empty(top / "outside"));
        QCOMPARE(readText(top / "rootfs/outside/hostname"), std::string("h\n"));
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("busybox");
        QTest::addColumn<QString>("hostname");
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("message");
        QTest::newRow("dynamic busybox") << "/bin/ls"
                                         << "x" << ENOEXEC << "install the package busybox-static";
        QTest::newRow("not ELF") << "/etc/passwd"
                                 << "x" << ENOEXEC << "not an executable";
        QTest::newRow("not ELF but executable") << "/usr/bin/ldd"
                                                << "x" << ENOEXEC << "not an ELF";
        QTest::newRow("missing") << "/nonexistent/busybox"
                                 << "x" << ENOENT << "";
        QTest::newRow("empty hostname") << "/bin/busybox"
                                        << "" << EINVAL << "invalid hostname";
        QTest::newRow("hostname with newline") << "/bin/busybox"
                                               << "a\nb" << EINVAL << "invalid hostname";
    }

    void refusals()
    {
        QFETCH(QString, busybox);
        QFETCH(QString, hostname);
        QFETCH(int, error);
        QFETCH(QString, message);
        const stdfs::path rootfs = stdfs::path(m_tmp.path().toStdString()) / "refused";
        auto ok = buildBusyboxRootfs(rootfs, {.hostname = hostname.toStdString(), .busybox = busybox.toStdString()});
        QVERIFY(!ok);
        QCOMPARE(ok.error().code, error);
        QVERIFY2(QString::fromStdString(ok.error().message).contains(message), ok.error().message.c_str());
        QVERIFY(!stdfs::exists(rootfs));
    }
};

QTEST_GUILESS_MAIN(TestBusyboxTemplate)
#include "test_busybox_template.moc"
