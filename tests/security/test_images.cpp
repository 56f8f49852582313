// security_images (issue #21): a member of group berth, without a password,
// against the image store's trust rules (docs/security.md, "Images from
// registries"), through berthctl and gdbus on the real bus:
//  - plain http only to registries the administrator allows (127.0.0.1,
//    localhost, [::1] by default): a plain registry at an address of this
//    namespace's own (10.213.0.1), at another loopback address, or at
//    127.0.0.1 spelled otherwise, never receives an HTTP request;
//  - hostile references and logins are refused before authorization (an
//    outsider gets InvalidArgument, not NotAuthorized) and never echoed;
//  - layers with `../`, an absolute path, a symlink out, a device node or a
//    hard link out are refused with nothing on the host or in the store;
//  - logins: the client sends only the caller's own files (another user's
//    file named by HOME, REGISTRY_AUTH_FILE or XDG_RUNTIME_DIR is never
//    sent), and the helper reads no home at all: a registry of the test's
//    own logs every Authorization it is sent.
#include "security_fixture.h"

#include "hostile_registry.h"
#include "http_server.h"
#include "integration_bus.h"
#include "integration_env.h"
#include "registry_files.h"

#include "berth/paths.h"

#include <QRegularExpression>
#include <QtTest>

#include <filesystem>
#include <mutex>

#include <pwd.h>
#include <sys/stat.h>

using namespace berth::test;
namespace fsys = std::filesystem;

namespace {

// An address of the test's own namespace that no registries.conf lists.
const QString kPrivateAddress = QStringLiteral("10.213.0.1");

BuiltImage honestImage()
{
    ImageSpec spec;
    spec.layers.push_back({busyboxFiles()});
    spec.config.cmd = {"/bin/sh"};
    return buildImage(spec);
}

QString hexOf(const std::string& digest)
{
    return QString::fromStdString(digest.substr(digest.find(':') + 1));
}

fsys::path imagesDir()
{
    return berth::Paths(IntegrationEnvironment::instance().stateRoot()).imagesDir();
}

// Adds an address to lo in the test's own namespace (never the host's)
// for one test function; removed again before the fixture compares the
// namespace's addresses.
class ScopedAddress {
public:
    explicit ScopedAddress(const QString& address) : m_address(address + QStringLiteral("/32"))
    {
        m_added = run(QStringLiteral("ip"), {QStringLiteral("addr"), QStringLiteral("add"), m_address,
                                             QStringLiteral("dev"), QStringLiteral("lo")}) == 0;
    }
    ~ScopedAddress()
    {
        if (m_added)
            run(QStringLiteral("ip"), {QStringLiteral("addr"), QStringLiteral("del"), m_address, QStringLiteral("dev"),
                                       QStringLiteral("lo")});
    }
    ScopedAddress(const ScopedAddress&) = delete;
    ScopedAddress& operator=(const ScopedAddress&) = delete;
    [[nodiscard]] bool added() const { return m_added; }

private:
    QString m_address;
    bool m_added = false;
};

// A registry that answers every request 401 (Basic) and keeps every
// Authorization header it was sent: what a client would have handed over.
class LoginRecorder {
public:
    bool start(std::string* why)
    {
        return m_server.start(
            "127.0.0.1",
            [this](const HttpRequest& request) {
                if (const std::string sent = request.header("authorization"); !sent.empty()) {
                    std::lock_guard lock(m_mutex);
                    m_sent.push_back(sent);
                }
                HttpResponse answer =
                    HttpResponse::text(401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}", "application/json");
                answer.headers.emplace_back("WWW-Authenticate", "Basic realm=\"berth-test\"");
                return answer;
            },
            why);
    }
    [[nodiscard]] std::string hostPort() const { return m_server.hostPort(); }
    [[nodiscard]] int requestCount() const { return int(m_server.requests().size()); }
    // Whether any Authorization carried the login or its secret, encoded or not.
    [[nodiscard]] bool saw(const std::string& user, const std::string& secret) const
    {
        const std::string basic = QByteArray::fromStdString(user + ":" + secret).toBase64().toStdString();
        std::lock_guard lock(m_mutex);
        for (const std::string& sent : m_sent)
            if (sent.find(basic) != std::string::npos || sent.find(secret) != std::string::npos)
                return true;
        return false;
    }
    void clear()
    {
        std::lock_guard lock(m_mutex);
        m_sent.clear();
    }

private:
    HttpServer m_server;
    mutable std::mutex m_mutex;
    std::vector<std::string> m_sent;
};

} // namespace

class TestImagesSecurity : public SecurityFixture {
    Q_OBJECT
private:
    HostileRegistry m_hostile; // the hostile layers, honestly served on 127.0.0.1
    LoginRecorder m_logins;
    QString m_outsiderHome; // another user's files, readable by the member
    QString m_memberHome;   // the member's own, 0700
    const std::string m_outsiderSecret = "outsider-secret-7f3a";
    const std::string m_memberSecret = "member-secret-1c9e";

    void setUpScene() override
    {
        std::string why;
        QVERIFY2(m_hostile.start({}, &why), why.c_str());
        m_hostile.serve("traversal", "latest", HostileRegistry::traversalImage());
        m_hostile.serve("absolute", "latest", HostileRegistry::absolutePathImage());
        m_hostile.serve("symlink", "latest", HostileRegistry::symlinkEscapeImage());
        m_hostile.serve("device", "latest", HostileRegistry::deviceNodeImage());
        m_hostile.serve("hardlink", "latest", HostileRegistry::hardLinkOutImage());
        QVERIFY2(m_logins.start(&why), why.c_str());
        writeLoginFiles();
    }

    // The outsider's login in each place a client looks (its home's
    // ~/.docker/config.json, an XDG_RUNTIME_DIR's containers/auth.json),
    // files of the outsider's, world-readable; the member's own in its home.
    void writeLoginFiles()
    {
        const std::string registry = m_logins.hostPort();
        m_outsiderHome = m_files.path() + QStringLiteral("/outsider-home");
        m_memberHome = m_files.path() + QStringLiteral("/member-home");
        const std::string outsider =
            authFileJson({{.registry = registry, .user = "outsider", .password = m_outsiderSecret}});
        const std::string own = authFileJson({{.registry = registry, .user = "member", .password = m_memberSecret}});
        QVERIFY(writeFileMakingDirs(m_outsiderHome.toStdString() + "/.docker/config.json", outsider));
        QVERIFY(writeFileMakingDirs(m_outsiderHome.toStdString() + "/run/containers/auth.json", outsider));
        QVERIFY(writeFileMakingDirs(m_memberHome.toStdString() + "/.docker/config.json", own));
        QVERIFY(writeFileMakingDirs(m_memberHome.toStdString() + "/run/containers/auth.json", own));
        QCOMPARE(run(QStringLiteral("chmod"), {QStringLiteral("-R"), QStringLiteral("go+rX"), m_outsiderHome}), 0);
        QCOMPARE(run(QStringLiteral("chown"), {QStringLiteral("-R"), kOutsider, m_outsiderHome}), 0);
        QCOMPARE(run(QStringLiteral("chmod"), {QStringLiteral("-R"), QStringLiteral("go-rwx"), m_memberHome}), 0);
        QCOMPARE(run(QStringLiteral("chown"), {QStringLiteral("-R"), kMember, m_memberHome}), 0);
    }

    // berthctl pull as the member with only these variables for its logins.
    Outcome memberPull(const QString& reference, const QStringList& environment)
    {
        return m_session.asUser(
            kMember,
            QStringList{QStringLiteral("env"), QStringLiteral("-u"), QStringLiteral("REGISTRY_AUTH_FILE"),
                        QStringLiteral("-u"), QStringLiteral("XDG_RUNTIME_DIR"), QStringLiteral("HOME=/nonexistent")} +
                environment + QStringList{QStringLiteral(BERTHCTL_BINARY), QStringLiteral("pull"), reference});
    }

    QString memberImageIds()
    {
        return m_session.berthctlAs(kMember, {QStringLiteral("images"), QStringLiteral("-q")}).outText();
    }

    // gdbus Manager1.PullImage as `user`; what it printed, errors included.
    Outcome pullAs(const QString& user, const QString& reference, const QString& credentials,
                   const QStringList& wrapper = {})
    {
        return m_session.gdbusAs(user, kManager + QStringLiteral(".PullImage"), {reference, credentials}, wrapper);
    }

    // Nothing of a refused pull: no record, no extraction in progress, no download.
    static QStringList leftInStore()
    {
        QStringList left;
        std::error_code ec;
        for (const auto& entry : fsys::directory_iterator(imagesDir() / "images", ec))
            left << QString::fromStdString(entry.path().string());
        for (const auto& entry : fsys::directory_iterator(imagesDir() / "layers", ec))
            if (entry.path().filename().string().starts_with(".tmp-"))
                left << QString::fromStdString(entry.path().string());
        for (const auto& entry : fsys::directory_iterator(imagesDir() / "downloads", ec))
            if (!entry.path().filename().string().ends_with(".lock"))
                left << QString::fromStdString(entry.path().string());
        return left;
    }

    // What a hostile layer may have planted anywhere it could reach: files
    // named escaped-by-berth-test* under the state root and in /tmp and /,
    // device nodes in the store other than overlayfs whiteouts (0:0), and
    // hard links in the store to a file outside it.
    static QStringList planted()
    {
        QStringList found;
        for (const char* path : {"/escaped-by-berth-test", "/escaped-by-berth-test-2", "/tmp/escaped-by-berth-test",
                                 "/tmp/escaped-by-berth-test-2"})
            if (fsys::exists(fsys::symlink_status(path)))
                found << QString::fromLatin1(path);
        std::error_code ec;
        const fsys::path root = IntegrationEnvironment::instance().stateRoot();
        for (auto it = fsys::recursive_directory_iterator(root, fsys::directory_options::skip_permission_denied, ec);
             !ec && it != fsys::recursive_directory_iterator(); it.increment(ec)) {
            const std::string name = it->path().filename().string();
            struct stat st {};
            if (::lstat(it->path().c_str(), &st) != 0)
                continue;
            const bool inStore = it->path().string().starts_with(imagesDir().string());
            const bool device = S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode);
            if (name.starts_with("escaped-by-berth-test") || (inStore && device && st.st_rdev != 0) ||
                (inStore && name == "passwd-link"))
                found << QString::fromStdString(it->path().string());
        }
        return found;
    }

private Q_SLOTS:
    // The control: 127.0.0.1 is insecure by default, so a plain registry
    // there is pulled from over http (and its log shows the requests).
    void plainHttpToLoopbackIsAllowed()
    {
        HostileRegistry plain;
        std::string why;
        QVERIFY2(plain.start({}, &why), why.c_str());
        plain.serve("busybox", "latest", honestImage());
        const QString reference = QString::fromStdString(plain.reference("busybox"));
        EXPECT_CODE(memberPull(reference, {}), 0);
        QVERIFY(plain.server().requestCount("GET", "/v2/") > 0);
        EXPECT_CODE(m_session.berthctlAs(kMember, {QStringLiteral("image"), QStringLiteral("rm"), reference}), 0);
        EXPECT_CODE(m_session.berthctlAs(kMember, {QStringLiteral("image"), QStringLiteral("prune")}), 0);
    }

    // Any other registry is https only: a plain one never receives an
    // HTTP request (a TLS hello is all it may see), and the pull fails.
    void plainHttpOnlyToAllowedRegistries_data()
    {
        QTest::addColumn<QString>("listen");  // where the plain registry listens
        QTest::addColumn<QString>("asNamed"); // the reference's host
        QTest::newRow("an address of the namespace's own") << kPrivateAddress << kPrivateAddress;
        QTest::newRow("another loopback address") << QStringLiteral("127.0.0.2") << QStringLiteral("127.0.0.2");
        QTest::newRow("127.0.0.1 spelled 127.1") << QStringLiteral("127.0.0.1") << QStringLiteral("127.1");
        QTest::newRow("127.0.0.1 as one number") << QStringLiteral("127.0.0.1") << QStringLiteral("2130706433");
    }
    void plainHttpOnlyToAllowedRegistries()
    {
        QFETCH(QString, listen);
        QFETCH(QString, asNamed);
        ScopedAddress address(kPrivateAddress);
        QVERIFY(address.added());
        HostileRegistry plain;
        std::string why;
        QVERIFY2(plain.start({.address = listen.toStdString()}, &why), why.c_str());
        const BuiltImage image = honestImage();
        plain.serve("busybox", "latest", image);
        const QString reference =
            asNamed + QLatin1Char(':') + QString::number(plain.server().port()) + QStringLiteral("/busybox:latest");
        const Outcome pulled = memberPull(reference, {});
        QVERIFY2(pulled.code != 0, qPrintable(describe(pulled)));
        QString requests;
        for (const std::string& request : plain.server().requests())
            requests += QString::fromStdString(request) + QLatin1Char('\n');
        QVERIFY2(requests.isEmpty(), qPrintable(requests));
        QVERIFY(!memberImageIds().contains(hexOf(image.configDigest).left(12)));
        QVERIFY2(leftInStore().isEmpty(), qPrintable(leftInStore().join(u' ')));
    }

    // An outsider's well-formed pull is refused by polkit: the rows below
    // answering InvalidArgument to it were refused before polkit was asked.
    void outsiderIsNotAuthorized()
    {
        const Outcome refused =
            pullAs(kOutsider, QStringLiteral("'127.0.0.1:5000/app:1'"), QStringLiteral("@a(sss) []"));
        QVERIFY2(refused.errText().contains(QLatin1String("org.berth.Error.NotAuthorized")),
                 qPrintable(describe(refused)));
    }

    void hostileArgumentsRefusedBeforeAuthorization_data()
    {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<QString>("credentials");
        const QString none = QStringLiteral("@a(sss) []");
        const QString app = QStringLiteral("'127.0.0.1:5000/app:1'");
        QStringList seventeen;
        for (int i = 0; i < 17; ++i)
            seventeen << QStringLiteral("('127.0.0.1:%1', 'alice', 'hunter2')").arg(5000 + i);
        QTest::newRow("a 5 KiB username")
            << app << QStringLiteral("[('127.0.0.1:5000', '%1', 'hunter2')]").arg(QString(5120, u'u'));
        QTest::newRow("a 5 KiB secret")
            << app << QStringLiteral("[('127.0.0.1:5000', 'alice', '%1')]").arg(QString(5120, u's'));
        QTest::newRow("17 logins") << app << QLatin1Char('[') + seventeen.join(QStringLiteral(", ")) + QLatin1Char(']');
        QTest::newRow("a control character in the username")
            << app << QStringLiteral("[('127.0.0.1:5000', 'ali\\u0007ce', 'hunter2')]");
        QTest::newRow("a newline in the secret")
            << app << QStringLiteral("[('127.0.0.1:5000', 'alice', 'hunter2\\nAuthorization: x')]");
        QTest::newRow("a path as a login's registry")
            << app << QStringLiteral("[('/root/.docker', 'alice', 'hunter2')]");
        QTest::newRow("a path as the reference") << QStringLiteral("'/etc/shadow'") << none;
        QTest::newRow("a relative path as the reference") << QStringLiteral("'../../../etc/passwd'") << none;
        QTest::newRow("a file URL as the reference") << QStringLiteral("'file:///etc/shadow'") << none;
        QTest::newRow("a control character in the reference") << QStringLiteral("'127.0.0.1:5000/app\\t:1'") << none;
        QTest::newRow("a 5 KiB reference") << QStringLiteral("'127.0.0.1:5000/%1'").arg(QString(5120, u'a')) << none;
    }
    void hostileArgumentsRefusedBeforeAuthorization()
    {
        QFETCH(QString, reference);
        QFETCH(QString, credentials);
        for (const QString& user : {kOutsider, kMember}) {
            const Outcome out = pullAs(user, reference, credentials);
            QVERIFY2(out.errText().contains(QLatin1String("org.berth.Error.InvalidArgument")),
                     qPrintable(user + QStringLiteral(": ") + describe(out)));
            // Logins are never echoed back (nor logged: the same text).
            for (const QLatin1String login : {QLatin1String("alice"), QLatin1String("ali\ace"),
                                              QLatin1String("hunter2"), QLatin1String("Authorization: x")})
                QVERIFY2(!both(out).contains(login), qPrintable(describe(out)));
            QVERIFY2(!both(out).contains(QString(64, u'u')) && !both(out).contains(QString(64, u's')),
                     qPrintable(both(out).left(300)));
        }
    }

    // A layer that would write outside its own directory, or a device node,
    // is refused: nothing of it anywhere, nothing kept in the store, and the
    // fixture finds the host (/etc among it) as it was.
    void hostileLayersRefused_data()
    {
        QTest::addColumn<QString>("repository");
        QTest::newRow("../ in a layer") << QStringLiteral("traversal");
        QTest::newRow("an absolute path in a layer") << QStringLiteral("absolute");
        QTest::newRow("a symlink out, then a file through it") << QStringLiteral("symlink");
        QTest::newRow("a device node (1:1, /dev/mem)") << QStringLiteral("device");
        QTest::newRow("a hard link to /etc/shadow") << QStringLiteral("hardlink");
    }
    void hostileLayersRefused()
    {
        QFETCH(QString, repository);
        struct stat shadow {};
        QCOMPARE(::stat("/etc/shadow", &shadow), 0);
        const QString reference = QString::fromStdString(m_hostile.reference(repository.toStdString()));
        const Outcome pulled = memberPull(reference, {});
        QVERIFY2(pulled.code != 0 && pulled.code != 3, qPrintable(describe(pulled)));
        QVERIFY2(pulled.errText().contains(repository), qPrintable(describe(pulled)));
        QCOMPARE(memberImageIds(), QString());
        QVERIFY2(leftInStore().isEmpty(), qPrintable(leftInStore().join(u' ')));
        QVERIFY2(planted().isEmpty(), qPrintable(planted().join(u' ')));
        struct stat after {};
        QCOMPARE(::stat("/etc/shadow", &after), 0);
        QCOMPARE(after.st_nlink, shadow.st_nlink);
        // The honest layer below may stay until prune; prune removes it.
        EXPECT_CODE(m_session.berthctlAs(kMember, {QStringLiteral("image"), QStringLiteral("prune")}), 0);
    }

    // The client sends the caller's own logins only: another user's file,
    // however the member names it, is never read into a call. The last row
    // is the control: the member's own file is sent, and this registry
    // logs it.
    void otherUsersLoginsAreNeverSent_data()
    {
        QTest::addColumn<QStringList>("environment");
        QTest::addColumn<bool>("own");
        QTest::newRow("HOME of another user") << QStringList{QStringLiteral("HOME=%1").arg(m_outsiderHome)} << false;
        QTest::newRow("REGISTRY_AUTH_FILE of another user")
            << QStringList{QStringLiteral("REGISTRY_AUTH_FILE=%1/.docker/config.json").arg(m_outsiderHome)} << false;
        QTest::newRow("XDG_RUNTIME_DIR of another user")
            << QStringList{QStringLiteral("XDG_RUNTIME_DIR=%1/run").arg(m_outsiderHome)} << false;
        QTest::newRow("the member's own home") << QStringList{QStringLiteral("HOME=%1").arg(m_memberHome)} << true;
    }
    void otherUsersLoginsAreNeverSent()
    {
        QFETCH(QStringList, environment);
        QFETCH(bool, own);
        m_logins.clear();
        const QString reference = QString::fromStdString(m_logins.hostPort()) + QStringLiteral("/private:1");
        const Outcome pulled = memberPull(reference, environment);
        QVERIFY2(pulled.code != 0, qPrintable(describe(pulled))); // this registry serves nothing
        QVERIFY2(m_logins.requestCount() > 0, qPrintable(describe(pulled)));
        QVERIFY2(!m_logins.saw("outsider", m_outsiderSecret), qPrintable(describe(pulled)));
        QCOMPARE(m_logins.saw("member", m_memberSecret), own);
        // The member is told why the file was passed over.
        if (!own)
            QVERIFY2(pulled.errText().contains(QLatin1String("another user")), qPrintable(describe(pulled)));
    }

    // The helper uses the logins of the call and nothing else: a member's
    // PullImage without logins reaches the registry without any, although
    // the caller's HOME, XDG_RUNTIME_DIR, REGISTRY_AUTH_FILE and its home in
    // the user database all hold a login for it (the control above shows
    // the registry would log it).
    void helperReadsNoHome()
    {
        m_logins.clear();
        const passwd* account = ::getpwnam(kMember.toLocal8Bit().constData());
        QVERIFY(account && account->pw_dir);
        const fsys::path passwdHome = account->pw_dir;
        // Planted only where nothing of anyone's is (the test users are made without a home).
        const bool plant = passwdHome.string().starts_with("/home/") && !fsys::exists(passwdHome);
        if (plant) {
            QVERIFY(writeFileMakingDirs(
                passwdHome / ".docker/config.json",
                authFileJson({{.registry = m_logins.hostPort(), .user = "member", .password = m_memberSecret}})));
            run(QStringLiteral("chown"), {QStringLiteral("-R"), kMember, QString::fromStdString(passwdHome.string())});
        }
        const QStringList wrapper{QStringLiteral("env"), QStringLiteral("HOME=%1").arg(m_memberHome),
                                  QStringLiteral("XDG_RUNTIME_DIR=%1/run").arg(m_memberHome),
                                  QStringLiteral("REGISTRY_AUTH_FILE=%1/.docker/config.json").arg(m_memberHome)};
        const QString reference = QStringLiteral("'%1/private:1'").arg(QString::fromStdString(m_logins.hostPort()));
        const Outcome called = pullAs(kMember, reference, QStringLiteral("@a(sss) []"), wrapper);
        waitForJobOf(called);
        std::error_code ec;
        if (plant)
            fsys::remove_all(passwdHome, ec);
        QVERIFY2(called.outText().contains(QLatin1String("objectpath")), qPrintable(describe(called)));
        QVERIFY2(m_logins.requestCount() > 0, qPrintable(describe(called)));
        QVERIFY(!m_logins.saw("member", m_memberSecret));
        QVERIFY(!m_logins.saw("outsider", m_outsiderSecret));
    }
};

BERTH_SYSTEM_TEST_MAIN(TestImagesSecurity)

#include "test_images.moc"
