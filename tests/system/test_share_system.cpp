// Shared folders through the real bus and polkit (issue #15): a member of
// group berth shares a folder of their own without a password and sees it
// inside through berthctl exec; /etc and another user's folder are refused
// with the administrator's reason; a berth.share line added through
// SetConfig is refused (only ShareFolder checks the owner), one kept as it
// was is not; berthctl unshare takes it away at the next start.
#include "berthctl_run.h"
#include "helper_calls.h"
#include "integration_bus.h"
#include "integration_env.h"
#include "system_bus.h"
#include "test_users.h"

#include <QCoreApplication>
#include <QDBusMessage>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace berth::test;

namespace {

const QString kBox = QStringLiteral("sharebox");
const QString kOutsider = QStringLiteral("berth-test-outsider");
// The container's own block, written by root (allocation is not this test's).
const QString kIdMap = QStringLiteral("lxc.idmap = u 0 1000000000 65536\nlxc.idmap = g 0 1000000000 65536\n");

// The config without its lxc.idmap lines.
QString withoutIdMap(const QString& config)
{
    QStringList kept;
    for (const QString& line : config.split(QLatin1Char('\n')))
        if (!line.startsWith(QLatin1String("lxc.idmap")))
            kept << line;
    return kept.join(QLatin1Char('\n'));
}

struct passwd* account(const QString& user)
{
    return ::getpwnam(user.toLocal8Bit().constData());
}

// A directory of `user` with one file of theirs in it.
bool makeFolderOf(const QString& path, const QString& user)
{
    const struct passwd* pw = account(user);
    if (!pw || !QDir().mkpath(path))
        return false;
    QFile file(path + QStringLiteral("/hello"));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write("hello from the host\n");
    file.close();
    const QByteArray local = path.toLocal8Bit();
    return ::chown(local.constData(), pw->pw_uid, pw->pw_gid) == 0 && ::chmod(local.constData(), 0755) == 0 &&
           ::chown((local + "/hello").constData(), pw->pw_uid, pw->pw_gid) == 0;
}

uint ownerOf(const QString& path)
{
    struct stat st {};
    return ::stat(path.toLocal8Bit().constData(), &st) == 0 ? st.st_uid : uint(-1);
}

} // namespace

class TestShareSystem : public QObject {
    Q_OBJECT
private:
    SystemBus m_bus;
    QTemporaryDir m_dir;

    Outcome asMember(const QStringList& args)
    {
        return runAsUser(kTestUser, QStringList{QStringLiteral(BERTHCTL_BINARY)} + args, m_bus.address());
    }

    QString config()
    {
        return callHelper(m_bus, kManager, QStringLiteral("GetConfig"), {kBox}).arguments().value(0).toString();
    }

    QJsonArray shares()
    {
        const Outcome info = berthctl({QStringLiteral("info"), kBox, QStringLiteral("--json")});
        return QJsonDocument::fromJson(info.out).object().value(QStringLiteral("shares")).toArray();
    }

    void rootSetConfig(const QString& text)
    {
        const QDBusMessage set = callHelper(m_bus, kManager, QStringLiteral("SetConfig"), {kBox, text});
        QVERIFY2(set.type() == QDBusMessage::ReplyMessage, qPrintable(set.errorMessage()));
    }

    QString folder(const QString& name) const { return m_dir.path() + QLatin1Char('/') + name; }

    static void verifyAdminRefusal(const Outcome& outcome, const QString& mentions)
    {
        QVERIFY2(outcome.code == 3, qPrintable(describe(outcome)));
        const QString said = both(outcome);
        QVERIFY2(said.contains(mentions), qPrintable(said));
        QVERIFY2(said.contains(QLatin1String("org.berth.host.bind-mount")), qPrintable(said));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(ensureMember(kTestUser, &why), qPrintable(why));
        QVERIFY2(ensureUser(kOutsider, &why), qPrintable(why));
        QVERIFY2(startTestBus(m_bus, &why), qPrintable(why));
        QVERIFY(m_dir.isValid());
        QVERIFY(::chmod(m_dir.path().toLocal8Bit().constData(), 0755) == 0);
        QVERIFY(makeFolderOf(folder(QStringLiteral("project")), kTestUser));
        QVERIFY(makeFolderOf(folder(QStringLiteral("theirs")), kOutsider));
        EXPECT_CODE(
            asMember({QStringLiteral("create"), kBox, QStringLiteral("-t"), QStringLiteral("busybox"),
                      QStringLiteral("--app"), QStringLiteral("--"), QStringLiteral("sleep"), QStringLiteral("1000")}),
            0);
    }

    void cleanupTestCase()
    {
        berthctl({QStringLiteral("destroy"), QStringLiteral("-f"), kBox});
        m_bus.stop();
        removeFromGroup(kTestUser, kBerthGroup);
    }

    // Its root would be the host's: CAP_CHOWN over every file in the folder.
    void containerWithoutItsOwnUserNamespaceNeedsTheAdministrator()
    {
        const QString original = config();
        const QString unmapped = withoutIdMap(original);
        rootSetConfig(unmapped);
        verifyAdminRefusal(
            asMember({QStringLiteral("share"), kBox, folder(QStringLiteral("project")), QStringLiteral("/src")}),
            QStringLiteral("which has no lxc.idmap"));
        QCOMPARE(config(), unmapped);
        // Back to the block creation gave it (or one written here where creation gives none).
        rootSetConfig(original.contains(QLatin1String("lxc.idmap")) ? original : original + kIdMap);
    }

    void memberSharesTheirFolder()
    {
        const Outcome shared =
            asMember({QStringLiteral("share"), kBox, folder(QStringLiteral("project")), QStringLiteral("/src")});
        EXPECT_CODE(shared, 0);
        QVERIFY2(shared.outText().contains(QLatin1String("next start")), qPrintable(describe(shared)));
        const QJsonArray listed = shares();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed[0].toObject().value(QStringLiteral("folder")).toString(), folder(QStringLiteral("project")));
        QCOMPARE(listed[0].toObject().value(QStringLiteral("target")).toString(), QStringLiteral("/src"));
        QCOMPARE(listed[0].toObject().value(QStringLiteral("ownerUid")).toInt(), int(account(kTestUser)->pw_uid));

        // A user of the container's own /etc/passwd, by name; an unknown one is refused.
        const berth::Paths paths(IntegrationEnvironment::instance().stateRoot());
        std::ofstream(paths.rootfsDir(kBox.toStdString()) / "etc/passwd", std::ios::app)
            << "dev:x:1000:1001::/:/bin/sh\n";
        // The container's root may leave a FIFO where the helper reads: it is passed over, never waited on.
        const std::string group = (paths.rootfsDir(kBox.toStdString()) / "etc/group").string();
        ::unlink(group.c_str());
        QVERIFY(::mkfifo(group.c_str(), 0644) == 0);
        EXPECT_CODE(asMember({QStringLiteral("share"), kBox, folder(QStringLiteral("project")),
                              QStringLiteral("/dev-src"), QStringLiteral("--user"), QStringLiteral("dev")}),
                    0);
        const Outcome unknown =
            asMember({QStringLiteral("share"), kBox, folder(QStringLiteral("project")), QStringLiteral("/x"),
                      QStringLiteral("--user"), QStringLiteral("nosuchuser")});
        QVERIFY2(unknown.code != 0 && both(unknown).contains(QLatin1String("nosuchuser")),
                 qPrintable(describe(unknown)));
        QCOMPARE(shares().size(), 2);

        EXPECT_CODE(asMember({QStringLiteral("start"), kBox}), 0);
        const Outcome seen =
            asMember({QStringLiteral("exec"), kBox, QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                      QStringLiteral("cat /src/hello; stat -c %u /src/hello; stat -c %u:%g /dev-src/hello; "
                                     "echo inside > /src/made")});
        EXPECT_CODE(seen, 0);
        QCOMPARE(seen.outText(), QStringLiteral("hello from the host\n0\n1000:1001\n"));
        // Written by root inside: the member's on the host.
        QCOMPARE(ownerOf(folder(QStringLiteral("project/made"))), uint(account(kTestUser)->pw_uid));
    }

    void foldersOfOthersNeedTheAdministrator()
    {
        const QString before = config();
        verifyAdminRefusal(
            asMember({QStringLiteral("share"), kBox, QStringLiteral("/etc"), QStringLiteral("/hostetc")}),
            QStringLiteral("a folder the caller does not own"));
        verifyAdminRefusal(
            asMember({QStringLiteral("share"), kBox, folder(QStringLiteral("theirs")), QStringLiteral("/theirs")}),
            QStringLiteral("a folder the caller does not own"));
        QCOMPARE(config(), before);
        // Root may share anyone's.
        EXPECT_CODE(
            berthctl({QStringLiteral("share"), kBox, folder(QStringLiteral("theirs")), QStringLiteral("/theirs")}), 0);
        EXPECT_CODE(berthctl({QStringLiteral("unshare"), kBox, QStringLiteral("/theirs")}), 0);
        QCOMPARE(config(), before);
    }

    void setConfigCannotAddAShare()
    {
        const QString before = config();
        const QString added = before + QStringLiteral("berth.share = /etc /hostetc owner=0:0 uid=0 gid=0\n");
        QString out;
        runAs(kTestUser,
              gdbusCall(m_bus, kManager + QStringLiteral(".SetConfig"))
                  << QStringLiteral("'%1'").arg(kBox) << gvariantString(added),
              &out);
        QVERIFY2(out.contains(QLatin1String("org.berth.Error.NotAuthorized")), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("berth.share")), qPrintable(out));
        QCOMPARE(config(), before);
        // Nor change the owner of the line that is there.
        QString changed = before;
        const QString owner = QStringLiteral("owner=%1:").arg(account(kTestUser)->pw_uid);
        QVERIFY(changed.contains(owner));
        changed.replace(owner, QStringLiteral("owner=0:"));
        out.clear();
        runAs(kTestUser,
              gdbusCall(m_bus, kManager + QStringLiteral(".SetConfig"))
                  << QStringLiteral("'%1'").arg(kBox) << gvariantString(changed),
              &out);
        QVERIFY2(out.contains(QLatin1String("org.berth.Error.NotAuthorized")), qPrintable(out));
        QCOMPARE(config(), before);
        // Other edits keep the share as it was: allowed.
        const QString edited = before + QStringLiteral("lxc.uts.name = edited\n");
        out.clear();
        const int code = runAs(kTestUser,
                               gdbusCall(m_bus, kManager + QStringLiteral(".SetConfig"))
                                   << QStringLiteral("'%1'").arg(kBox) << gvariantString(edited),
                               &out);
        QVERIFY2(code == 0, qPrintable(out));
        QCOMPARE(config(), edited);
    }

    void unshareTakesItAway()
    {
        EXPECT_CODE(asMember({QStringLiteral("unshare"), kBox, QStringLiteral("/src")}), 0);
        EXPECT_CODE(asMember({QStringLiteral("unshare"), kBox, QStringLiteral("/dev-src")}), 0);
        QVERIFY(shares().isEmpty());
        QVERIFY(!config().contains(QLatin1String("berth.share")));
        EXPECT_CODE(asMember({QStringLiteral("stop"), kBox}), 0);
        EXPECT_CODE(asMember({QStringLiteral("start"), kBox}), 0);
        const Outcome gone = asMember(
            {QStringLiteral("exec"), kBox, QStringLiteral("--"), QStringLiteral("cat"), QStringLiteral("/src/hello")});
        QVERIFY2(gone.code != 0, qPrintable(describe(gone)));
        EXPECT_CODE(asMember({QStringLiteral("stop"), kBox}), 0);
    }
};

BERTH_SYSTEM_TEST_MAIN(TestShareSystem)
#include "test_share_system.moc"
