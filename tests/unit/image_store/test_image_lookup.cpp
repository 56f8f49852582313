// The image store's records (their JSON both ways, damaged ones refused)
// and how a reference finds one: full and short names, search registries,
// name@digest, full ids and prefixes, ambiguity, nonsense.
#include "image_store/image_lookup.h"
#include "image_store/image_record.h"

#include <QtTest/QtTest>

using namespace berth;
using namespace berth::image_store;

namespace {

std::string hexOf(char c)
{
    return std::string(64, c);
}

ImageRecord record(char idDigit, std::vector<std::string> names, std::string manifest = "")
{
    ImageRecord r;
    r.id = "sha256:" + hexOf(idDigit);
    r.names = std::move(names);
    r.manifestDigest = manifest.empty() ? "sha256:" + hexOf('e') : manifest;
    r.diffIds = {"sha256:" + hexOf('1')};
    r.layerDigests = {"sha256:" + hexOf('2')};
    return r;
}

} // namespace

class TestImageLookup : public QObject {
    Q_OBJECT

    std::vector<ImageRecord> m_records = {
        record('a', {"docker.io/library/debian:bookworm", "docker.io/library/debian:latest"}),
        record('b', {"quay.io/team/app:1"}, "sha256:" + hexOf('f')),
        // Ids that share their first 12 digits with nothing else but each other's prefix.
        [] {
            auto r = record('c', {});
            r.id = "sha256:" + std::string(12, 'c') + hexOf('d').substr(12);
            return r;
        }(),
        [] {
            auto r = record('c', {"localhost:5000/x:latest"});
            r.id = "sha256:" + std::string(12, 'c') + hexOf('0').substr(12);
            return r;
        }(),
    };

private slots:
    void recordRoundTrips()
    {
        ImageRecord r = record('a', {"docker.io/library/debian:bookworm"});
        r.entrypoint = {"/bin/sh", "-c"};
        r.env = {"PATH=/bin"};
        r.labels = {{"k", "v \xff"}}; // not UTF-8: replaced, not thrown
        r.created = 1700000000;
        r.stopSignal = "SIGINT";
        auto parsed = parseRecord(recordText(r), "r");
        QVERIFY2(parsed, parsed ? "" : parsed.error().describe().c_str());
        QCOMPARE(parsed->names, r.names);
        QCOMPARE(parsed->entrypoint, r.entrypoint);
        QCOMPARE(parsed->created, r.created);
        QCOMPARE(parsed->stopSignal, r.stopSignal);
        QCOMPARE(parsed->labels.size(), 1u);
    }

    void damagedRecordsAreRefused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("not json") << "{";
        QTest::newRow("id not a digest") << R"({"id":"sha256:zz","diffIds":[],"layerDigests":[]})";
        QTest::newRow("names not strings") << QString(R"({"id":"sha256:%1","names":[1]})").arg(QString(64, 'a'));
        QTest::newRow("layers do not match")
            << QString(R"({"id":"sha256:%1","diffIds":["x"],"layerDigests":[]})").arg(QString(64, 'a'));
    }
    void damagedRecordsAreRefused()
    {
        QFETCH(QString, text);
        QVERIFY(!parseRecord(text.toStdString(), "r"));
    }

    void lookup_data()
    {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<QStringList>("search");
        QTest::addColumn<int>("index"); // -1: ENOENT, -2: EINVAL
        QTest::addColumn<QString>("name");
        QTest::newRow("short name with tag")
            << "debian:bookworm" << QStringList{} << 0 << "docker.io/library/debian:bookworm";
        QTest::newRow("short name: latest") << "debian" << QStringList{} << 0 << "docker.io/library/debian:latest";
        QTest::newRow("full name") << "docker.io/library/debian:latest" << QStringList{} << 0
                                   << "docker.io/library/debian:latest";
        QTest::newRow("through a search registry")
            << "team/app:1" << QStringList{"docker.io", "quay.io"} << 1 << "quay.io/team/app:1";
        QTest::newRow("not in the default search") << "team/app:1" << QStringList{} << -1 << "";
        QTest::newRow("name at a digest") << "quay.io/team/app@sha256:" + QString(64, 'f') << QStringList{} << 1
                                          << "quay.io/team/app@sha256:" + QString(64, 'f');
        QTest::newRow("full id") << "sha256:" + QString(64, 'b') << QStringList{} << 1 << "";
        QTest::newRow("bare id") << QString(64, 'a') << QStringList{} << 0 << "";
        QTest::newRow("prefix of 12") << "bbbbbbbbbbbb" << QStringList{} << 1 << "";
        QTest::newRow("ambiguous prefix") << "cccccccccccc" << QStringList{} << -2 << "";
        QTest::newRow("longer prefix") << "ccccccccccccd" << QStringList{} << 2 << "";
        QTest::newRow("short prefix is a name") << "bbbbbb" << QStringList{} << -1 << "";
        QTest::newRow("missing tag") << "debian:trixie" << QStringList{} << -1 << "";
        QTest::newRow("nonsense") << "Not A Name!" << QStringList{} << -2 << "";
        QTest::newRow("localhost") << "localhost:5000/x" << QStringList{} << 3 << "localhost:5000/x:latest";
    }
    void lookup()
    {
        QFETCH(QString, reference);
        QFETCH(QStringList, search);
        QFETCH(int, index);
        QFETCH(QString, name);
        std::vector<std::string> registries;
        for (const QString& s : search)
            registries.push_back(s.toStdString());
        auto found = findRecord(m_records, registries, reference.toStdString());
        if (index < 0) {
            QVERIFY(!found);
            QCOMPARE(found.error().code, index == -1 ? ENOENT : EINVAL);
            return;
        }
        QVERIFY2(found, found ? "" : found.error().describe().c_str());
        QCOMPARE(int(found->index), index);
        QCOMPARE(QString::fromStdString(found->name), name);
    }
};

QTEST_GUILESS_MAIN(TestImageLookup)
#include "test_image_lookup.moc"
