// registry/registry_policy.h and toml_reader.h (issue #21): registries.conf
// in both formats, the insecure, blocked and CA rules, and the errors of a
// broken file, from fixture files.
#include "registry/registry_policy.h"
#include "registry/toml_reader.h"

#include <QtTest>

using namespace berth::registry;

namespace {

const std::filesystem::path kFixtures = std::filesystem::path(BERTH_SOURCE_DIR) / "tests/unit/registry/fixtures";

RegistryPolicy load(const std::string& file)
{
    auto policy = loadRegistryPolicy(kFixtures / file, kFixtures / "certs.d");
    if (!policy)
        qFatal("%s", policy.error().describe().c_str());
    return *policy;
}

QStringList toList(const std::vector<std::string>& items)
{
    QStringList list;
    for (const std::string& item : items)
        list << QString::fromStdString(item);
    return list;
}

} // namespace

class TestRegistryPolicy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void missingFileGivesDefaults()
    {
        auto policy = loadRegistryPolicy(kFixtures / "no-such.conf", kFixtures / "no-such.d");
        QVERIFY(policy.has_value());
        QVERIFY(policy->searchRegistries.empty());
        QVERIFY(policy->registries.empty());
        QVERIFY(policy->caFiles("registry.example:5000").empty());
    }

    void version2()
    {
        const RegistryPolicy policy = load("registries-v2.conf");
        QCOMPARE(toList(policy.searchRegistries), (QStringList{"quay.io", "docker.io"}));
        QCOMPARE(policy.registries.size(), std::size_t{4}); // mirrors are not registries
        QVERIFY(policy.isInsecureHost("registry.example:5000"));
        QVERIFY(!policy.isInsecureHost("registry.example")); // another port is another registry
        QVERIFY(!policy.isInsecureHost("mirror.example"));
        QVERIFY(policy.isInsecureHost("a.internal.example"));
        QVERIFY(!policy.isInsecureHost("internal.example"));
        QVERIFY(!policy.isInsecureHost("ghcr.io"));
        QVERIFY(policy.isBlocked("quay.io/blocked/app"));
        QVERIFY(policy.isBlocked("quay.io/blocked"));
        QVERIFY(!policy.isBlocked("quay.io/blockedother"));
        QVERIFY(!policy.isBlocked("quay.io/team/app"));
    }

    void version1()
    {
        const RegistryPolicy policy = load("registries-v1.conf");
        QCOMPARE(toList(policy.searchRegistries), (QStringList{"registry.access.example", "docker.io"}));
        QVERIFY(policy.isInsecureHost("old.example:8080"));
        QVERIFY(policy.isBlocked("evil.example/x"));
        QVERIFY(!policy.isBlocked("docker.io/library/debian"));
    }

    void loopbackIsInsecureWithAnyPort_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("insecure");
        QTest::newRow("localhost") << "localhost" << true;
        QTest::newRow("localhost:5000") << "localhost:5000" << true;
        QTest::newRow("127.0.0.1:1") << "127.0.0.1:1" << true;
        QTest::newRow("[::1]:443") << "[::1]:443" << true;
        QTest::newRow("localhost.example") << "localhost.example" << false;
        QTest::newRow("127.0.0.10") << "127.0.0.10" << false;
        QTest::newRow("docker.io") << "docker.io" << false;
    }
    void loopbackIsInsecureWithAnyPort()
    {
        QFETCH(QString, host);
        QFETCH(bool, insecure);
        QCOMPARE(RegistryPolicy{}.isInsecureHost(host.toStdString()), insecure);
    }

    void caFilesAreTheCrtFiles()
    {
        const RegistryPolicy policy = load("registries-v2.conf");
        const auto files = policy.caFiles("registry.example:5000");
        QCOMPARE(files.size(), std::size_t{2});
        QCOMPARE(QString::fromStdString(files[0].filename()), QStringLiteral("ca.crt"));
        QCOMPARE(QString::fromStdString(files[1].filename()), QStringLiteral("extra.crt"));
        QVERIFY(policy.caFiles("registry.example").empty());
        // A host from a URL never becomes a path elsewhere.
        QVERIFY(policy.caFiles("..").empty());
        QVERIFY(policy.caFiles("registry.example:5000/../registry.example:5000").empty());
    }

    void brokenFileNamesItsLine()
    {
        auto policy = loadRegistryPolicy(kFixtures / "broken-line4.conf", {});
        QVERIFY(!policy.has_value());
        QCOMPARE(policy.error().code, EINVAL);
        const QString message = QString::fromStdString(policy.error().message);
        QVERIFY2(message.contains("broken-line4.conf:4:"), qPrintable(message));
        QVERIFY2(message.contains("expected '='"), qPrintable(message));
    }

    // Version 1 tables first, then [[registry]] tables (found by the fuzzer:
    // the second format's entries were indexed into the first's): refused
    // as containers/image refuses it, in either order.
    void mixedFormatsRefused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("v1 then v2") << "[registries.insecure]\nregistries = ['a.example', 'b.example']\n"
                                       "[[registry]]\nlocation = 'c.example'\n[[registry]]\nprefix = 'd.example'\n";
        QTest::newRow("v2 then v1") << "[[registry]]\nlocation = 'c.example'\n"
                                       "[registries.block]\nregistries = ['a.example']\n";
    }
    void mixedFormatsRefused()
    {
        QFETCH(QString, text);
        auto policy = parseRegistryPolicy(text.toStdString(), "registries.conf");
        QVERIFY(!policy.has_value());
        QCOMPARE(policy.error().code, EINVAL);
        QVERIFY2(QString::fromStdString(policy.error().message).contains("use one format"),
                 policy.error().message.c_str());
    }

    void wrongTypeNamesKeyAndLine()
    {
        auto policy = loadRegistryPolicy(kFixtures / "wrong-type.conf", {});
        QVERIFY(!policy.has_value());
        const QString message = QString::fromStdString(policy.error().message);
        QVERIFY2(message.contains("wrong-type.conf:3:"), qPrintable(message));
        QVERIFY2(message.contains("'insecure' is not true or false"), qPrintable(message));
    }

    void tomlValues()
    {
        const std::string text = "a = \"x\\ty\\u00e9\\\"\" # c\n"
                                 "b = 'C:\\raw'\n"
                                 "c = [ \"1\", # one\n  '2', ]\n"
                                 "d = false\n"
                                 "e = 42\n"
                                 "f = { x = 1, y = [1, 2] }\n"
                                 "g = \"\"\"\nmulti\nline\"\"\"\n"
                                 "\"quoted key\".dotted = true\n"
                                 "[t.u]\n"
                                 "h = 1979-05-27T07:32:00Z\n";
        auto doc = parseToml(text, "t.toml");
        QVERIFY2(doc.has_value(), doc ? "" : doc.error().message.c_str());
        QCOMPARE(doc->entries.size(), std::size_t{9});
        QCOMPARE(QString::fromStdString(doc->entries[0].value.text), QString::fromUtf8("x\ty\xc3\xa9\""));
        QCOMPARE(QString::fromStdString(doc->entries[1].value.text), QStringLiteral("C:\\raw"));
        QCOMPARE(doc->entries[2].value.items.size(), std::size_t{2});
        QCOMPARE(doc->entries[2].line, 3);
        QCOMPARE(doc->entries[3].value.kind, TomlValue::Kind::Bool);
        QVERIFY(!doc->entries[3].value.flag);
        QCOMPARE(doc->entries[4].value.kind, TomlValue::Kind::Other);
        QCOMPARE(QString::fromStdString(doc->entries[6].value.text), QStringLiteral("multi\nline"));
        QCOMPARE(QString::fromStdString(doc->entries[7].key), QStringLiteral("quoted key.dotted"));
        QCOMPARE(QString::fromStdString(doc->entries[8].table), QStringLiteral("t.u"));
        QCOMPARE(doc->entries[8].line, 13);
    }

    void tomlErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("unclosed string") << "a = \"x\n"
                                         << "t.toml:1: a string is not closed";
        QTest::newRow("unclosed array") << "a = [\"x\",\n"
                                        << "t.toml:2: an array is not closed";
        QTest::newRow("garbage after value") << "a = true false\n"
                                             << "t.toml:1: unexpected 'f' after the value";
        QTest::newRow("no value") << "\n\na =\n"
                                  << "t.toml:3: a value is missing";
        QTest::newRow("unclosed header") << "[a\n"
                                         << "t.toml:1: a table header is not closed";
        QTest::newRow("table twice") << "[a]\n[a]\n"
                                     << "t.toml:2: table [a] is defined twice";
        QTest::newRow("bad escape") << "a = \"\\q\"\n"
                                    << "t.toml:1: unknown escape '\\q'";
        QTest::newRow("deep nesting") << "a = " + QString(40, QLatin1Char('['))
                                      << "t.toml:1: values are nested too deeply";
    }
    void tomlErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        auto doc = parseToml(text.toStdString(), "t.toml");
        QVERIFY(!doc.has_value());
        QCOMPARE(QString::fromStdString(doc.error().message), message);
    }
};

QTEST_APPLESS_MAIN(TestRegistryPolicy)
#include "test_registry_policy.moc"
