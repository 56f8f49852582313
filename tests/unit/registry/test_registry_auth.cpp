// registry/registry_auth.h (issue #21): WWW-Authenticate challenges as
// registries write them (and as they should not), token answers, the token
// request's URL and form, Basic.
#include "registry/registry_auth.h"

#include <QtTest>

using namespace berth::registry;

class TestRegistryAuth : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void challenges_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<QStringList>("expected"); // "scheme|name=value|..." per challenge
        QTest::newRow("docker hub") << "Bearer "
                                       "realm=\"https://auth.docker.io/"
                                       "token\",service=\"registry.docker.io\",scope=\"repository:library/debian:pull\""
                                    << QStringList{"bearer|realm=https://auth.docker.io/token|scope=repository:library/"
                                                   "debian:pull|service=registry.docker.io"};
        QTest::newRow("basic") << "Basic realm=\"Registry Realm\"" << QStringList{"basic|realm=Registry Realm"};
        QTest::newRow("scheme case and spaces")
            << "  bEaReR   realm = \"r\" ,  service=svc " << QStringList{"bearer|realm=r|service=svc"};
        QTest::newRow("comma inside quotes")
            << "Bearer realm=\"https://a/t\",scope=\"repository:a:pull,push\",error=\"insufficient_scope\""
            << QStringList{"bearer|error=insufficient_scope|realm=https://a/t|scope=repository:a:pull,push"};
        QTest::newRow("escaped quote") << "Basic realm=\"say \\\"hi\\\" \\\\ ok\""
                                       << QStringList{"basic|realm=say \"hi\" \\ ok"};
        QTest::newRow("two challenges") << "Basic realm=\"b\", Bearer realm=\"https://t\",service=\"s\""
                                        << QStringList{"basic|realm=b", "bearer|realm=https://t|service=s"};
        QTest::newRow("scheme alone") << "Negotiate" << QStringList{"negotiate"};
        QTest::newRow("scheme alone then another")
            << "Negotiate, Basic realm=x" << QStringList{"negotiate", "basic|realm=x"};
    }
    void challenges()
    {
        QFETCH(QString, header);
        QFETCH(QStringList, expected);
        auto parsed = parseChallenges(header.toStdString());
        QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().message.c_str());
        QStringList got;
        for (const Challenge& c : *parsed) {
            QString text = QString::fromStdString(c.scheme);
            for (const auto& [name, value] : c.params)
                text += "|" + QString::fromStdString(name) + "=" + QString::fromStdString(value);
            got << text;
        }
        QCOMPARE(got, expected);
    }

    void garbage_data()
    {
        QTest::addColumn<QString>("header");
        QTest::newRow("empty") << "";
        QTest::newRow("unclosed quote") << "Bearer realm=\"https://a";
        QTest::newRow("equals first") << "=x";
        QTest::newRow("no equals") << "Bearer realm \"x\"";
        QTest::newRow("junk after value") << "Bearer realm=\"x\" junk";
        QTest::newRow("too long") << "Bearer realm=\"" + QString(9000, QLatin1Char('a')) + "\"";
    }
    void garbage()
    {
        QFETCH(QString, header);
        auto parsed = parseChallenges(header.toStdString());
        QVERIFY(!parsed.has_value());
        QCOMPARE(parsed.error().code, EINVAL);
        QVERIFY(QString::fromStdString(parsed.error().message).startsWith("WWW-Authenticate: "));
    }

    void tokens_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("token");
        QTest::addColumn<qint64>("expiresIn");
        QTest::newRow("token") << "{\"token\":\"abc\",\"expires_in\":300}" << true << "abc" << qint64(300);
        QTest::newRow("access_token") << "{\"access_token\":\"xyz\"}" << true << "xyz" << qint64(60);
        QTest::newRow("token wins") << "{\"token\":\"a\",\"access_token\":\"b\"}" << true << "a" << qint64(60);
        QTest::newRow("short expiry is 60") << "{\"token\":\"a\",\"expires_in\":5}" << true << "a" << qint64(60);
        QTest::newRow("no token") << "{\"expires_in\":300}" << false << "" << qint64(0);
        QTest::newRow("token not a string") << "{\"token\":5}" << false << "" << qint64(0);
        QTest::newRow("newline in token") << "{\"token\":\"a\\r\\nX-Evil: 1\"}" << false << "" << qint64(0);
        QTest::newRow("not json") << "<html>" << false << "" << qint64(0);
    }
    void tokens()
    {
        QFETCH(QString, json);
        QFETCH(bool, valid);
        QFETCH(QString, token);
        QFETCH(qint64, expiresIn);
        auto parsed = parseTokenResponse(json.toStdString());
        QCOMPARE(parsed.has_value(), valid);
        if (!valid)
            return;
        QCOMPARE(QString::fromStdString(parsed->token), token);
        QCOMPARE(qint64(parsed->expiresIn), expiresIn);
    }

    void tokenRequest()
    {
        Challenge c{"bearer", {{"realm", "https://auth.example/token"}, {"service", "registry example"}}};
        QCOMPARE(QString::fromStdString(tokenUrl(c, pullScope("library/debian"))),
                 QStringLiteral("https://auth.example/token?service=registry%20example&scope=repository%3Alibrary%2F"
                                "debian%3Apull"));
        c.params["realm"] = "https://auth.example/token?x=1";
        c.params.erase("service");
        QCOMPARE(QString::fromStdString(tokenUrl(c, "repository:a:pull")),
                 QStringLiteral("https://auth.example/token?x=1&scope=repository%3Aa%3Apull"));
        c.params["service"] = "s";
        QCOMPARE(QString::fromStdString(refreshTokenForm(c, "repository:a:pull", "tok&en")),
                 QStringLiteral("grant_type=refresh_token&service=s&scope=repository%3Aa%3Apull&client_id=berth&"
                                "refresh_token=tok%26en"));
    }

    void basic()
    {
        QCOMPARE(QString::fromStdString(basicAuthorization("Aladdin", "open sesame")),
                 QStringLiteral("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="));
        QCOMPARE(QString::fromStdString(basicAuthorization("a", "b")), QStringLiteral("Basic YTpi"));
        QCOMPARE(QString::fromStdString(basicAuthorization("ab", "c")), QStringLiteral("Basic YWI6Yw=="));
    }
};

QTEST_APPLESS_MAIN(TestRegistryAuth)
#include "test_registry_auth.moc"
