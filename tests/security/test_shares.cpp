// Shared folders (issue #15): a member of group berth shares a folder of
// their own without a password, then tries to reach the host's files through
// it. Every attempt fails: the folder swapped for a symlink to /etc after
// sharing (the start is refused), a hard link to a root file in the folder
// (protected_hardlinks refuses it; one root made stays unreadable inside,
// since only the member's IDs are mapped), a /proc magic link as the folder,
// and targets that climb out of the rootfs with ".." or through a symlink
// planted inside.
#include "integration_bus.h"
#include "security_fixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QtTest>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace berth::test;

namespace {

const QString kApp = QStringLiteral("app");
// The container's own block, written by root (allocation is not this test's).
const QString kIdMap = QStringLiteral("lxc.idmap = u 0 1000000000 65536\nlxc.idmap = g 0 1000000000 65536\n");

} // namespace

class TestShares : public SecurityFixture {
    Q_OBJECT
private:
    QString m_home;    // the member's own directory, where they may rename and link
    QString m_project; // a folder of theirs in it

    Outcome member(const QStringList& args) { return m_session.berthctlAs(kMember, args); }
    Outcome memberShell(const QString& script)
    {
        return m_session.asUser(kMember, {QStringLiteral("sh"), QStringLiteral("-c"), script});
    }
    Outcome execInApp(const QString& script)
    {
        return member(
            {QStringLiteral("exec"), kApp, QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"), script});
    }
    void restartApp()
    {
        member({QStringLiteral("stop"), kApp});
        QCOMPARE(m_session.state(kApp), QStringLiteral("stopped"));
    }
    static bool hostHasMountAt(const QString& path)
    {
        QFile info(QStringLiteral("/proc/self/mountinfo"));
        if (!info.open(QIODevice::ReadOnly))
            return true;
        for (const QByteArray& line : info.readAll().split('\n'))
            if (line.split(' ').value(4) == path.toUtf8())
                return true;
        return false;
    }

protected:
    void setUpScene() override
    {
        startMemberApp();
        // Only a container with a user namespace of its own takes a member's
        // share: the block creation gave it, or one written here.
        const QString config = m_session.config(kApp);
        if (!config.contains(QLatin1String("lxc.idmap"))) {
            restartApp();
            QCOMPARE(m_session.setConfig(kApp, config + kIdMap), QString());
            EXPECT_CODE(member({QStringLiteral("start"), kApp}), 0);
        }
        const struct passwd* pw = ::getpwnam(kMember.toLocal8Bit().constData());
        QVERIFY(pw);
        m_home = m_files.path() + QStringLiteral("/home");
        m_project = m_home + QStringLiteral("/project");
        QVERIFY(QDir().mkpath(m_project));
        for (const QString& dir : {m_home, m_project})
            QVERIFY(::chown(dir.toLocal8Bit().constData(), pw->pw_uid, pw->pw_gid) == 0);
        QVERIFY(QFile::setPermissions(m_home, kPublicDir));
        QVERIFY(QFile::setPermissions(m_project, kPublicDir));
    }

private Q_SLOTS:
    // Shared while it was theirs, then swapped for a symlink to /etc: the
    // next start is refused naming the folder, and nothing of /etc shows.
    void symlinkSwapIsNeverMounted()
    {
        EXPECT_CODE(member({QStringLiteral("share"), kApp, m_project, QStringLiteral("/src")}), 0);
        restartApp();
        EXPECT_CODE(memberShell(QStringLiteral("mv '%1' '%1.away' && ln -s /etc '%1'").arg(m_project)), 0);
        const Outcome started = member({QStringLiteral("start"), kApp});
        QVERIFY2(started.code != 0, qPrintable(describe(started)));
        QVERIFY2(both(started).contains(QLatin1String("shared folder")) &&
                     both(started).contains(QLatin1String("symlink")),
                 qPrintable(describe(started)));
        QCOMPARE(m_session.state(kApp), QStringLiteral("stopped"));
        // Put back: it starts again, and shows the member's folder.
        EXPECT_CODE(memberShell(QStringLiteral("rm '%1' && mv '%1.away' '%1'").arg(m_project)), 0);
        EXPECT_CODE(member({QStringLiteral("start"), kApp}), 0);
        const Outcome seen = execInApp(QStringLiteral("ls /src; test -e /src/passwd && echo LEAK"));
        QVERIFY2(!seen.outText().contains(QLatin1String("LEAK")), qPrintable(describe(seen)));
        EXPECT_CODE(member({QStringLiteral("unshare"), kApp, QStringLiteral("/src")}), 0);
    }

    // The member cannot hard-link a root file into the folder; one root put
    // there is nobody's inside and stays unreadable and unwritable.
    void hardLinksReachNothing()
    {
        const Outcome linked =
            memberShell(QStringLiteral("ln /etc/shadow '%1/shadow'; ln /etc/passwd '%1/passwd'").arg(m_project));
        QVERIFY2(!QFile::exists(m_project + QStringLiteral("/shadow")) &&
                     !QFile::exists(m_project + QStringLiteral("/passwd")),
                 qPrintable(describe(linked)));
        const QString secret = m_files.path() + QStringLiteral("/secret");
        QVERIFY(writeFile(secret, "root's secret\n", kRootOnly));
        QVERIFY(::link(secret.toLocal8Bit().constData(),
                       (m_project + QStringLiteral("/secret")).toLocal8Bit().constData()) == 0);
        EXPECT_CODE(member({QStringLiteral("share"), kApp, m_project, QStringLiteral("/src")}), 0);
        restartApp();
        EXPECT_CODE(member({QStringLiteral("start"), kApp}), 0);
        const Outcome read = execInApp(QStringLiteral("stat -c %u /src/secret; cat /src/secret; echo x >> /src/secret; "
                                                      "chmod 666 /src/secret; chown 0:0 /src/secret; echo done"));
        QVERIFY2(read.outText().startsWith(QLatin1String("65534\n")), qPrintable(describe(read)));
        QVERIFY2(!read.outText().contains(QLatin1String("root's secret")), qPrintable(describe(read)));
        QCOMPARE(readFile(secret), QByteArray("root's secret\n"));
        struct stat st {};
        QVERIFY(::stat(secret.toLocal8Bit().constData(), &st) == 0);
        QVERIFY2(st.st_uid == 0 && st.st_gid == 0 && (st.st_mode & 07777) == 0600, qPrintable(describe(read)));
        QFile::remove(m_project + QStringLiteral("/secret"));
        QFile::remove(secret);
        EXPECT_CODE(member({QStringLiteral("unshare"), kApp, QStringLiteral("/src")}), 0);
    }

    // /proc's magic links: the member cannot hand one over (a descriptor of
    // a /proc directory is refused, its path is never taken from the caller),
    // and a config line naming one is refused at start even when root wrote it.
    void magicLinksAreRefused()
    {
        const Outcome procDir =
            m_session.gdbusAs(kMember, kManager + QStringLiteral(".ShareFolder"),
                              {kApp, QStringLiteral("handle 0"), QStringLiteral("/self"), QStringLiteral("root")},
                              {QStringLiteral(BERTH_FD_OPEN), QStringLiteral("0"), QStringLiteral("dir"),
                               QStringLiteral("/proc/self/fd"), QStringLiteral("--")});
        QVERIFY2(both(procDir).contains(QLatin1String("kernel filesystem")), qPrintable(describe(procDir)));
        const QString before = m_session.config(kApp);
        const QString magic =
            before + QStringLiteral("berth.share = /proc/self/root/etc /hostetc owner=0:0 uid=0 gid=0\n");
        const Outcome refused = memberSetConfig(kApp, magic);
        QVERIFY2(refused.code == 3 && both(refused).contains(QLatin1String("berth.share")),
                 qPrintable(describe(refused)));
        QCOMPARE(m_session.config(kApp), before);
        restartApp();
        QCOMPARE(m_session.setConfig(kApp, magic), QString());
        const Outcome started = member({QStringLiteral("start"), kApp});
        QVERIFY2(started.code != 0 && both(started).contains(QLatin1String("symlink")), qPrintable(describe(started)));
        QCOMPARE(m_session.setConfig(kApp, before), QString());
        EXPECT_CODE(member({QStringLiteral("start"), kApp}), 0);
    }

    // A target is inside the container, whatever it says: ".." is refused
    // before anything is written, and a symlink planted inside that climbs
    // out makes the start fail rather than mount on the host.
    void targetsStayInsideTheRootfs()
    {
        const QString before = m_session.config(kApp);
        for (const QString& target :
             {QStringLiteral("../../../etc"), QStringLiteral("/a/../../etc"), QStringLiteral("/")}) {
            const Outcome refused = member({QStringLiteral("share"), kApp, m_project, target});
            QVERIFY2(refused.code != 0, qPrintable(describe(refused)));
        }
        QCOMPARE(m_session.config(kApp), before);
        EXPECT_CODE(execInApp(QStringLiteral("ln -s ../../../../../../../../tmp /escape")), 0);
        EXPECT_CODE(member({QStringLiteral("share"), kApp, m_project, QStringLiteral("/escape")}), 0);
        restartApp();
        const Outcome started = member({QStringLiteral("start"), kApp});
        QVERIFY2(started.code != 0, qPrintable(describe(started)));
        QVERIFY(!hostHasMountAt(QStringLiteral("/tmp")));
        EXPECT_CODE(member({QStringLiteral("unshare"), kApp, QStringLiteral("/escape")}), 0);
        QFile::remove(m_session.rootfs(kApp) + QStringLiteral("/escape"));
        EXPECT_CODE(member({QStringLiteral("start"), kApp}), 0);
    }
};

BERTH_SYSTEM_TEST_MAIN(TestShares)
#include "test_shares.moc"
