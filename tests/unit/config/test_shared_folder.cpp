// berth.share: the line's parser and printer, the rules on its paths, how
// ContainerSpec reads it, and the map a share's mount is seen through.
#include "berth/model/shared_folder.h"
#include "spec/container_spec.h"
#include "runtime/shared_folders.h"

#include <QtTest>

using namespace berth;
using model::SharedFolder;

namespace {

const std::string kBase = "lxc.rootfs.path = dir:/var/lib/berth/containers/a/rootfs\n";
const std::string kMap = "lxc.idmap = u 0 1000000000 65536\nlxc.idmap = g 0 1000000000 65536\n";

Result<ContainerSpec> specOf(const std::string& text)
{
    auto config = Config::parse(kBase + text);
    if (!config)
        return fail(config.error());
    return ContainerSpec::fromConfig(*config);
}

} // namespace

class TestSharedFolder : public QObject {
    Q_OBJECT
private slots:
    void parsesAndPrints_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("target");
        QTest::addColumn<uint>("insideUid");
        QTest::addColumn<QString>("printed");
        QTest::newRow("plain") << "/home/u/project /src owner=1000:1000 uid=0 gid=0"
                               << "/home/u/project"
                               << "/src" << 0U << "/home/u/project /src owner=1000:1000 uid=0 gid=0";
        QTest::newRow("target normalized") << "/home/u/p src/./a/ owner=1000:100 gid=5 uid=1000"
                                           << "/home/u/p"
                                           << "/src/a" << 1000U << "/home/u/p /src/a owner=1000:100 uid=1000 gid=5";
        QTest::newRow("inner dot dot") << "/h/p /a/../b owner=1:1 uid=0 gid=0"
                                       << "/h/p"
                                       << "/b" << 0U << "/h/p /b owner=1:1 uid=0 gid=0";
        QTest::newRow("spaces escaped") << "/home/u/my\\040project /my\\040src owner=1:1 uid=0 gid=0"
                                        << "/home/u/my project"
                                        << "/my src" << 0U
                                        << "/home/u/my\\040project /my\\040src owner=1:1 uid=0 gid=0";
    }

    void parsesAndPrints()
    {
        QFETCH(QString, value);
        QFETCH(QString, host);
        QFETCH(QString, target);
        QFETCH(uint, insideUid);
        QFETCH(QString, printed);
        auto share = model::parseSharedFolder(value.toStdString());
        QVERIFY2(share, share ? "" : share.error().c_str());
        QCOMPARE(QString::fromStdString(share->hostPath), host);
        QCOMPARE(QString::fromStdString(share->target), target);
        QCOMPARE(share->insideUid, insideUid);
        QCOMPARE(QString::fromStdString(model::formatSharedFolder(*share)), printed);
        QCOMPARE(model::parseSharedFolder(model::formatSharedFolder(*share)), share);
    }

    void refusesWhatIsWrong_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("why");
        QTest::newRow("relative host") << "home/u /src owner=1:1 uid=0 gid=0"
                                       << "not an absolute path";
        QTest::newRow("host root") << "/ /src owner=0:0 uid=0 gid=0"
                                   << "root directory";
        QTest::newRow("host dot dot") << "/home/u/../../etc /src owner=1:1 uid=0 gid=0"
                                      << "not a normalized path";
        QTest::newRow("host double slash") << "/home//u /src owner=1:1 uid=0 gid=0"
                                           << "not a normalized path";
        QTest::newRow("target climbs out") << "/h/p ../../etc owner=1:1 uid=0 gid=0"
                                           << "climbs out";
        QTest::newRow("target climbs out later") << "/h/p /a/../../etc owner=1:1 uid=0 gid=0"
                                                 << "climbs out";
        QTest::newRow("target is root") << "/h/p /./ owner=1:1 uid=0 gid=0"
                                        << "root itself";
        QTest::newRow("target in /proc") << "/h/p /proc/sys owner=1:1 uid=0 gid=0"
                                         << "own /proc";
        QTest::newRow("target is /dev") << "/h/p dev/ owner=1:1 uid=0 gid=0"
                                        << "own /dev";
        QTest::newRow("target in /sys") << "/h/p /x/../sys/fs owner=1:1 uid=0 gid=0"
                                        << "own /sys";
        QTest::newRow("no owner") << "/h/p /src uid=0 gid=0"
                                  << "all needed";
        QTest::newRow("owner without gid") << "/h/p /src owner=1 uid=0 gid=0"
                                           << "UID:GID";
        QTest::newRow("bad uid") << "/h/p /src owner=1:1 uid=x gid=0"
                                 << "whole number";
        QTest::newRow("unknown option") << "/h/p /src owner=1:1 uid=0 gid=0 rw"
                                        << "unknown option 'rw'";
        QTest::newRow("bad escape") << "/h/p\\x /src owner=1:1 uid=0 gid=0"
                                    << "\\040";
        QTest::newRow("target only") << "/h/p"
                                     << "expected";
    }

    void refusesWhatIsWrong()
    {
        QFETCH(QString, value);
        QFETCH(QString, why);
        auto share = model::parseSharedFolder(value.toStdString());
        QVERIFY(!share);
        QVERIFY2(QString::fromStdString(share.error()).contains(why), share.error().c_str());
    }

    void specReadsShares()
    {
        auto spec = specOf(kMap + "berth.share = /h/a /a owner=1000:1000 uid=0 gid=0\n"
                                  "berth.share = /h/b /b owner=1000:1000 uid=1000 gid=1000\n");
        QVERIFY2(spec, spec ? "" : spec.error().describe().c_str());
        QCOMPARE(spec->shares.size(), std::size_t(2));
        QCOMPARE(spec->shares[1].target, std::string("/b"));
        QCOMPARE(spec->shares[1].insideUid, 1000U);
    }

    void specRefusesBadShares_data()
    {
        QTest::addColumn<QString>("lines");
        QTest::addColumn<QString>("why");
        QTest::newRow("syntax, with its line") << "berth.share = /h/a\n"
                                               << "config:2: berth.share";
        QTest::newRow("two at one target") << "berth.share = /h/a /a owner=1:1 uid=0 gid=0\n"
                                              "berth.share = /h/b /a/ owner=1:1 uid=0 gid=0\n"
                                           << "already at '/a'";
        QTest::newRow("inside uid not mapped")
            << QString::fromStdString(kMap) + "berth.share = /h/a /a owner=1:1 uid=70000 gid=0\n"
            << "uid 70000 is not in the container's lxc.idmap";
        QTest::newRow("inside gid not mapped")
            << QString::fromStdString(kMap) + "berth.share = /h/a /a owner=1:1 uid=0 gid=65536\n"
            << "gid 65536 is not";
    }

    void specRefusesBadShares()
    {
        QFETCH(QString, lines);
        QFETCH(QString, why);
        auto spec = specOf(lines.toStdString());
        QVERIFY(!spec);
        QVERIFY2(QString::fromStdString(spec.error().describe()).contains(why), spec.error().describe().c_str());
    }

    // The mount's map: the owner's IDs on disk onto the container's host IDs
    // of the chosen inside user; nothing else.
    void shareMapSendsOwnerToInsideUser()
    {
        const SharedFolder share{"/h/p", "/src", 1000, 100, 33, 44};
        auto unprivileged = runtime::shareIdMap(share, model::blockIdMap(1000000000));
        QVERIFY(unprivileged);
        QCOMPARE(unprivileged->procText(model::IdKind::User), std::string("1000 1000000033 1\n"));
        QCOMPARE(unprivileged->procText(model::IdKind::Group), std::string("100 1000000044 1\n"));
        auto privileged = runtime::shareIdMap(share, {});
        QVERIFY(privileged);
        QCOMPARE(privileged->procText(model::IdKind::User), std::string("1000 33 1\n"));
        QCOMPARE(privileged->procText(model::IdKind::Group), std::string("100 44 1\n"));
        const SharedFolder outside{"/h/p", "/src", 1000, 100, 70000, 0};
        QVERIFY(!runtime::shareIdMap(outside, model::blockIdMap(1000000000)));
    }
};

QTEST_GUILESS_MAIN(TestSharedFolder)
#include "test_shared_folder.moc"
