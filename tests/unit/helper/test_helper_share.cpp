// ShareFolder's rules: the folder as the helper sees its own descriptor,
// whether the caller owns it, and which berth.share lines of a SetConfig
// text need the administrator.
#include "share_rules.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fcntl.h>
#include <unistd.h>

using namespace berth;
using namespace berth::helper;

namespace {

Config configOf(const std::string& text)
{
    auto config = Config::parse(text);
    return config ? *config : Config();
}

} // namespace

class TestHelperShare : public QObject {
    Q_OBJECT
private slots:
    void folderFactsComeFromTheDescriptor()
    {
        QTemporaryDir dir;
        const QByteArray path = QFile::encodeName(dir.path());
        const int fd = ::open(path.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        auto facts = folderFacts(fd);
        QVERIFY2(facts, facts ? "" : facts.error().describe().c_str());
        QCOMPARE(QString::fromStdString(facts->path), QFileInfo(dir.path()).canonicalFilePath());
        QCOMPARE(facts->uid, ::geteuid());
        // Removed since: its path no longer leads to it.
        dir.remove();
        QVERIFY(!folderFacts(fd));
        ::close(fd);
    }

    void folderFactsRefuse_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("flags");
        QTest::addColumn<QString>("why");
        QTest::newRow("O_PATH") << "/tmp" << int(O_PATH | O_DIRECTORY) << "O_PATH";
        QTest::newRow("a file") << "/etc/hostname" << int(O_RDONLY) << "not a directory";
        QTest::newRow("proc") << "/proc/self/fd" << int(O_RDONLY | O_DIRECTORY) << "kernel filesystem";
        QTest::newRow("sysfs") << "/sys/kernel" << int(O_RDONLY | O_DIRECTORY) << "kernel filesystem";
        QTest::newRow("root") << "/" << int(O_RDONLY | O_DIRECTORY) << "root directory";
    }

    void folderFactsRefuse()
    {
        QFETCH(QString, path);
        QFETCH(int, flags);
        QFETCH(QString, why);
        const int fd = ::open(QFile::encodeName(path).constData(), flags | O_CLOEXEC);
        QVERIFY(fd >= 0);
        auto facts = folderFacts(fd);
        ::close(fd);
        QVERIFY(!facts);
        QVERIFY2(QString::fromStdString(facts.error().describe()).contains(why), facts.error().describe().c_str());
    }

    void ownerIsUidAndAGroupOfTheCaller()
    {
        const FolderFacts folder{"/home/u/p", 1000, 100};
        QVERIFY(callerOwnsFolder(folder, 1000, {1000, 100}));
        QVERIFY(!callerOwnsFolder(folder, 1000, {1000})); // the folder's group is not the caller's
        QVERIFY(!callerOwnsFolder(folder, 1001, {100}));
        QVERIFY(!folderExposure(folder, true));
        auto reason = folderExposure(folder, false);
        QVERIFY(reason);
        QVERIFY(reason->sentence().find("'/home/u/p'") != std::string::npos);
        QVERIFY(reason->sentence().find("does not own") != std::string::npos);
    }

    void containersWithoutTheirOwnUserNamespaceNeedTheAdministrator()
    {
        QVERIFY(!containerShareExposure("web", true));
        auto reason = containerShareExposure("web", false);
        QVERIFY(reason);
        QVERIFY2(reason->sentence().find("'web', which has no lxc.idmap") != std::string::npos,
                 reason->sentence().c_str());
    }

    void newShareLinesNeedTheAdministrator()
    {
        const std::string line = "berth.share = /h/p /src owner=1000:1000 uid=0 gid=0\n";
        const Config current = configOf("lxc.uts.name = a\n" + line);
        // Kept as it was (other lines edited): nothing to judge.
        QVERIFY(shareLineExposures(configOf("lxc.uts.name = b\n" + line), current).empty());
        // Removed: nothing either.
        QVERIFY(shareLineExposures(configOf("lxc.uts.name = b\n"), current).empty());
        // Added, or changed (another owner, folder or target): each named with its line.
        auto added = shareLineExposures(configOf(line + "berth.share = /etc /e owner=0:0 uid=0 gid=0\n"), current);
        QCOMPARE(added.size(), std::size_t(1));
        QVERIFY2(added[0].sentence().find(":2: berth.share = '/etc") != std::string::npos, added[0].sentence().c_str());
        QCOMPARE(shareLineExposures(configOf("berth.share = /h/p /src owner=0:0 uid=0 gid=0\n"), current).size(),
                 std::size_t(1));
        QCOMPARE(shareLineExposures(configOf(line), std::nullopt).size(), std::size_t(1));
    }

    void insideUsersAndTargets_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("target");
        QTest::addColumn<bool>("valid");
        QTest::newRow("root at /src") << "root"
                                      << "/src" << true;
        QTest::newRow("name and group") << "dev:staff"
                                        << "/home/dev/src" << true;
        QTest::newRow("number") << "1000"
                                << "/a/./b/" << true;
        QTest::newRow("empty user") << ""
                                    << "/src" << false;
        QTest::newRow("user with slash") << "a/b"
                                         << "/src" << false;
        QTest::newRow("user with space") << "a b"
                                         << "/src" << false;
        QTest::newRow("option-like user") << "-x"
                                          << "/src" << false;
        QTest::newRow("relative target") << "root"
                                         << "src" << false;
        QTest::newRow("climbing target") << "root"
                                         << "/a/../../etc" << false;
        QTest::newRow("root target") << "root"
                                     << "/" << false;
        QTest::newRow("target in /dev") << "root"
                                        << "/dev/.berth" << false;
        QTest::newRow("target like /dev") << "root"
                                          << "/devices" << true;
    }

    void insideUsersAndTargets()
    {
        QFETCH(QString, user);
        QFETCH(QString, target);
        QFETCH(bool, valid);
        const bool ok = validateInsideUser(user.toStdString()) && validateShareTarget(target.toStdString());
        QCOMPARE(ok, valid);
    }
};

QTEST_GUILESS_MAIN(TestHelperShare)
#include "test_helper_share.moc"
