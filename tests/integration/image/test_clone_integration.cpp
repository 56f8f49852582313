// Root, real kernel: copyTree keeps owners, setuid, devices, FIFOs, security
// xattrs and link counts; a copied busybox rootfs runs; the copy stays off
// other mounts; an overlay snapshot mounted with the generated options
// writes to upper and leaves lower alone.
#include "berth/unique_fd.h"
#include "image/overlay_layout.h"
#include "image/tree_copy.h"
#include "template/busybox_template.h"
#include "tree_compare.h"

#include "integration_env.h"

#include <QtTest/QtTest>

#include <cerrno>
#include <cstdint>
#include <filesystem>
#include <fstream>

#include <fcntl.h>
#include <linux/capability.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/wait.h>
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

// Runs body in a forked child and returns its exit code (-1 if it did not
// exit). The child only makes system calls and _exits.
template <class Body> int inChild(Body body)
{
    const pid_t pid = ::fork();
    if (pid == 0)
        ::_exit(body());
    int status = 0;
    if (pid < 0 || ::waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
        return -1;
    return WEXITSTATUS(status);
}

// A mount namespace of the child's own, so that nothing it mounts is seen
// (or left behind) outside it.
bool privateMountNamespace()
{
    return ::unshare(CLONE_NEWNS) == 0 && ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0;
}

// A file capability (cap_net_bind_service, effective) as the kernel stores it.
std::string capabilityValue()
{
    vfs_cap_data data{};
    data.magic_etc = VFS_CAP_REVISION_2 | VFS_CAP_FLAGS_EFFECTIVE;
    data.data[0].permitted = 1u << CAP_NET_BIND_SERVICE;
    return std::string(reinterpret_cast<const char*>(&data), sizeof data);
}

stdfs::path tempRoot(const QTemporaryDir& tmp)
{
    return stdfs::path(tmp.path().toStdString());
}

} // namespace

class TestCloneIntegration : public QObject {
    Q_OBJECT

private slots:
    void keepsOwnersDevicesAndSecurityXattrs()
    {
        QTemporaryDir tmp;
        const stdfs::path src = tempRoot(tmp) / "src";
        stdfs::create_directories(src / "home/user");
        stdfs::create_directories(src / "dev");
        std::ofstream(src / "home/user/file") << "mine";
        std::ofstream(src / "setuid") << "#!/bin/sh\n";
        std::ofstream(src / "capped") << "binary";
        stdfs::create_symlink("file", src / "home/user/link");
        QCOMPARE(::lchown((src / "home/user").c_str(), 1000, 1000), 0);
        QCOMPARE(::lchown((src / "home/user/file").c_str(), 1000, 1000), 0);
        QCOMPARE(::lchown((src / "home/user/link").c_str(), 1000, 1001), 0);
        QCOMPARE(::chown((src / "setuid").c_str(), 1000, 1000), 0);
        QCOMPARE(::chmod((src / "setuid").c_str(), 06755), 0);
        QCOMPARE(::mknod((src / "dev/null").c_str(), S_IFCHR | 0666, makedev(1, 3)), 0);
        QCOMPARE(::mknod((src / "dev/loop9").c_str(), S_IFBLK | 0660, makedev(7, 9)), 0);
        QCOMPARE(::mkfifo((src / "dev/fifo").c_str(), 0620), 0);
        const std::string cap = capabilityValue();
        QCOMPARE(::setxattr((src / "capped").c_str(), "security.capability", cap.data(), cap.size(), 0), 0);
        QCOMPARE(::setxattr((src / "capped").c_str(), "user.note", "n", 1, 0), 0);
        QCOMPARE(::setxattr((src / "dev").c_str(), "trusted.berth", "t", 1, 0), 0);
        QCOMPARE(::lsetxattr((src / "home/user/link").c_str(), "trusted.link", "l", 1, 0), 0);
        stdfs::create_hard_link(src / "capped", src / "capped-again");
        stdfs::create_hard_link(src / "dev/null", src / "null-link");
        const stdfs::path dst = tempRoot(tmp) / "dst";
        auto ok = copyDir(src, dst);
        QVERIFY2(ok, ok ? "" : ok.error().describe().c_str());
        const auto diffs = berth::test::compareTrees(src, dst);
        QVERIFY2(diffs.empty(), berth::test::joined(diffs).c_str());
        struct stat st {};
        QCOMPARE(::lstat((dst / "setuid").c_str(), &st), 0);
        QCOMPARE(st.st_mode & 07777, mode_t(06755));
        QCOMPARE(st.st_uid, uid_t(1000));
        QCOMPARE(::lstat((dst / "home/user/link").c_str(), &st), 0);
        QCOMPARE(st.st_gid, gid_t(1001));
        QCOMPARE(::lstat((dst / "dev/loop9").c_str(), &st), 0);
        QVERIFY(S_ISBLK(st.st_mode));
        QCOMPARE(st.st_rdev, makedev(7, 9));
        QCOMPARE(::lstat((dst / "capped").c_str(), &st), 0);
        QCOMPARE(st.st_nlink, nlink_t(2));
        QCOMPARE(berth::test::xattrsOf(dst / "capped").at("security.capability"), cap);
        QCOMPARE(berth::test::xattrsOf(dst / "home/user/link").at("trusted.link"), std::string("l"));
    }

    void socketsAreSkipped()
    {
        QTemporaryDir tmp;
        const stdfs::path src = tempRoot(tmp) / "src";
        stdfs::create_directories(src);
        std::ofstream(src / "kept") << "x";
        berth::UniqueFd sock(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        const std::string path = (src / "sock").string();
        QVERIFY(path.size() < sizeof addr.sun_path);
        path.copy(addr.sun_path, path.size());
        QCOMPARE(::bind(sock.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
        const stdfs::path dst = tempRoot(tmp) / "dst";
        auto ok = copyDir(src, dst);
        QVERIFY2(ok, ok ? "" : ok.error().describe().c_str());
        QVERIFY(stdfs::exists(dst / "kept"));
        QVERIFY(!stdfs::exists(stdfs::symlink_status(dst / "sock")));
    }

    void copiedBusyboxRootfsRuns()
    {
        QTemporaryDir tmp;
        const stdfs::path src = tempRoot(tmp) / "src";
        auto built = berth::templates::buildBusyboxRootfs(src, {.hostname = "clone-src"});
        QVERIFY2(built, built ? "" : built.error().describe().c_str());
        const stdfs::path dst = tempRoot(tmp) / "dst";
        auto ok = copyDir(src, dst);
        QVERIFY2(ok, ok ? "" : ok.error().describe().c_str());
        const auto diffs = berth::test::compareTrees(src, dst);
        QVERIFY2(diffs.empty(), berth::test::joined(diffs).c_str());
        const int code = inChild([&] {
            if (::chroot(dst.c_str()) != 0 || ::chdir("/") != 0)
                return 126;
            ::execl("/bin/busybox", "busybox", "true", static_cast<char*>(nullptr));
            return 127;
        });
        QCOMPARE(code, 0);
    }

    // The mount lives only in the child's mount namespace, so the copy runs
    // there too; the child reports what it found through its exit code.
    void doesNotDescendIntoMounts()
    {
        QTemporaryDir tmp;
        const stdfs::path src = tempRoot(tmp) / "src";
        const stdfs::path dst = tempRoot(tmp) / "dst";
        stdfs::create_directories(src / "mnt");
        stdfs::create_directories(dst);
        std::ofstream(src / "outer") << "x";
        const int code = inChild([&] {
            if (!privateMountNamespace() || ::mount("tmpfs", (src / "mnt").c_str(), "tmpfs", 0, "mode=0700") != 0)
                return 10;
            berth::UniqueFd f(::open((src / "mnt/inner").c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644));
            if (!f)
                return 11;
            auto srcFd = openDir(src);
            auto dstFd = openDir(dst);
            if (!berth::image::copyTree(srcFd.get(), dstFd.get()))
                return 12;
            return ::umount2((src / "mnt").c_str(), MNT_DETACH) == 0 ? 0 : 13;
        });
        QCOMPARE(code, 0);
        QVERIFY(stdfs::exists(dst / "outer"));
        QVERIFY(stdfs::is_directory(dst / "mnt"));
        QVERIFY(!stdfs::exists(dst / "mnt/inner"));
        QVERIFY(stdfs::is_empty(dst / "mnt"));
    }

    void overlaySnapshotWritesToUpper()
    {
        QTemporaryDir tmp;
        const stdfs::path top = tempRoot(tmp);
        const berth::image::OverlayLayout layout{
            {top / "lower"}, top / "clone/upper", top / "clone/olwork", top / "clone/rootfs"};
        auto built = berth::templates::buildBusyboxRootfs(layout.lowers.front(), {.hostname = "lower"});
        QVERIFY2(built, built ? "" : built.error().describe().c_str());
        stdfs::create_directories(top / "clone");
        auto prepared = berth::image::prepareOverlayDirs(layout);
        QVERIFY2(prepared, prepared ? "" : prepared.error().describe().c_str());
        auto options = berth::image::overlayMountOptions(layout);
        QVERIFY(options);
        const std::string hostnameBefore = berth::test::readWhole(layout.lowers.front() / "etc/hostname");
        const int code = inChild([&] {
            if (!privateMountNamespace())
                return 10;
            if (::mount("overlay", layout.merged.c_str(), "overlay", 0, options->c_str()) != 0)
                return 11;
            std::ofstream(layout.merged / "etc/clone-only") << "clone";
            std::ofstream(layout.merged / "etc/hostname") << "clone\n";
            const bool seen = stdfs::exists(layout.merged / "bin/busybox");
            const bool umounted = ::umount2(layout.merged.c_str(), 0) == 0;
            return seen && umounted ? 0 : 12;
        });
        QCOMPARE(code, 0);
        QCOMPARE(berth::test::readWhole(layout.upper / "etc/clone-only"), std::string("clone"));
        QCOMPARE(berth::test::readWhole(layout.upper / "etc/hostname"), std::string("clone\n"));
        QVERIFY(!stdfs::exists(layout.lowers.front() / "etc/clone-only"));
        QCOMPARE(berth::test::readWhole(layout.lowers.front() / "etc/hostname"), hostnameBefore);
        QVERIFY(stdfs::is_empty(layout.merged));
        // A second start finds the kernel's leftovers in work and clears them.
        QVERIFY(!stdfs::is_empty(layout.work));
        QVERIFY(berth::image::prepareOverlayDirs(layout));
        QVERIFY(stdfs::is_empty(layout.work));
    }
};

BERTH_INTEGRATION_MAIN(TestCloneIntegration)
#include "test_clone_integration.moc"
