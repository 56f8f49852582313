// registry/http_client.h (issue #21), what needs no server: the host of a
// URL, an HTTP status as an error with the registry's own words (untrusted
// text, cut and made printable), and a scheme refused before any transfer.
#include "berth/templates.h"
#include "registry/http_client.h"
#include "registry/registry_policy.h"

#include <QtTest>

#include <cerrno>

using namespace berth;
using namespace berth::registry;

class TestRegistryHttp : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void hostPort_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("hostPort");
        QTest::newRow("https") << "https://quay.io/v2/"
                               << "quay.io";
        QTest::newRow("port") << "http://127.0.0.1:5000/v2/app/manifests/x"
                              << "127.0.0.1:5000";
        QTest::newRow("upper case") << "https://Registry.Example/v2/"
                                    << "registry.example";
        QTest::newRow("ipv6") << "http://[::1]:5000/v2/"
                              << "[::1]:5000";
        QTest::newRow("not a url") << "::"
                                   << "";
    }
    void hostPort()
    {
        QFETCH(QString, url);
        QFETCH(QString, hostPort);
        QCOMPARE(QString::fromStdString(urlHostPort(url.toStdString())), hostPort);
    }

    void statusErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("body");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("404 with the registry's words")
            << 404 << "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}" << ENOENT
            << "registry 'r.example:5000' answered 404 for manifest 'v1' (manifest unknown)";
        QTest::newRow("401") << 401 << "" << EACCES << "registry 'r.example:5000' answered 401 for manifest 'v1'";
        QTest::newRow("403") << 403 << "<html>" << EACCES << "registry 'r.example:5000' answered 403 for manifest 'v1'";
        QTest::newRow("429") << 429 << "" << EAGAIN << "registry 'r.example:5000' answered 429 for manifest 'v1'";
        QTest::newRow("503") << 503 << "" << EAGAIN << "registry 'r.example:5000' answered 503 for manifest 'v1'";
        QTest::newRow("418") << 418 << "" << EIO << "registry 'r.example:5000' answered 418 for manifest 'v1'";
        QTest::newRow("control characters") << 404 << "{\"errors\":[{\"message\":\"a\\nb\\u001b[31m\"}]}" << ENOENT
                                            << "registry 'r.example:5000' answered 404 for manifest 'v1' (a b [31m)";
        QTest::newRow("cut at 200") << 500 << "{\"errors\":[{\"message\":\"" + QString(300, QLatin1Char('x')) + "\"}]}"
                                    << EAGAIN
                                    << "registry 'r.example:5000' answered 500 for manifest 'v1' (" +
                                           QString(200, QLatin1Char('x')) + ")";
        QTest::newRow("message not a string") << 404 << "{\"errors\":[{\"message\":5}]}" << ENOENT
                                              << "registry 'r.example:5000' answered 404 for manifest 'v1'";
    }
    void statusErrors()
    {
        QFETCH(int, status);
        QFETCH(QString, body);
        QFETCH(int, code);
        QFETCH(QString, message);
        HttpResponse response;
        response.status = status;
        response.url = "https://r.example:5000/v2/app/manifests/v1";
        response.body = body.toStdString();
        const Error e = statusError(response, "manifest 'v1'");
        QCOMPARE(e.code, code);
        QCOMPARE(QString::fromStdString(e.message), message);
    }

    // Plain http to a host nobody listed is refused before a connection.
    void plainHttpRefusedUpFront()
    {
        HttpRequest request;
        request.url = "http://registry.example:5000/v2/";
        auto answer = fetch(RegistryPolicy{}, request, {}, Progress{});
        QVERIFY(!answer.has_value());
        QCOMPARE(answer.error().code, EACCES);
        QVERIFY2(answer.error().message.find("plain http is refused") != std::string::npos,
                 answer.error().message.c_str());
        request.url = "ftp://registry.example/v2/";
        auto ftp = fetch(RegistryPolicy{}, request, {}, Progress{});
        QVERIFY(!ftp.has_value());
        QCOMPARE(ftp.error().code, EACCES);
    }

    void headersByAnyCase()
    {
        HttpResponse response;
        response.headers["www-authenticate"] = "Basic realm=x";
        QCOMPARE(QString::fromStdString(response.header("WWW-Authenticate")), QStringLiteral("Basic realm=x"));
        QVERIFY(response.header("Location").empty());
    }
};

QTEST_APPLESS_MAIN(TestRegistryHttp)
#include "test_registry_http.moc"
