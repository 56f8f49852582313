// The image config's fields the image store records and shows (issue #21):
// StopSignal, Labels, the creation time and the platform, and the RFC 3339
// times configs carry.
#include "image/oci_image_config.h"

#include <QtTest/QtTest>

#include <cerrno>

using namespace berth;
using namespace berth::image;

Q_DECLARE_METATYPE(std::optional<std::int64_t>)

class TestOciConfigRecord : public QObject {
    Q_OBJECT

private slots:
    void recordFieldsParse()
    {
        const char* const text = "{\"created\": \"2024-05-01T12:00:00.123456789Z\", \"os\": \"linux\","
                                 " \"architecture\": \"arm\", \"variant\": \"v7\","
                                 " \"config\": {\"StopSignal\": \"SIGRTMIN+3\","
                                 " \"Labels\": {\"org.opencontainers.image.title\": \"app\", \"b\": \"\"}}}";
        auto image = parseImageConfig(text, "config");
        QVERIFY2(image, image ? "" : image.error().describe().c_str());
        QCOMPARE(image->stopSignal, std::string("SIGRTMIN+3"));
        QCOMPARE(image->labels.size(), std::size_t(2));
        QCOMPARE(image->labels.at("org.opencontainers.image.title"), std::string("app"));
        QCOMPARE(image->created, std::int64_t(1714564800));
        QCOMPARE(image->os, std::string("linux"));
        QCOMPARE(image->architecture, std::string("arm"));
        QCOMPARE(image->variant, std::string("v7"));
    }

    void absentFieldsAreEmpty()
    {
        auto image = parseImageConfig("{\"created\": \"yesterday\"}", "config");
        QVERIFY(image);
        QVERIFY(image->stopSignal.empty() && image->labels.empty() && image->os.empty());
        QCOMPARE(image->created, std::int64_t(0)); // informative only: unreadable is unknown
    }

    void wrongTypesAreRefused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("stop signal a number") << "{\"config\":{\"StopSignal\":15}}";
        QTest::newRow("labels a list") << "{\"config\":{\"Labels\":[\"a\"]}}";
        QTest::newRow("label value a number") << "{\"config\":{\"Labels\":{\"a\":1}}}";
        QTest::newRow("created a number") << "{\"created\":0}";
        QTest::newRow("os a list") << "{\"os\":[]}";
    }
    void wrongTypesAreRefused()
    {
        QFETCH(QString, text);
        auto image = parseImageConfig(text.toStdString(), "config sha256:x");
        QVERIFY(!image);
        QCOMPARE(image.error().code, EINVAL);
    }

    void rfc3339_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<std::optional<std::int64_t>>("seconds");
        QTest::newRow("epoch") << "1970-01-01T00:00:00Z" << std::optional<std::int64_t>(0);
        QTest::newRow("fraction") << "2026-01-01T00:00:00.5Z" << std::optional<std::int64_t>(1767225600);
        QTest::newRow("offset east") << "2026-01-01T02:30:00+02:30" << std::optional<std::int64_t>(1767225600);
        QTest::newRow("offset west") << "2025-12-31T23:00:00-01:00" << std::optional<std::int64_t>(1767225600);
        QTest::newRow("lower-case t and z") << "2026-01-01t00:00:00z" << std::optional<std::int64_t>(1767225600);
        QTest::newRow("leap day") << "2024-02-29T00:00:00Z" << std::optional<std::int64_t>(1709164800);
        QTest::newRow("before the epoch") << "1969-12-31T23:59:59Z" << std::optional<std::int64_t>(-1);
        QTest::newRow("no zone") << "2026-01-01T00:00:00" << std::optional<std::int64_t>();
        QTest::newRow("not a leap day") << "2025-02-29T00:00:00Z" << std::optional<std::int64_t>();
        QTest::newRow("hour 24") << "2026-01-01T24:00:00Z" << std::optional<std::int64_t>();
        QTest::newRow("month 13") << "2026-13-01T00:00:00Z" << std::optional<std::int64_t>();
        QTest::newRow("signed digits") << "+026-01-01T00:00:00Z" << std::optional<std::int64_t>();
        QTest::newRow("date only") << "2026-01-01" << std::optional<std::int64_t>();
        QTest::newRow("bad offset") << "2026-01-01T00:00:00+2:00" << std::optional<std::int64_t>();
    }
    void rfc3339()
    {
        QFETCH(QString, text);
        QFETCH(std::optional<std::int64_t>, seconds);
        QCOMPARE(parseRfc3339(text.toStdString()), seconds);
    }
};

QTEST_APPLESS_MAIN(TestOciConfigRecord)
#include "test_oci_config_record.moc"
