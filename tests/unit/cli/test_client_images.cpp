// The image store's replies as the client reads them (issue #21): GetImage's
// and ListImages' dictionaries, a job's items, CreateContainer's image
// setup keys; and what berthctl prints of them (pull's layer lines, the
// images table, -p).
#include "client_types.h"
#include "image_types.h"
#include "image_views.h"
#include "value_parsers.h"

#include <QtTest>

using namespace berth::client;
using namespace berth::cli;

namespace {

const QString kId = QStringLiteral("sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");

QVariantMap fullImage()
{
    return {{QStringLiteral("id"), kId},
            {QStringLiteral("names"), QStringList{QStringLiteral("docker.io/library/debian:bookworm")}},
            {QStringLiteral("manifestDigest"), QStringLiteral("sha256:feed")},
            {QStringLiteral("os"), QStringLiteral("linux")},
            {QStringLiteral("architecture"), QStringLiteral("arm")},
            {QStringLiteral("variant"), QStringLiteral("v7")},
            {QStringLiteral("created"), qlonglong(1700000000)},
            {QStringLiteral("size"), qulonglong(50'000'000)},
            {QStringLiteral("sharedSize"), qulonglong(20'000'000)},
            {QStringLiteral("layers"), uint(5)},
            {QStringLiteral("sharedLayers"), uint(2)},
            {QStringLiteral("usedBy"), QStringList{QStringLiteral("web"), QStringLiteral("db")}},
            {QStringLiteral("entrypoint"), QStringList{QStringLiteral("/entry.sh")}},
            {QStringLiteral("cmd"), QStringList{QStringLiteral("bash")}},
            {QStringLiteral("env"), QStringList{QStringLiteral("PATH=/usr/bin")}},
            {QStringLiteral("workingDir"), QStringLiteral("/srv")},
            {QStringLiteral("user"), QStringLiteral("1000:1000")},
            {QStringLiteral("stopSignal"), QStringLiteral("SIGQUIT")},
            {QStringLiteral("exposedPorts"), QStringList{QStringLiteral("80/tcp")}},
            {QStringLiteral("labels"),
             QVariant::fromValue(QMap<QString, QString>{{QStringLiteral("maintainer"), QStringLiteral("me")}})}};
}

} // namespace

class TestClientImages : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void imageInfoReadsEveryField()
    {
        auto info = imageInfoFromMap(fullImage());
        QVERIFY2(info, qPrintable(info ? QString() : info.error().message));
        QCOMPARE(info->id, kId);
        QCOMPARE(info->names, QStringList{QStringLiteral("docker.io/library/debian:bookworm")});
        QCOMPARE(info->variant, QStringLiteral("v7"));
        QCOMPARE(info->created, qint64(1700000000));
        QCOMPARE(info->size, quint64(50'000'000));
        QCOMPARE(info->sharedSize, quint64(20'000'000));
        QCOMPARE(info->layers, 5u);
        QCOMPARE(info->sharedLayers, 2u);
        QCOMPARE(info->usedBy, (QStringList{QStringLiteral("web"), QStringLiteral("db")}));
        QCOMPARE(info->entrypoint, QStringList{QStringLiteral("/entry.sh")});
        QCOMPARE(info->cmd, QStringList{QStringLiteral("bash")});
        QCOMPARE(info->workingDir, QStringLiteral("/srv"));
        QCOMPARE(info->user, QStringLiteral("1000:1000"));
        QCOMPARE(info->stopSignal, QStringLiteral("SIGQUIT"));
        QCOMPARE(info->exposedPorts, QStringList{QStringLiteral("80/tcp")});
        QCOMPARE(info->labels.value(QStringLiteral("maintainer")), QStringLiteral("me"));
    }

    void wrongFieldTypeIsBadReplyNamingIt_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QVariant>("value");
        QTest::newRow("names") << "names" << QVariant(QStringLiteral("debian"));
        QTest::newRow("size") << "size" << QVariant(QStringLiteral("big"));
        QTest::newRow("usedBy") << "usedBy" << QVariant(true);
        QTest::newRow("id") << "id" << QVariant(42);
        QTest::newRow("labels") << "labels" << QVariant(QStringList{QStringLiteral("a=b")});
    }
    void wrongFieldTypeIsBadReplyNamingIt()
    {
        QFETCH(QString, field);
        QFETCH(QVariant, value);
        QVariantMap map = fullImage();
        map.insert(field, value);
        auto info = imageInfoFromMap(map, QStringLiteral("ListImages reply"));
        QVERIFY(!info);
        QCOMPARE(info.error().kind, ErrorKind::BadReply);
        QVERIFY2(info.error().message.contains(field), qPrintable(info.error().message));
        QVERIFY2(info.error().message.contains(QStringLiteral("ListImages reply")), qPrintable(info.error().message));
    }

    void imageWithoutIdIsBadReply()
    {
        QVariantMap map = fullImage();
        map.remove(QStringLiteral("id"));
        auto info = imageInfoFromMap(map);
        QVERIFY(!info);
        QCOMPARE(info.error().kind, ErrorKind::BadReply);
    }

    void absentFieldsKeepDefaults()
    {
        auto info = imageInfoFromMap({{QStringLiteral("id"), kId}});
        QVERIFY(info);
        QCOMPARE(info->size, quint64(0));
        QVERIFY(info->usedBy.isEmpty());
    }

    void oneBadImageFailsTheList()
    {
        QVariantMap bad = fullImage();
        bad.insert(QStringLiteral("layers"), QStringLiteral("five"));
        QVERIFY(imagesFromReply({fullImage()}));
        QVERIFY(!imagesFromReply({fullImage(), bad}));
    }

    void jobItems()
    {
        registerWireTypes();
        const BerthJobItems items{{QStringLiteral("sha256:aa"), QStringLiteral("downloading"), 10, 100},
                                  {QStringLiteral("sha256:bb"), QStringLiteral("exists"), 0, 0}};
        auto read = jobItemsFromVariant(QVariant::fromValue(items));
        QVERIFY(read);
        QCOMPARE(*read, items);
        auto wrong = jobItemsFromVariant(QVariant(QStringLiteral("layers")));
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().kind, ErrorKind::BadReply);
        QVERIFY(wrong.error().message.contains(QStringLiteral("Items")));
    }

    void imageSetupKeysAreSentWhenSet()
    {
        registerWireTypes();
        CreateRequest request;
        QVariantMap plain = createSetupMap(request);
        QVERIFY(!plain.contains(QStringLiteral("entrypoint")));
        QVERIFY(!plain.contains(QStringLiteral("credentials")));
        QVERIFY(!plain.contains(QStringLiteral("workingDir")));
        request.setup.entrypoint = QStringList(); // --entrypoint '': no entrypoint at all
        request.setup.workingDir = QStringLiteral("/srv");
        request.setup.user = QStringLiteral("nobody");
        request.credentials << RegistryLogin{QStringLiteral("localhost:5000"), QStringLiteral("u"),
                                             QStringLiteral("p")};
        const QVariantMap map = createSetupMap(request);
        QVERIFY(map.contains(QStringLiteral("entrypoint")));
        QCOMPARE(map.value(QStringLiteral("entrypoint")).toStringList(), QStringList());
        QCOMPARE(map.value(QStringLiteral("workingDir")).toString(), QStringLiteral("/srv"));
        QCOMPARE(map.value(QStringLiteral("user")).toString(), QStringLiteral("nobody"));
        QCOMPARE(map.value(QStringLiteral("credentials")).value<BerthRegistryLogins>(), request.credentials);
    }

    void itemLines_data()
    {
        QTest::addColumn<QString>("phase");
        QTest::addColumn<quint64>("done");
        QTest::addColumn<quint64>("total");
        QTest::addColumn<QString>("expected");
        QTest::newRow("waiting") << "waiting" << quint64(0) << quint64(0) << "0123456789ab: Waiting";
        QTest::newRow("downloading") << "downloading" << quint64(1024 * 1024) << quint64(4 * 1024 * 1024)
                                     << "0123456789ab: Downloading 1 MiB / 4 MiB";
        QTest::newRow("unknown size") << "downloading" << quint64(512) << quint64(0)
                                      << "0123456789ab: Downloading 512 B";
        QTest::newRow("verifying") << "verifying" << quint64(0) << quint64(0) << "0123456789ab: Verifying checksum";
        QTest::newRow("done") << "done" << quint64(0) << quint64(0) << "0123456789ab: Pull complete";
        QTest::newRow("exists") << "exists" << quint64(0) << quint64(0) << "0123456789ab: Already exists";
    }
    void itemLines()
    {
        QFETCH(QString, phase);
        QFETCH(quint64, done);
        QFETCH(quint64, total);
        QFETCH(QString, expected);
        QCOMPARE(itemLineText(ItemProgress{kId, phase, done, total}), expected);
    }

    void imagesTableRowPerName()
    {
        auto info = *imageInfoFromMap(fullImage());
        info.names << QStringLiteral("localhost:5000/team/app:1.0");
        ImageInfo unnamed;
        unnamed.id = kId;
        const QString table = imagesTable({info, unnamed}, 1700000000 + 7200);
        const QStringList lines = table.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QVERIFY(lines.at(0).startsWith(QStringLiteral("NAME")));
        QVERIFY(lines.at(0).contains(QStringLiteral("IMAGE ID")));
        QVERIFY(lines.at(1).startsWith(QStringLiteral("docker.io/library/debian")));
        QVERIFY(lines.at(1).contains(QStringLiteral("bookworm")));
        QVERIFY(lines.at(1).contains(QStringLiteral("0123456789ab ")));
        QVERIFY(lines.at(1).contains(QStringLiteral("web, db")));
        QVERIFY(lines.at(2).startsWith(QStringLiteral("localhost:5000/team/app")));
        QVERIFY(lines.at(2).contains(QStringLiteral("1.0")));
        QVERIFY(lines.at(3).startsWith(QStringLiteral("<none>")));
        QCOMPARE(imageIdsText({info}), QStringLiteral("0123456789ab\n"));
    }

    void nameAndTagSplit()
    {
        QCOMPARE(nameAndTag(QStringLiteral("localhost:5000/app:1")),
                 std::pair(QStringLiteral("localhost:5000/app"), QStringLiteral("1")));
        QCOMPARE(nameAndTag(QStringLiteral("localhost:5000/app")),
                 std::pair(QStringLiteral("localhost:5000/app"), QStringLiteral("<none>")));
        QCOMPARE(nameAndTag(QStringLiteral("quay.io/a/b@sha256:00")),
                 std::pair(QStringLiteral("quay.io/a/b"), QStringLiteral("<none>")));
    }

    void publish_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("forward"); // empty: refused
        QTest::newRow("tcp") << "8080:80"
                             << "tcp:8080:80";
        QTest::newRow("udp") << "5353:53/udp"
                             << "udp:5353:53";
        QTest::newRow("address") << "127.0.0.1:8080:80/tcp"
                                 << "tcp:127.0.0.1:8080:80";
        QTest::newRow("one port") << "80"
                                  << "";
        QTest::newRow("sctp") << "80:80/sctp"
                              << "";
        QTest::newRow("zero") << "0:80"
                              << "";
        QTest::newRow("too big") << "8080:70000"
                                 << "";
        QTest::newRow("words") << "web:http"
                               << "";
    }
    void publish()
    {
        QFETCH(QString, text);
        QFETCH(QString, forward);
        auto parsed = parsePublish(text);
        QCOMPARE(parsed.has_value(), !forward.isEmpty());
        if (parsed)
            QCOMPARE(*parsed, forward);
    }

    void inspectAndPruneText()
    {
        const auto info = *imageInfoFromMap(fullImage());
        const QString details = imageDetails(info);
        QVERIFY(details.contains(QStringLiteral("Id: ") + kId));
        QVERIFY(details.contains(QStringLiteral("Platform: linux/arm/v7")));
        QVERIFY(details.contains(QStringLiteral("Used by: web, db")));
        QVERIFY(details.contains(QStringLiteral("Labels: maintainer=me")));
        const QString pruned = pruneText(PruneResult{{kId}, {QStringLiteral("sha256:11")}, 2048});
        QVERIFY(pruned.contains(QStringLiteral("Deleted image ") + kId));
        QVERIFY(pruned.contains(QStringLiteral("Deleted layer sha256:11")));
        QVERIFY(pruned.contains(QStringLiteral("Space freed: 2 KiB")));
    }
};

QTEST_GUILESS_MAIN(TestClientImages)
#include "test_client_images.moc"
