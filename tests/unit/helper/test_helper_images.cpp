// The image store's arguments as the helper checks them before
// authorization (issue #21): references (a caller names an image, never a
// path), lookups by id, registry logins (hostile ones included: too many,
// too long, header injection, a path as registry); CreateContainer's image
// setup keys; and the throttle of a job's item signals.
#include "create_setup_args.h"
#include "dbus_types.h"
#include "error_names.h"
#include "item_throttle.h"
#include "validation.h"

#include <QtTest>

#include <cerrno>

using namespace berth;
using namespace berth::helper;

Q_DECLARE_METATYPE(std::vector<berth::RegistryCredential>)

class TestHelperImages : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void references_data()
    {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<bool>("valid");
        QTest::newRow("short") << "debian" << true;
        QTest::newRow("tag") << "debian:bookworm" << true;
        QTest::newRow("registry port") << "localhost:5000/team/app:1.0" << true;
        QTest::newRow("digest") << "quay.io/a/b@sha256:" + QString(64, QLatin1Char('a')) << true;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("absolute path") << "/etc/shadow" << false;
        QTest::newRow("dot dot") << "../../etc/passwd" << false;
        QTest::newRow("upper case") << "Debian" << false;
        QTest::newRow("newline") << "debian\n:latest" << false;
        QTest::newRow("space") << "debian latest" << false;
        QTest::newRow("short digest") << "debian@sha256:abc" << false;
        QTest::newRow("url") << "https://evil.example/app" << false;
        QTest::newRow("huge") << QString(2000, QLatin1Char('a')) << false;
    }
    void references()
    {
        QFETCH(QString, reference);
        QFETCH(bool, valid);
        const auto status = validateImageReference(reference.toStdString());
        QVERIFY2(bool(status) == valid, status ? "accepted" : status.error().describe().c_str());
        if (!status)
            QCOMPARE(errorNameFor(status.error()), kErrorInvalidArgument);
    }

    void lookups_data()
    {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<bool>("valid");
        QTest::newRow("name") << "debian:bookworm" << true;
        QTest::newRow("full id") << "sha256:" + QString(64, QLatin1Char('0')) << true;
        QTest::newRow("prefix") << "0123456789ab" << true;
        QTest::newRow("id too long") << QString(65, QLatin1Char('a')) + QStringLiteral("/") << false;
        QTest::newRow("tab") << "0123456789ab\tx" << false;
        QTest::newRow("path") << "/var/lib/berth/images" << false;
    }
    void lookups()
    {
        QFETCH(QString, reference);
        QFETCH(bool, valid);
        QCOMPARE(bool(validateImageLookup(reference.toStdString())), valid);
    }

    void credentials_data()
    {
        using List = std::vector<RegistryCredential>;
        QTest::addColumn<List>("list");
        QTest::addColumn<bool>("valid");
        QTest::newRow("none") << List{} << true;
        QTest::newRow("basic") << List{{"localhost:5000", "ann", "secret"}} << true;
        QTest::newRow("token") << List{{"docker.io", "", "refresh-token"}} << true;
        QTest::newRow("ipv4 port") << List{{"127.0.0.1:5000", "a", "b"}} << true;
        QTest::newRow("seventeen") << List(17, RegistryCredential{"quay.io", "a", "b"}) << false;
        QTest::newRow("long secret") << List{{"quay.io", "a", std::string(4097, 'x')}} << false;
        QTest::newRow("long user") << List{{"quay.io", std::string(4097, 'x'), "b"}} << false;
        QTest::newRow("header injection") << List{{"quay.io", "a", "b\r\nHost: evil"}} << false;
        QTest::newRow("nul") << List{{"quay.io", "a", std::string("b\0c", 3)}} << false;
        QTest::newRow("colon user") << List{{"quay.io", "a:b", "c"}} << false;
        QTest::newRow("empty secret") << List{{"quay.io", "a", ""}} << false;
        QTest::newRow("path registry") << List{{"/etc", "a", "b"}} << false;
        QTest::newRow("registry with path") << List{{"quay.io/team", "a", "b"}} << false;
        QTest::newRow("no dot") << List{{"intranet", "a", "b"}} << false;
        QTest::newRow("url registry") << List{{"https://quay.io", "a", "b"}} << false;
        QTest::newRow("empty registry") << List{{"", "a", "b"}} << false;
    }
    void credentials()
    {
        QFETCH(std::vector<RegistryCredential>, list);
        QFETCH(bool, valid);
        const auto status = validateCredentials(list);
        QVERIFY2(bool(status) == valid, status ? "accepted" : status.error().describe().c_str());
    }

    void refusalsNeverQuoteSecrets()
    {
        const auto status = validateCredentials({{"quay.io", "a:user", "hunter2\n"}});
        QVERIFY(!status);
        QVERIFY(status.error().describe().find("hunter2") == std::string::npos);
        QVERIFY(status.error().describe().find("a:user") == std::string::npos);
    }

    void noSuchImageIsNotFound()
    {
        const Error missing = Error::make(ENOENT, "no image 'x'");
        QCOMPARE(errorNameFor(missing), kErrorFailed); // a missing file elsewhere
        QCOMPARE(imageErrorNameFor(missing), kErrorNotFound);
        QCOMPARE(imageErrorNameFor(Error::make(EBUSY, "used by 'web'")), kErrorBusy);
        QCOMPARE(imageErrorNameFor(Error::make(EIO, "broken")), kErrorFailed);
    }

    void imageSetupKeys()
    {
        registerDBusTypes();
        const QVariantMap given{
            {QStringLiteral("entrypoint"), QStringList{QStringLiteral("/bin/sh"), QStringLiteral("-c")}},
            {QStringLiteral("workingDir"), QStringLiteral("/srv")},
            {QStringLiteral("user"), QStringLiteral("1000:1000")},
            {QStringLiteral("credentials"),
             QVariant::fromValue(
                 BerthRegistryLogins{{QStringLiteral("localhost:5000"), QStringLiteral("u"), QStringLiteral("p")}})},
        };
        auto args = parseCreateSetup(given);
        QVERIFY2(args, args ? "" : args.error().describe().c_str());
        QCOMPARE(args->setup.entrypoint, (std::optional<std::vector<std::string>>{{"/bin/sh", "-c"}}));
        QCOMPARE(args->setup.workingDir, std::string("/srv"));
        QCOMPARE(args->setup.user, std::string("1000:1000"));
        QCOMPARE(args->credentials.size(), std::size_t(1));
        QCOMPARE(args->credentials.at(0).registry, std::string("localhost:5000"));
        auto empty = parseCreateSetup({{QStringLiteral("entrypoint"), QStringList()}});
        QVERIFY(empty && empty->setup.entrypoint && empty->setup.entrypoint->empty());
        auto none = parseCreateSetup({});
        QVERIFY(none && !none->setup.entrypoint);
    }

    void imageSetupKeysRefused_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QVariant>("value");
        QTest::newRow("entrypoint string") << "entrypoint" << QVariant(QStringLiteral("/bin/sh"));
        QTest::newRow("relative workdir") << "workingDir" << QVariant(QStringLiteral("srv"));
        QTest::newRow("dotdot workdir") << "workingDir" << QVariant(QStringLiteral("/srv/../.."));
        QTest::newRow("user spaces") << "user" << QVariant(QStringLiteral("root x"));
        QTest::newRow("user two colons") << "user" << QVariant(QStringLiteral("1:2:3"));
        QTest::newRow("user newline") << "user" << QVariant(QStringLiteral("root\nlxc.x=1"));
        QTest::newRow("credentials strings") << "credentials" << QVariant(QStringList{QStringLiteral("a")});
        QTest::newRow("credentials hostile")
            << "credentials"
            << QVariant::fromValue(
                   BerthRegistryLogins{{QStringLiteral("quay.io"), QStringLiteral("u"), QStringLiteral("p\r\nX: y")}});
    }
    void imageSetupKeysRefused()
    {
        registerDBusTypes();
        QFETCH(QString, key);
        QFETCH(QVariant, value);
        auto args = parseCreateSetup({{key, value}});
        QVERIFY(!args);
        QCOMPARE(errorNameFor(args.error()), kErrorInvalidArgument);
    }

    void throttle()
    {
        using namespace std::chrono_literals;
        ItemThrottle throttle;
        const auto t0 = ItemThrottle::Clock::time_point{} + 1h;
        QVERIFY(throttle.shouldSend("a", "downloading", 1, 100, t0));
        QVERIFY(!throttle.shouldSend("a", "downloading", 2, 100, t0 + 10ms));
        QVERIFY(throttle.shouldSend("b", "downloading", 1, 100, t0 + 10ms)); // per item
        QVERIFY(throttle.shouldSend("a", "downloading", 3, 100, t0 + 260ms));
        QVERIFY(throttle.shouldSend("a", "downloading", 100, 100, t0 + 270ms)); // the last count
        QVERIFY(throttle.shouldSend("a", "verifying", 0, 0, t0 + 271ms));       // a new phase
        QVERIFY(!throttle.shouldSend("a", "verifying", 0, 0, t0 + 272ms));
    }
};

QTEST_GUILESS_MAIN(TestHelperImages)
#include "test_helper_images.moc"
