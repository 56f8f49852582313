// Archive export and extraction as root: owners, device nodes, FIFOs and
// xattrs survive a round trip, and an exported busybox rootfs still runs.
#include "archive_snapshot.h"
#include "berth/unique_fd.h"
#include "image/archive_export.h"
#include "image/archive_extract.h"
#include "integration_env.h"
#include "template/busybox_template.h"

#include <QtTest/QtTest>

#include <filesystem>
#include <fstream>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <unistd.h>

namespace stdfs = std::filesystem;

namespace {

berth::UniqueFd openDir(const stdfs::path& p)
{
    return berth::UniqueFd(::open(p.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
}

// Export `src` and extract it again into `dst` (devices allowed).
void roundTrip(const stdfs::path& src, const stdfs::path& dst)
{
    berth::UniqueFd out(::memfd_create("export", MFD_CLOEXEC));
    auto exported = berth::image::exportTree(openDir(src).get(), out.get(), {});
    QVERIFY2(exported, exported ? "" : exported.error().describe().c_str());
    ::lseek(out.get(), 0, SEEK_SET);
    stdfs::create_directories(dst);
    auto extracted = berth::image::extractArchive(out.get(), openDir(dst).get(), {.allowDevices = true});
    QVERIFY2(extracted, extracted ? "" : extracted.error().describe().c_str());
}

} // namespace

class TestArchiveIntegration : public QObject {
    Q_OBJECT

private slots:
    void ownersDevicesXattrs()
    {
        QTemporaryDir tmp;
        const stdfs::path src = stdfs::path(tmp.path().toStdString()) / "src";
        const stdfs::path dst = stdfs::path(tmp.path().toStdString()) / "dst";
        stdfs::create_directories(src / "dev");
        std::ofstream(src / "owned") << "data";
        std::ofstream(src / "capable") << "binary";
        QCOMPARE(::chown((src / "owned").c_str(), 1000, 1000), 0);
        QCOMPARE(::chown((src / "dev").c_str(), 1000, 1000), 0);
        QCOMPARE(::lchown(src.c_str(), 0, 0), 0);
        QCOMPARE(::mknod((src / "dev/null").c_str(), S_IFCHR | 0666, makedev(1, 3)), 0);
        QCOMPARE(::mkfifo((src / "dev/fifo").c_str(), 0620), 0);
        QCOMPARE(::link((src / "owned").c_str(), (src / "owned-link").c_str()), 0);
        QCOMPARE(::setxattr((src / "owned").c_str(), "user.berth", "1", 1, 0), 0);
        QCOMPARE(::setxattr((src / "dev").c_str(), "user.dir", "yes", 3, 0), 0);
        // cap_net_bind_service+ep, version 2; a filesystem may refuse it.
        const unsigned char cap[20] = {0x01, 0x00, 0x00, 0x02, 0x00, 0x04};
        const bool withCap = ::setxattr((src / "capable").c_str(), "security.capability", cap, sizeof cap, 0) == 0;
        roundTrip(src, dst);
        const auto expected = archive_test::snapshot(src);
        const auto got = archive_test::snapshot(dst);
        for (const auto& [path, what] : expected)
            QCOMPARE(QString::fromStdString(path + ": " + (got.contains(path) ? got.at(path) : "missing")),
                     QString::fromStdString(path + ": " + what));
        QCOMPARE(got.size(), expected.size());
        QVERIFY(got.at("owned").find(" 1000:1000 ") != std::string::npos);
        QVERIFY(got.at("owned").find("user.berth=1") != std::string::npos);
        QVERIFY(got.at("dev/null").find("rdev=1,3") != std::string::npos);
        if (withCap)
            QVERIFY(got.at("capable").find("security.capability=") != std::string::npos);
    }

    void busyboxRootfsStillRuns()
    {
        QTemporaryDir tmp;
        const stdfs::path src = stdfs::path(tmp.path().toStdString()) / "src";
        const stdfs::path dst = stdfs::path(tmp.path().toStdString()) / "dst";
        auto built = berth::templates::buildBusyboxRootfs(src, {.hostname = "archive"});
        QVERIFY2(built, built ? "" : built.error().describe().c_str());
        roundTrip(src, dst);
        QCOMPARE(archive_test::snapshot(dst), archive_test::snapshot(src));
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            // Only system calls here, then _exit: the test process has threads.
            if (::chroot(dst.c_str()) != 0 || ::chdir("/") != 0)
                ::_exit(126);
            ::execl("/bin/busybox", "busybox", "true", static_cast<char*>(nullptr));
            ::_exit(127);
        }
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
    }
};

BERTH_INTEGRATION_MAIN(TestArchiveIntegration)
#include "test_archive_integration.moc"
