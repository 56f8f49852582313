// Registry logins read by the client from the caller's own files (issue
// #21): which files, in which order, which registries, and the files that
// are ignored (another user's, writable by others) or only warned about
// (credential helpers). Fixtures written into a temporary directory.
#include "registry_credentials.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace berth::client;

namespace {

QString basic(const char* userColonPassword)
{
    return QString::fromLatin1(QByteArray(userColonPassword).toBase64());
}

void writeFile(const QString& path, const QByteArray& text, mode_t mode = 0600)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
    file.close();
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), mode), 0);
}

QByteArray auths(const QString& key, const QString& entry)
{
    return QStringLiteral(R"({"auths": {"%1": %2}})").arg(key, entry).toUtf8();
}

QString authEntry(const char* userColonPassword)
{
    return QStringLiteral(R"({"auth": "%1"})").arg(basic(userColonPassword));
}

} // namespace

class TestRegistryCredentials : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    CredentialSources m_sources;

    QString path(const char* relative) const { return m_dir.filePath(QLatin1String(relative)); }

private Q_SLOTS:
    void init()
    {
        QVERIFY(QDir(m_dir.path()).removeRecursively());
        QVERIFY(QDir().mkpath(m_dir.path()));
        m_sources = CredentialSources{};
        m_sources.home = path("home");
        m_sources.runtimeDir = path("run");
        m_sources.registriesConf = path("registries.conf"); // absent unless a test writes it
        m_sources.owner = ::geteuid();
    }

    void dockerConfigBasicAuth()
    {
        writeFile(path("home/.docker/config.json"), auths(QStringLiteral("localhost:5000"), authEntry("ann:s3:cret")));
        const auto read = readRegistryCredentials(QStringLiteral("localhost:5000/team/app:1"), m_sources);
        QCOMPARE(read.logins.size(), 1);
        QCOMPARE(read.logins.at(0),
                 (RegistryLogin{QStringLiteral("localhost:5000"), QStringLiteral("ann"), QStringLiteral("s3:cret")}));
        QVERIFY(read.warnings.isEmpty());
    }

    void dockerHubKeyAndIdentityToken()
    {
        writeFile(path("home/.docker/config.json"),
                  auths(QStringLiteral("https://index.docker.io/v1/"), QStringLiteral(R"({"identitytoken": "tok"})")));
        const auto read = readRegistryCredentials(QStringLiteral("debian:bookworm"), m_sources);
        QCOMPARE(read.logins.size(), 1);
        QCOMPARE(read.logins.at(0), (RegistryLogin{QStringLiteral("docker.io"), QString(), QStringLiteral("tok")}));
    }

    void onlyTheReferencesRegistriesAreRead()
    {
        writeFile(path("home/.docker/config.json"), auths(QStringLiteral("quay.io"), authEntry("q:p")));
        QVERIFY(readRegistryCredentials(QStringLiteral("localhost:5000/app"), m_sources).logins.isEmpty());
        QVERIFY(readRegistryCredentials(QStringLiteral("debian"), m_sources).logins.isEmpty());
        QCOMPARE(readRegistryCredentials(QStringLiteral("quay.io/team/app"), m_sources).logins.size(), 1);
    }

    void shortNamesUseTheSearchRegistries()
    {
        writeFile(path("registries.conf"), "# unqualified-search-registries = [\"evil.example\"]\n"
                                           "unqualified-search-registries = [\"quay.io\", 'localhost:5000']\n");
        writeFile(path("home/.docker/config.json"),
                  QStringLiteral(R"({"auths": {"quay.io": %1, "localhost:5000": %2, "evil.example": %3}})")
                      .arg(authEntry("q:1"), authEntry("l:2"), authEntry("e:3"))
                      .toUtf8());
        const auto read = readRegistryCredentials(QStringLiteral("app"), m_sources);
        QCOMPARE(read.logins.size(), 2);
        QCOMPARE(read.logins.at(0).registry, QStringLiteral("quay.io"));
        QCOMPARE(read.logins.at(1).registry, QStringLiteral("localhost:5000"));
    }

    void searchRegistriesParse()
    {
        QCOMPARE(
            searchRegistriesFromConf(QStringLiteral("unqualified-search-registries = [\n  \"a.io\",\n  \"b.io\"\n]\n")),
            (QStringList{QStringLiteral("a.io"), QStringLiteral("b.io")}));
        QVERIFY(searchRegistriesFromConf(QStringLiteral("[[registry]]\nlocation = \"a.io\"\n")).isEmpty());
    }

    void authFileOrder()
    {
        writeFile(path("home/.docker/config.json"), auths(QStringLiteral("localhost:5000"), authEntry("docker:1")));
        writeFile(path("run/containers/auth.json"), auths(QStringLiteral("localhost:5000"), authEntry("podman:2")));
        auto read = readRegistryCredentials(QStringLiteral("localhost:5000/app"), m_sources);
        QCOMPARE(read.logins.value(0).username, QStringLiteral("podman"));
        writeFile(path("elsewhere.json"), auths(QStringLiteral("localhost:5000"), authEntry("env:3")));
        m_sources.registryAuthFile = path("elsewhere.json");
        read = readRegistryCredentials(QStringLiteral("localhost:5000/app"), m_sources);
        QCOMPARE(read.logins.size(), 1);
        QCOMPARE(read.logins.value(0).username, QStringLiteral("env"));
    }

    void anotherUsersFileIsIgnored()
    {
        writeFile(path("home/.docker/config.json"), auths(QStringLiteral("localhost:5000"), authEntry("x:y")));
        m_sources.owner = ::geteuid() + 1; // the file is not the caller's own
        const auto read = readRegistryCredentials(QStringLiteral("localhost:5000/app"), m_sources);
        QVERIFY(read.logins.isEmpty());
        QCOMPARE(read.warnings.size(), 1);
        QVERIFY2(read.warnings.at(0).contains(QStringLiteral("another user")), qPrintable(read.warnings.at(0)));
    }

    void fileOthersMayWriteIsIgnored_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("group") << 0620;
        QTest::newRow("world") << 0602;
    }
    void fileOthersMayWriteIsIgnored()
    {
        QFETCH(int, mode);
        writeFile(path("home/.docker/config.json"), auths(QStringLiteral("localhost:5000"), authEntry("x:y")),
                  mode_t(mode));
        const auto read = readRegistryCredentials(QStringLiteral("localhost:5000/app"), m_sources);
        QVERIFY(read.logins.isEmpty());
        QCOMPARE(read.warnings.size(), 1);
        QVERIFY(read.warnings.at(0).contains(QStringLiteral("others may write")));
    }

    void credentialHelpersAreNamedNotRun()
    {
        writeFile(path("home/.docker/config.json"), R"({"credHelpers": {"localhost:5000": "secretservice"}})");
        const auto read = readRegistryCredentials(QStringLiteral("localhost:5000/app"), m_sources);
        QVERIFY(read.logins.isEmpty());
        QCOMPARE(read.warnings.size(), 1);
        QVERIFY(read.warnings.at(0).contains(QStringLiteral("credential helper")));
    }

    void brokenFilesAreWarnedAbout()
    {
        writeFile(path("home/.docker/config.json"), "{not json");
        const auto read = readRegistryCredentials(QStringLiteral("localhost:5000/app"), m_sources);
        QVERIFY(read.logins.isEmpty());
        QCOMPARE(read.warnings.size(), 1);
        // A malformed auth (no ':') is no login, and no crash.
        writeFile(path("home/.docker/config.json"),
                  auths(QStringLiteral("localhost:5000"), QStringLiteral(R"({"auth": "bm9jb2xvbg=="})")));
        QVERIFY(readRegistryCredentials(QStringLiteral("localhost:5000/app"), m_sources).logins.isEmpty());
    }

    void badReferenceReadsNothing()
    {
        writeFile(path("home/.docker/config.json"), auths(QStringLiteral("localhost:5000"), authEntry("x:y")));
        QVERIFY(readRegistryCredentials(QStringLiteral("../../etc/passwd"), m_sources).logins.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRegistryCredentials)
#include "test_registry_credentials.moc"
