// model/image_reference.h (issue #21): references as Docker users type
// them, Docker's own edge cases, the short-name candidates and the keys of
// a registry's login.
#include "berth/model/image_reference.h"

#include <QtTest>

using namespace berth::model;

Q_DECLARE_METATYPE(ReferenceProblem)

namespace {

const QString kHex = QString(64, QLatin1Char('a'));
const QString kDigest = QStringLiteral("sha256:") + kHex;

QStringList toList(const std::vector<std::string>& items)
{
    QStringList list;
    for (const std::string& item : items)
        list << QString::fromStdString(item);
    return list;
}

} // namespace

class TestModelImageReference : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void valid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("registry");
        QTest::addColumn<QString>("repository");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("digest");
        QTest::addColumn<QString>("printed");
        QTest::newRow("short name") << "debian"
                                    << ""
                                    << "debian"
                                    << "latest"
                                    << ""
                                    << "debian:latest";
        QTest::newRow("short name with tag") << "debian:bookworm"
                                             << ""
                                             << "debian"
                                             << "bookworm"
                                             << ""
                                             << "debian:bookworm";
        QTest::newRow("short two components") << "team/app:v1"
                                              << ""
                                              << "team/app"
                                              << "v1"
                                              << ""
                                              << "team/app:v1";
        QTest::newRow("docker.io gets library/") << "docker.io/debian"
                                                 << "docker.io"
                                                 << "library/debian"
                                                 << "latest"
                                                 << ""
                                                 << "docker.io/library/debian:latest";
        QTest::newRow("docker.io two components") << "docker.io/team/app"
                                                  << "docker.io"
                                                  << "team/app"
                                                  << "latest"
                                                  << ""
                                                  << "docker.io/team/app:latest";
        QTest::newRow("index.docker.io is docker.io") << "index.docker.io/debian:12"
                                                      << "docker.io"
                                                      << "library/debian"
                                                      << "12"
                                                      << ""
                                                      << "docker.io/library/debian:12";
        QTest::newRow("localhost is a registry") << "localhost/x"
                                                 << "localhost"
                                                 << "x"
                                                 << "latest"
                                                 << ""
                                                 << "localhost/x:latest";
        QTest::newRow("localhost alone is a repository") << "localhost"
                                                         << ""
                                                         << "localhost"
                                                         << "latest"
                                                         << ""
                                                         << "localhost:latest";
        QTest::newRow("localhost:5000 alone is a tag") << "localhost:5000"
                                                       << ""
                                                       << "localhost"
                                                       << "5000"
                                                       << ""
                                                       << "localhost:5000";
        QTest::newRow("port, path, tag and digest") << "host:5000/a/b:tag@" + kDigest << "host:5000"
                                                    << "a/b"
                                                    << "tag" << kDigest << "host:5000/a/b:tag@" + kDigest;
        QTest::newRow("digest only") << "quay.io/team/app@" + kDigest << "quay.io"
                                     << "team/app"
                                     << "" << kDigest << "quay.io/team/app@" + kDigest;
        QTest::newRow("ipv4 with port") << "127.0.0.1:5000/app"
                                        << "127.0.0.1:5000"
                                        << "app"
                                        << "latest"
                                        << ""
                                        << "127.0.0.1:5000/app:latest";
        QTest::newRow("ipv6 with port") << "[::1]:5000/app:x"
                                        << "[::1]:5000"
                                        << "app"
                                        << "x"
                                        << ""
                                        << "[::1]:5000/app:x";
        QTest::newRow("separators") << "x/a.b_c__d-e---f"
                                    << ""
                                    << "x/a.b_c__d-e---f"
                                    << "latest"
                                    << ""
                                    << "x/a.b_c__d-e---f:latest";
        QTest::newRow("tag of 128") << "app:" + QString(128, QLatin1Char('t')) << ""
                                    << "app" << QString(128, QLatin1Char('t')) << ""
                                    << "app:" + QString(128, QLatin1Char('t'));
        QTest::newRow("tag with capitals") << "app:V1.0_rc-2"
                                           << ""
                                           << "app"
                                           << "V1.0_rc-2"
                                           << ""
                                           << "app:V1.0_rc-2";
        QTest::newRow("upper-case registry") << "Registry/app"
                                             << "Registry"
                                             << "app"
                                             << "latest"
                                             << ""
                                             << "Registry/app:latest";
    }
    void valid()
    {
        QFETCH(QString, text);
        QFETCH(QString, registry);
        QFETCH(QString, repository);
        QFETCH(QString, tag);
        QFETCH(QString, digest);
        QFETCH(QString, printed);
        const auto ref = parseImageReference(text.toStdString());
        QVERIFY2(ref.has_value(), qPrintable(text));
        QCOMPARE(QString::fromStdString(ref->registry), registry);
        QCOMPARE(QString::fromStdString(ref->repository), repository);
        QCOMPARE(QString::fromStdString(ref->tag), tag);
        QCOMPARE(QString::fromStdString(ref->digest), digest);
        QCOMPARE(QString::fromStdString(ref->text()), printed);
        QCOMPARE(ref->isShortName(), registry.isEmpty());
        // What it prints parses back to itself.
        const auto again = parseImageReference(ref->text());
        QVERIFY(again.has_value());
        QVERIFY(*again == *ref);
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<ReferenceProblem>("problem");
        QTest::addColumn<QString>("part");
        QTest::newRow("empty") << "" << ReferenceProblem::Empty << "";
        QTest::newRow("upper-case repository") << "Debian" << ReferenceProblem::Repository << "Debian";
        QTest::newRow("upper-case path") << "quay.io/Team/app" << ReferenceProblem::Repository << "Team/app";
        QTest::newRow("tag of 129") << "app:" + QString(129, QLatin1Char('t')) << ReferenceProblem::Tag
                                    << QString(129, QLatin1Char('t'));
        QTest::newRow("empty tag") << "app:" << ReferenceProblem::Tag << "";
        QTest::newRow("tag starting with a dot") << "app:.x" << ReferenceProblem::Tag << ".x";
        QTest::newRow("short digest") << "app@sha256:abc" << ReferenceProblem::Digest << "sha256:abc";
        QTest::newRow("upper-case digest") << "app@sha256:" + QString(64, QLatin1Char('A')) << ReferenceProblem::Digest
                                           << "sha256:" + QString(64, QLatin1Char('A'));
        QTest::newRow("sha512 digest") << "app@sha512:" + kHex << ReferenceProblem::Digest << "sha512:" + kHex;
        QTest::newRow("empty component") << "team//app" << ReferenceProblem::Repository << "team//app";
        QTest::newRow("trailing slash") << "quay.io/app/" << ReferenceProblem::Repository << "app/";
        QTest::newRow("separator first") << "-app" << ReferenceProblem::Repository << "-app";
        QTest::newRow("triple underscore") << "a___b" << ReferenceProblem::Repository << "a___b";
        QTest::newRow("dot after hyphen") << "a-.b" << ReferenceProblem::Repository << "a-.b";
        QTest::newRow("two dots") << "a..b" << ReferenceProblem::Repository << "a..b";
        QTest::newRow("registry alone") << "quay.io/" << ReferenceProblem::Repository << "";
        QTest::newRow("bad port") << "host:50x0/app" << ReferenceProblem::Registry << "host:50x0";
        QTest::newRow("dots in brackets") << "[1..2]:5000/app" << ReferenceProblem::Registry << "[1..2]:5000";
        QTest::newRow("bad host label") << "-host.io/app" << ReferenceProblem::Registry << "-host.io";
        QTest::newRow("64 hex is an id") << kHex << ReferenceProblem::Repository << kHex;
        QTest::newRow("space") << "debian bookworm" << ReferenceProblem::Repository << "debian bookworm";
        QTest::newRow("name of 256") << "quay.io/" + QString(248, QLatin1Char('a')) << ReferenceProblem::Repository
                                     << "quay.io/" + QString(248, QLatin1Char('a'));
    }
    void invalid()
    {
        QFETCH(QString, text);
        QFETCH(ReferenceProblem, problem);
        QFETCH(QString, part);
        const auto ref = parseImageReference(text.toStdString());
        QVERIFY2(!ref.has_value(), qPrintable(text));
        QCOMPARE(ref.error().problem, problem);
        QCOMPARE(QString::fromStdString(ref.error().part), part);
    }

    void nameOfMaximalLength()
    {
        const std::string name = "quay.io/" + std::string(247, 'a');
        QCOMPARE(name.size(), std::size_t{255});
        QVERIFY(parseImageReference(name).has_value());
    }

    void candidates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("search");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("docker.io by default")
            << "debian" << QStringList{} << QStringList{"docker.io/library/debian:latest"};
        QTest::newRow("search registries in order") << "debian:12" << QStringList{"quay.io", "docker.io"}
                                                    << QStringList{"quay.io/debian:12", "docker.io/library/debian:12"};
        QTest::newRow("two components keep their path")
            << "team/app" << QStringList{"docker.io"} << QStringList{"docker.io/team/app:latest"};
        QTest::newRow("index.docker.io spelled in the config")
            << "debian" << QStringList{"index.docker.io", "docker.io"}
            << QStringList{"docker.io/library/debian:latest"};
        QTest::newRow("qualified is its own candidate")
            << "localhost:5000/app" << QStringList{"quay.io"} << QStringList{"localhost:5000/app:latest"};
        QTest::newRow("digest kept") << "app@" + kDigest << QStringList{"docker.io"}
                                     << QStringList{"docker.io/library/app@" + kDigest};
    }
    void candidates()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, search);
        QFETCH(QStringList, expected);
        const auto ref = parseImageReference(text.toStdString());
        QVERIFY(ref.has_value());
        std::vector<std::string> registries;
        for (const QString& r : search)
            registries.push_back(r.toStdString());
        QStringList got;
        for (const ImageReference& c : qualifiedCandidates(*ref, registries))
            got << QString::fromStdString(c.text());
        QCOMPARE(got, expected);
    }

    void keys()
    {
        const QStringList hub = toList(credentialKeys("docker.io"));
        QCOMPARE(hub.first(), QStringLiteral("https://index.docker.io/v1/"));
        QVERIFY(hub.contains(QStringLiteral("docker.io")));
        QCOMPARE(toList(credentialKeys("index.docker.io")), hub);
        const QStringList local = toList(credentialKeys("localhost:5000"));
        QCOMPARE(local.first(), QStringLiteral("localhost:5000"));
        QVERIFY(local.contains(QStringLiteral("https://localhost:5000")));
        QVERIFY(!local.contains(QStringLiteral("https://index.docker.io/v1/")));
    }
};

QTEST_APPLESS_MAIN(TestModelImageReference)
#include "test_model_image_reference.moc"
