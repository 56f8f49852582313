// The review's checks of what the helper does as root inside a member's
// rootfs and for its containers: symlinked /etc files at start, Export and
// Destroy past symlinks, hostile archives extracted, and the monitor's
// socket. They held already; they stay tested. Issue #16 adds the config
// a container archive brings.
#include "archive_builder.h"
#include "integration_bus.h"
#include "security_fixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace berth::test;

Q_DECLARE_METATYPE(std::vector<archive_test::Entry>)

class TestReview : public SecurityFixture {
    Q_OBJECT
protected:
    void setUpScene() override
    {
        createBridge();
        startMemberApp();
    }

private Q_SLOTS:
    // Review: the files Berth writes into a rootfs at start (hostname,
    // hosts, resolv.conf) stay inside it when the container's root made
    // them symlinks that climb out.
    void review_rootfsSymlinksStayInside()
    {
        EXPECT_CODE(memberCreateApp(QStringLiteral("links"), {QStringLiteral("--network"), kBridge}), 0);
        EXPECT_CODE(m_session.berthctlAs(kMember, {QStringLiteral("start"), QStringLiteral("links")}), 0);
        QString plant;
        for (const QString& file : {QStringLiteral("hostname"), QStringLiteral("hosts"), QStringLiteral("resolv.conf")})
            plant += QStringLiteral(
                         "rm -f /etc/%1; ln -s ../../../../../../../../../../run/berth-security-marker-%1 /etc/%1; ")
                         .arg(file);
        EXPECT_CODE(
            m_session.berthctlAs(kMember, {QStringLiteral("exec"), QStringLiteral("links"), QStringLiteral("--"),
                                           QStringLiteral("/bin/sh"), QStringLiteral("-c"), plant}),
            0);
        EXPECT_CODE(m_session.berthctlAs(kMember, {QStringLiteral("stop"), QStringLiteral("links"),
                                                   QStringLiteral("-t"), QStringLiteral("1")}),
                    0);
        m_session.berthctlAs(kMember, {QStringLiteral("start"), QStringLiteral("links")}); // may refuse: either way
        destroy(QStringLiteral("links"));
        QVERIFY2(markers().isEmpty(), qPrintable(markers().join(QLatin1Char(' '))));
    }

    // Review: Export reads a stopped container's rootfs as root, Destroy
    // removes it as root: symlinks its root left there (to a root-only
    // host file, to /, to a host directory) are written as links and
    // removed as links, never followed.
    void review_exportAndDestroyStayInside()
    {
        const QString secretPath = QStringLiteral("/root/berth-security-export-secret");
        const QByteArray secret = "berth-security-secret-" + QByteArray::number(::getpid());
        QVERIFY(writeFile(secretPath, secret + '\n', kRootOnly));
        const QString victim = m_files.path() + QStringLiteral("/victim");
        QVERIFY(QDir().mkpath(victim) && writeFile(victim + QStringLiteral("/keep.txt"), "keep\n", kPublic));
        EXPECT_CODE(memberCreateApp(QStringLiteral("walls")), 0);
        EXPECT_CODE(m_session.berthctlAs(kMember, {QStringLiteral("start"), QStringLiteral("walls")}), 0);
        EXPECT_CODE(
            m_session.berthctlAs(kMember, {QStringLiteral("exec"), QStringLiteral("walls"), QStringLiteral("--"),
                                           QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                                           QStringLiteral("ln -s %1 /leak-file; ln -s / /leak-root; ln -s %2 /victim; "
                                                          "mkdir -p /d; ln -s %2 /d/inner")
                                               .arg(secretPath, victim)}),
            0);
        EXPECT_CODE(m_session.berthctlAs(kMember, {QStringLiteral("stop"), QStringLiteral("walls"),
                                                   QStringLiteral("-t"), QStringLiteral("1")}),
                    0);
        const Outcome exported =
            m_session.berthctlAs(kMember, {QStringLiteral("export"), QStringLiteral("walls"), QStringLiteral("-")});
        QProcess gunzip;
        gunzip.start(QStringLiteral("gzip"), {QStringLiteral("-dc")});
        gunzip.write(exported.out);
        gunzip.closeWriteChannel();
        QVERIFY(gunzip.waitForFinished(60000));
        const QByteArray tar = gunzip.readAllStandardOutput();
        const Outcome destroyed = m_session.berthctlAs(kMember, {QStringLiteral("destroy"), QStringLiteral("walls")});
        const bool kept = QFile::exists(victim + QStringLiteral("/keep.txt"));
        QFile::remove(secretPath);
        destroy(QStringLiteral("walls"));
        EXPECT_CODE(exported, 0);
        QVERIFY2(tar.contains("leak-file"), "the export is not the container's rootfs");
        QVERIFY2(!tar.contains(secret), "a root-only host file reached the member through Export");
        EXPECT_CODE(destroyed, 0);
        QVERIFY2(kept, "Destroy removed a host file through a symlink");
    }

    // Review: a running container's monitor (root) takes commands on its
    // socket without asking polkit: only root may reach it, not a member
    // and not any other user.
    void review_monitorSocketIsRootsOnly()
    {
        const QString socket = m_session.monitorSocket(QStringLiteral("app"));
        QVERIFY2(QFile::exists(socket), qPrintable(socket));
        for (const QString& user : {kMember, kOutsider}) {
            const Outcome outcome = m_session.asUser(
                user, {QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                       QStringLiteral("[ -w \"$0\" ] || [ -r \"$0\" ] && echo REACHABLE; true"), socket});
            QVERIFY2(outcome.code == 0 && !outcome.out.contains("REACHABLE"), qPrintable(user + describe(outcome)));
        }
    }

    // Review: the helper extracts a member's archive as root: entries that
    // climb out (.., absolute paths, through a symlink) or hard-link a host
    // file must land inside the new rootfs or nowhere. One archive per
    // trick (an extraction stops at the first entry it refuses).
    void review_archiveStaysInside_data()
    {
        using archive_test::Entry;
        QTest::addColumn<std::vector<Entry>>("entries");
        const std::string climb = "../../../../../../../../../../";
        QTest::newRow("dotdot") << std::vector<Entry>{{.path = climb + "run/berth-security-marker-tar", .data = "x"}};
        QTest::newRow("absolute") << std::vector<Entry>{{.path = "/run/berth-security-marker-tar", .data = "x"}};
        QTest::newRow("symlink absolute") << std::vector<Entry>{{.type = 'l', .path = "up", .link = "/run"},
                                                                {.path = "up/berth-security-marker-tar", .data = "x"}};
        QTest::newRow("symlink climbing") << std::vector<Entry>{{.type = 'l', .path = "up", .link = climb + "run"},
                                                                {.path = "up/berth-security-marker-tar", .data = "x"}};
        QTest::newRow("hard link absolute")
            << std::vector<Entry>{{.type = 'h', .path = "etc/shadow", .link = "/etc/shadow"}};
        QTest::newRow("hard link climbing")
            << std::vector<Entry>{{.type = 'h', .path = "etc/shadow", .link = climb + "etc/shadow"}};
    }

    void review_archiveStaysInside()
    {
        using archive_test::Entry;
        QFETCH(std::vector<Entry>, entries);
        entries.insert(entries.begin(), Entry{.type = 'd', .path = "etc", .perm = 0755});
        struct stat shadow {};
        QCOMPARE(::stat("/etc/shadow", &shadow), 0);
        const berth::UniqueFd archive = archive_test::buildArchive(entries);
        QByteArray data;
        char buffer[65536];
        for (ssize_t n; (n = ::read(archive.get(), buffer, sizeof buffer)) > 0;)
            data.append(buffer, n);
        const Outcome outcome =
            m_session.berthctlAs(kMember, {QStringLiteral("create"), QStringLiteral("hostile"), QStringLiteral("-t"),
                                           QStringLiteral("tarball"), QStringLiteral("--file"),
                                           publicFile(QStringLiteral("hostile.tar"), data)});
        struct stat inside {};
        const QByteArray linked =
            (m_session.rootfs(QStringLiteral("hostile")) + QStringLiteral("/etc/shadow")).toUtf8();
        const bool isHostShadow = ::lstat(linked.constData(), &inside) == 0 && inside.st_dev == shadow.st_dev &&
                                  inside.st_ino == shadow.st_ino;
        struct stat after {};
        ::stat("/etc/shadow", &after);
        destroy(QStringLiteral("hostile"));
        QVERIFY2(markers().isEmpty(), qPrintable(markers().join(QLatin1Char(' ')) + describe(outcome)));
        QVERIFY2(!isHostShadow && after.st_nlink == shadow.st_nlink,
                 "the host's /etc/shadow was linked into the rootfs");
    }

    // Issue #16: a container archive's config is the member's text. Hooks,
    // kernel filesystems, includes, a privileged container and entries
    // outside rootfs/ are refused, and nothing is created.
    void review_containerArchiveConfigIsJudged_data()
    {
        using archive_test::Entry;
        QTest::addColumn<std::vector<Entry>>("entries");
        const std::string base = "lxc.uts.name = old\nberth.kind = system\nlxc.init.cmd = /sbin/init\n";
        const auto archive = [&](const std::string& extra, std::vector<Entry> more = {}) {
            std::vector<Entry> entries{{.path = "config", .data = base + extra},
                                       {.type = 'd', .path = "rootfs", .perm = 0755},
                                       {.type = 'd', .path = "rootfs/etc", .perm = 0755}};
            entries.insert(entries.end(), more.begin(), more.end());
            return entries;
        };
        QTest::newRow("hook") << archive("lxc.hook.pre-start = /bin/touch /run/berth-security-marker-hook\n");
        QTest::newRow("proc") << archive("lxc.mount.entry = proc proc proc rw 0 0\n");
        QTest::newRow("bind") << archive("lxc.mount.entry = / host none rbind,create=dir 0 0\n");
        QTest::newRow("include") << archive("lxc.include = /etc/shadow\n");
        QTest::newRow("privileged") << archive("berth.privileged = 1\n");
        QTest::newRow("device outside dev") << archive("", {{.type = 'c', .path = "rootfs/etc/null"}});
        QTest::newRow("outside rootfs") << archive("", {{.path = "run/berth-security-marker-tar", .data = "x"}});
    }

    void review_containerArchiveConfigIsJudged()
    {
        QFETCH(std::vector<archive_test::Entry>, entries);
        const berth::UniqueFd archive = archive_test::buildArchive(entries);
        QByteArray data;
        char buffer[65536];
        for (ssize_t n; (n = ::read(archive.get(), buffer, sizeof buffer)) > 0;)
            data.append(buffer, n);
        const Outcome outcome =
            m_session.berthctlAs(kMember, {QStringLiteral("create"), QStringLiteral("judged"), QStringLiteral("-t"),
                                           QStringLiteral("tarball"), QStringLiteral("--file"),
                                           publicFile(QStringLiteral("judged.tar"), data)});
        const bool created = QFile::exists(m_session.rootfs(QStringLiteral("judged")));
        destroy(QStringLiteral("judged"));
        QVERIFY2(outcome.code != 0 && !created, qPrintable(describe(outcome)));
        QVERIFY2(markers().isEmpty(), qPrintable(markers().join(QLatin1Char(' ')) + describe(outcome)));
    }

    // What ties an archive's container to a host is never taken from it:
    // a map onto the host's root and a rootfs path elsewhere give a
    // container of the member's with a block and a rootfs of its own.
    void review_containerArchiveIdentityIsDropped()
    {
        const std::string config = "lxc.uts.name = old\nberth.kind = system\nlxc.init.cmd = /sbin/init\n"
                                   "lxc.rootfs.path = dir:/\nlxc.idmap = u 0 0 65536\nlxc.idmap = g 0 0 65536\n";
        const berth::UniqueFd archive = archive_test::buildArchive({{.path = "config", .data = config},
                                                                    {.type = 'd', .path = "rootfs", .perm = 0755},
                                                                    {.type = 'd', .path = "rootfs/etc", .perm = 0755}});
        QByteArray data;
        char buffer[65536];
        for (ssize_t n; (n = ::read(archive.get(), buffer, sizeof buffer)) > 0;)
            data.append(buffer, n);
        const Outcome outcome =
            m_session.berthctlAs(kMember, {QStringLiteral("create"), QStringLiteral("tamed"), QStringLiteral("-t"),
                                           QStringLiteral("tarball"), QStringLiteral("--file"),
                                           publicFile(QStringLiteral("tamed.tar"), data)});
        QFile stored(m_session.rootfs(QStringLiteral("tamed")) + QStringLiteral("/../config"));
        const QString text = stored.open(QIODevice::ReadOnly) ? QString::fromUtf8(stored.readAll()) : QString();
        destroy(QStringLiteral("tamed"));
        QVERIFY2(outcome.code == 0, qPrintable(describe(outcome)));
        QVERIFY2(!text.contains(QLatin1String("u 0 0 65536")) && text.contains(QLatin1String("lxc.idmap = u 0 ")),
                 qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String("lxc.rootfs.path = dir:/\n")), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String("berth.privileged")), qPrintable(text));
    }
};

BERTH_SYSTEM_TEST_MAIN(TestReview)

#include "test_review.moc"
