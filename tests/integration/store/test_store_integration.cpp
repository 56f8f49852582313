// Root, real kernel: a busybox rootfs really runs (chroot + exec), and
// removeTree refuses to descend into a bind mount.
#include "fs/remove_tree.h"
#include "template/busybox_template.h"

#include "integration_env.h"

#include <QtTest/QtTest>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

namespace stdfs = std::filesystem;

namespace {

struct ChildResult {
    std::string output;
    int status = -1; // exit code, or -1 when it did not exit normally
};

// Runs `body` in a forked child with stdout/stderr on a pipe; the child
// _exits with what body returns.
template <class Body> ChildResult runChild(Body body)
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return {};
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(fds[1], STDOUT_FILENO);
        ::dup2(fds[1], STDERR_FILENO);
        ::_exit(body());
    }
    ::close(fds[1]);
    ChildResult result;
    char buf[4096];
    ssize_t n;
    while ((n = ::read(fds[0], buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
        if (n > 0)
            result.output.append(buf, static_cast<size_t>(n));
    ::close(fds[0]);
    int status = 0;
    if (pid > 0 && ::waitpid(pid, &status, 0) == pid && WIFEXITED(status))
        result.status = WEXITSTATUS(status);
    return result;
}

// Inside the child: a private UTS namespace so rcS's hostname stays there.
int execInChroot(const char* rootfs, const std::vector<const char*>& argv)
{
    static char pathEnv[] = "PATH=/usr/sbin:/usr/bin:/sbin:/bin";
    char* env[] = {pathEnv, nullptr};
    if (::unshare(CLONE_NEWUTS) != 0 || ::chroot(rootfs) != 0 || ::chdir("/") != 0)
        return 126;
    ::execve(argv[0], const_cast<char* const*>(argv.data()), env);
    return 127;
}

} // namespace

class TestStoreIntegration : public QObject {
    Q_OBJECT

private:
    stdfs::path m_root;
    stdfs::path m_rootfs;

private slots:
    void initTestCase()
    {
        m_root = berth::test::IntegrationEnvironment::instance().stateRoot();
        m_rootfs = m_root / "rootfs";
        auto ok = berth::templates::buildBusyboxRootfs(m_rootfs, {.hostname = "itest-box"});
        QVERIFY2(ok, ok ? "" : ok.error().describe().c_str());
    }

    void busyboxRuns_data()
    {
        QTest::addColumn<QStringList>("argv");
        QTest::addColumn<QString>("expected");
        QTest::newRow("sh and cat") << QStringList{"/bin/sh", "-c", "echo ok; cat /etc/hostname"} << "ok\nitest-box\n";
        QTest::newRow("applet in usr/bin") << QStringList{"/bin/sh", "-c", "id -u; basename /a/b"} << "0\nb\n";
        QTest::newRow("rcS boots") << QStringList{"/etc/init.d/rcS"} << "Berth: busybox container itest-box is up\n";
        QTest::newRow("udhcpc script parses") << QStringList{"/bin/sh", "-n", "/usr/share/udhcpc/default.script"} << "";
        QTest::newRow("root's shell from passwd")
            << QStringList{"/bin/sh", "-c", "grep '^root:' /etc/passwd | cut -d: -f7"} << "/bin/sh\n";
    }

    void busyboxRuns()
    {
        QFETCH(QStringList, argv);
        QFETCH(QString, expected);
        std::vector<std::string> args;
        for (const QString& a : argv)
            args.push_back(a.toStdString());
        std::vector<const char*> cargs;
        for (const std::string& a : args)
            cargs.push_back(a.c_str());
        cargs.push_back(nullptr);
        const std::string rootfs = m_rootfs.string();
        const ChildResult r = runChild([&] { return execInChroot(rootfs.c_str(), cargs); });
        QCOMPARE(QString::fromStdString(r.output), expected);
        QCOMPARE(r.status, 0);
    }

    void removeTreeRefusesMounts_data()
    {
        QTest::addColumn<QString>("mountAt"); // inside the tree; "" = the tree itself
        QTest::addColumn<bool>("isFile");
        QTest::newRow("directory deep inside") << "a/b/mnt" << false;
        QTest::newRow("file") << "a/file-mnt" << true;
        QTest::newRow("the tree itself") << "" << false;
    }

    // In a child with a private mount namespace, so the mount dies with it.
    void removeTreeRefusesMounts()
    {
        QFETCH(QString, mountAt);
        QFETCH(bool, isFile);
        const stdfs::path tree = m_root / "tree", keep = m_root / "keep";
        stdfs::create_directories(tree / "a/b/mnt");
        std::ofstream(tree / "a/file-mnt") << "placeholder";
        std::ofstream(tree / "a/b/sibling") << "sibling";
        std::ofstream(tree / "top-file") << "top"; // visited before the mount is reached
        stdfs::create_directories(keep);
        std::ofstream(keep / "precious") << "precious";
        const stdfs::path source = isFile ? keep / "precious" : keep;
        const stdfs::path target = mountAt.isEmpty() ? tree : tree / mountAt.toStdString();
        const ChildResult r = runChild([&] {
            if (::unshare(CLONE_NEWNS) != 0 || ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
                return 10;
            if (::mount(source.c_str(), target.c_str(), nullptr, MS_BIND, nullptr) != 0)
                return 11;
            const auto refused = berth::fs::removeTree(tree);
            std::printf("%s", refused ? "removed" : refused.error().describe().c_str());
            std::fflush(stdout);
            if (refused || refused.error().code != EBUSY)
                return 12;
            if (::umount2(target.c_str(), MNT_DETACH) != 0)
                return 13;
            if (!stdfs::exists(tree / "a/b/sibling") || !stdfs::exists(tree / "top-file"))
                return 14; // the refusal came after removing things
            return berth::fs::removeTree(tree) ? 0 : 15;
        });
        QVERIFY2(r.status == 0,
                 qPrintable(QString("child status %1: %2").arg(r.status).arg(QString::fromStdString(r.output))));
        QVERIFY2(r.output.find("is a mount point") != std::string::npos, r.output.c_str());
        QVERIFY(!stdfs::exists(tree));
        QCOMPARE(stdfs::file_size(keep / "precious"), std::uintmax_t(8)); // untouched behind the mount
        stdfs::remove_all(keep);
    }
};

BERTH_INTEGRATION_MAIN(TestStoreIntegration)
#include "test_store_integration.moc"
