// Issue #14's items 1-11, each attack as the issue describes it, by a
// member of group berth without a password (and, for item 10, by a local
// user outside the group). Where today's code lets an attack through, the
// test carries it out with a harmless payload, so the failure shows what a
// member could do; the assertions are about outcomes (no marker, the host
// unchanged, the call refused) and only loosely about wording (the key
// word: the line, the key, the port). Item 12 (device control on cgroup
// v2) needs the user-mode-Linux kernel: tests/uml (integration label).
#include "archive_builder.h"
#include "host_state.h"
#include "integration_bus.h"
#include "security_session.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <net/if.h>
#include <sys/stat.h>

using namespace berth::test;

Q_DECLARE_METATYPE(std::vector<archive_test::Entry>)

namespace {

const QString kBridge = QStringLiteral("sbr0");

bool writeFile(const QString& path, const QByteArray& data, QFileDevice::Permissions mode)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size() &&
           file.setPermissions(mode);
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

const QFileDevice::Permissions kPublic = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                                         QFileDevice::ReadOther;
const QFileDevice::Permissions kRootOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
const QFileDevice::Permissions kPublicDir = kPublic | QFileDevice::ExeOwner | QFileDevice::ExeGroup |
                                            QFileDevice::ExeOther;

// A link of the host's that is not Berth's (a VPN, a LAN), made in the
// test's network namespace and removed again: a veth pair with carrier
// (this kernel has no dummy links).
class HostLink {
public:
    explicit HostLink(const QString& name, const QString& address = {}) : m_name(name)
    {
        run(QStringLiteral("ip"), {QStringLiteral("link"), QStringLiteral("add"), name, QStringLiteral("type"),
                                   QStringLiteral("veth"), QStringLiteral("peer"), QStringLiteral("name"),
                                   name + QStringLiteral("p")});
        run(QStringLiteral("ip"), {QStringLiteral("link"), QStringLiteral("set"), name + QStringLiteral("p"),
                                   QStringLiteral("up")});
        if (!address.isEmpty())
            run(QStringLiteral("ip"), {QStringLiteral("addr"), QStringLiteral("add"), address, QStringLiteral("dev"), name});
        run(QStringLiteral("ip"), {QStringLiteral("link"), QStringLiteral("set"), name, QStringLiteral("up")});
        m_index = ::if_nametoindex(name.toUtf8().constData());
    }
    ~HostLink() { run(QStringLiteral("ip"), {QStringLiteral("link"), QStringLiteral("del"), m_name}); }
    [[nodiscard]] unsigned index() const { return m_index; }
    [[nodiscard]] unsigned currentIndex() const { return ::if_nametoindex(m_name.toUtf8().constData()); }

private:
    QString m_name;
    unsigned m_index = 0;
};

QString sha256(const QByteArray& data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

// An OCI image layout: one layer with busybox, its blobs written with
// `layerMode` (so a test can make one the member cannot read).
bool writeOciLayout(const QString& dir, QFileDevice::Permissions layerMode)
{
    QTemporaryDir tree;
    QDir().mkpath(tree.path() + QStringLiteral("/bin"));
    QFile::copy(QStringLiteral("/bin/busybox"), tree.path() + QStringLiteral("/bin/busybox"));
    QFile::link(QStringLiteral("busybox"), tree.path() + QStringLiteral("/bin/sh"));
    QFile::link(QStringLiteral("busybox"), tree.path() + QStringLiteral("/bin/sleep"));
    const QString tar = tree.path() + QStringLiteral(".tar");
    if (run(QStringLiteral("tar"), {QStringLiteral("--numeric-owner"), QStringLiteral("--owner=0"), QStringLiteral("--group=0"),
                                    QStringLiteral("-C"), tree.path(), QStringLiteral("-cf"), tar, QStringLiteral("bin")}) != 0)
        return false;
    const QByteArray layer = readFile(tar);
    QFile::remove(tar);
    const QByteArray config = QStringLiteral(R"({"architecture":"amd64","os":"linux","config":{"Cmd":["/bin/sleep","1000"]},)"
                                             R"("rootfs":{"type":"layers","diff_ids":["sha256:%1"]}})")
                                  .arg(sha256(layer)).toUtf8();
    const QByteArray manifest =
        QStringLiteral(R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",)"
                       R"("config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%1","size":%2},)"
                       R"("layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"sha256:%3","size":%4}]})")
            .arg(sha256(config)).arg(config.size()).arg(sha256(layer)).arg(layer.size()).toUtf8();
    const QByteArray index =
        QStringLiteral(R"({"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json",)"
                       R"("digest":"sha256:%1","size":%2}]})")
            .arg(sha256(manifest)).arg(manifest.size()).toUtf8();
    const QString blobs = dir + QStringLiteral("/blobs/sha256/");
    return QDir().mkpath(blobs) && QFile::setPermissions(dir + QStringLiteral("/blobs"), kPublicDir) &&
           QFile::setPermissions(blobs, kPublicDir) &&
           writeFile(dir + QStringLiteral("/oci-layout"), R"({"imageLayoutVersion":"1.0.0"})", kPublic) &&
           writeFile(dir + QStringLiteral("/index.json"), index, kPublic) &&
           writeFile(blobs + sha256(manifest), manifest, kPublic) && writeFile(blobs + sha256(config), config, kPublic) &&
           writeFile(blobs + sha256(layer), layer, layerMode);
}

// "config:7" or "line 7": the refusal names the line.
bool namesLine(const QString& text, int line)
{
    return text.contains(QRegularExpression(QStringLiteral("(line |:)%1\\b").arg(line)));
}

int lineCount(const QString& text)
{
    return int(text.count(QLatin1Char('\n')));
}

} // namespace

class TestItems : public QObject {
    Q_OBJECT
private:
    SecuritySession m_session;
    HostState m_baseline;
    HostState m_before;
    QTemporaryDir m_files{QStringLiteral("/tmp/berth-security-XXXXXX")};
    QByteArray m_shadowLine;   // the host's /etc/shadow, first line: must never reach the member

    // A file the member can read (configs to set).
    QString publicFile(const QString& name, const QByteArray& data)
    {
        const QString path = m_files.path() + QLatin1Char('/') + name;
        return writeFile(path, data, kPublic) ? path : QString();
    }

    Outcome memberSetConfig(const QString& container, const QString& text)
    {
        return m_session.berthctlAs(kMember, {QStringLiteral("config"), container, QStringLiteral("set"),
                                              publicFile(container + QStringLiteral(".conf"), text.toUtf8())});
    }

    Outcome memberCreateApp(const QString& name, const QStringList& extra = {})
    {
        return m_session.berthctlAs(kMember, QStringList{QStringLiteral("create"), name, QStringLiteral("-t"),
                                                         QStringLiteral("busybox")} +
                                                 extra +
                                                 QStringList{QStringLiteral("--app"), QStringLiteral("--"),
                                                             QStringLiteral("/bin/sleep"), QStringLiteral("1000000")});
    }

    Outcome memberProbe(const QString& container, const QStringList& args)
    {
        return m_session.berthctlAs(kMember, QStringList{QStringLiteral("exec"), container, QStringLiteral("--"),
                                                         QStringLiteral("/berth-escape-probe")} +
                                                 args + QStringList{QStringLiteral("--host-root"), m_session.rootfs(container)});
    }

    void destroy(const QString& name) { m_session.rootCall(kManager, QStringLiteral("Destroy"), {name, true}); }

    // Waits for the job a member's gdbus call started, if it started one, so
    // that what the job did (or did not) is there to check.
    void waitForJobOf(const Outcome& gdbus)
    {
        const QRegularExpression jobPath(QStringLiteral("objectpath '([^']+)'"));
        if (const auto match = jobPath.match(gdbus.outText()); match.hasMatch())
            m_session.waitForJob(match.captured(1));
    }

private Q_SLOTS:
    void initTestCase()
    {
        removeMarkers();
        QVERIFY(m_files.isValid());
        QVERIFY(QFile::setPermissions(m_files.path(), kPublicDir));
        m_shadowLine = readFile(QStringLiteral("/etc/shadow")).split('\n').value(0);
        QVERIFY(!m_shadowLine.isEmpty());
        QString why;
        QVERIFY2(m_session.start(&why), qPrintable(why));
        m_baseline = HostState::read();
        auto bridge = m_session.rootCall(kNetwork, QStringLiteral("CreateBridge"),
                                         {kBridge, QStringLiteral("10.231.0.1/24"), QString(), true, QString(), 0u});
        QVERIFY2(bridge.type() == QDBusMessage::ReplyMessage, qPrintable(bridge.errorMessage()));
        EXPECT_CODE(memberCreateApp(QStringLiteral("app")), 0);
        EXPECT_CODE(m_session.berthctlAs(kMember, {QStringLiteral("start"), QStringLiteral("app")}), 0);
    }

    void cleanupTestCase()
    {
        m_session.destroyAll();
        m_session.rootCall(kNetwork, QStringLiteral("DeleteBridge"), {kBridge, true});
        const QStringList changed = revertChangesSince(m_baseline);
        m_session.stop();
        QVERIFY2(changed.isEmpty(), qPrintable(changed.join(QLatin1Char('\n'))));
    }

    void init() { m_before = HostState::read(); }

    void cleanup()
    {
        const QStringList changed = revertChangesSince(m_before);
        QVERIFY2(changed.isEmpty(), qPrintable(QStringLiteral("the host changed:\n") + changed.join(QLatin1Char('\n'))));
    }

    // Item 1: `berthctl exec NAME -- CMD < /` gave root in the container a
    // descriptor of the host's /.
    void item01_execWithDirectoryStdin()
    {
        const Outcome outcome = m_session.berthctlAs(
            kMember,
            {QStringLiteral("exec"), QStringLiteral("app"), QStringLiteral("--"), QStringLiteral("/bin/sh"),
             QStringLiteral("-c"),
             QStringLiteral("cat /proc/self/fd/0/etc/shadow; touch /proc/self/fd/0/run/berth-security-marker-item1; "
                            "ls -l /proc/self/fd")},
            QStringLiteral("/"));
        QVERIFY2(markers().isEmpty(), qPrintable(QStringLiteral("wrote on the host: ") + both(outcome)));
        QVERIFY2(!outcome.out.contains(m_shadowLine) && !outcome.err.contains(m_shadowLine),
                 "the host's /etc/shadow reached the member");
        QVERIFY2(outcome.code == 2 && both(outcome).contains(QLatin1String("stdin")), qPrintable(describe(outcome)));
    }

    // Item 1: a file opened read-only must not be reopened for writing by
    // the container's root through /proc/self/fd.
    void item01_execReopensReadOnlyStdin()
    {
        const QString path = m_files.path() + QStringLiteral("/read-only.txt");
        QVERIFY(writeFile(path, "original\n", kPublic));
        const Outcome outcome = m_session.berthctlAs(
            kMember,
            {QStringLiteral("exec"), QStringLiteral("app"), QStringLiteral("--"), QStringLiteral("/bin/sh"),
             QStringLiteral("-c"), QStringLiteral("echo overwritten > /proc/self/fd/0; cat")},
            path);
        QCOMPARE(readFile(path), QByteArray("original\n"));
        QVERIFY2(outcome.out.contains("original"), qPrintable(describe(outcome)));   // stdin still arrives
    }

    // Item 1: an O_PATH descriptor (a shell cannot make one; gdbus passes it).
    void item01_execWithPathDescriptor()
    {
        const Outcome outcome = m_session.gdbusAs(
            kMember, kManager + QStringLiteral(".ExecWithFds"),
            {QStringLiteral("app"), QStringLiteral("['/bin/cat', '/proc/self/fd/0/shadow']"), QStringLiteral("@as []"),
             QStringLiteral("/"), QStringLiteral("handle 0"), QStringLiteral("handle 1"), QStringLiteral("handle 2")},
            {QStringLiteral(BERTH_FD_OPEN), QStringLiteral("0"), QStringLiteral("path"), QStringLiteral("/etc"),
             QStringLiteral("--")});
        QVERIFY2(!outcome.out.contains(m_shadowLine), "the host's /etc/shadow reached the member");
        QVERIFY2(outcome.errText().contains(QLatin1String("org.berth.Error.InvalidArgument")), qPrintable(describe(outcome)));
    }

    // Item 2: a mirror other than the template's runs someone else's code
    // (maintainer scripts) as host root: it needs an administrator.
    void item02_foreignMirror_data()
    {
        QTest::addColumn<QString>("templateName");
        QTest::newRow("ubuntu") << QStringLiteral("ubuntu");
        QTest::newRow("debian") << QStringLiteral("debian");
    }

    void item02_foreignMirror()
    {
        QFETCH(QString, templateName);
        // An application container: what a member may create from the
        // template, so only the mirror decides (the name says nothing of it).
        const QString name = QStringLiteral("foreign-") + templateName;
        const Outcome outcome = m_session.berthctlAs(
            kMember, {QStringLiteral("create"), name, QStringLiteral("-t"), templateName, QStringLiteral("-o"),
                      QStringLiteral("mirror=http://127.0.0.1:9/") + templateName, QStringLiteral("--app"),
                      QStringLiteral("--"), QStringLiteral("/bin/true")});
        QCOMPARE(m_session.state(name), QStringLiteral("org.berth.Error.NotFound"));
        QVERIFY2(outcome.code == 3 && both(outcome).contains(QLatin1String("mirror")), qPrintable(describe(outcome)));
    }

    // Item 3: `lxc.mount.entry = proc mnt/p proc rw` gave the member's
    // application container the host's kernel.core_pattern.
    void item03_procMountEntry()
    {
        EXPECT_CODE(memberCreateApp(QStringLiteral("mounts3")), 0);
        QDir().mkpath(m_session.rootfs(QStringLiteral("mounts3")) + QStringLiteral("/mnt/p"));
        QVERIFY(m_session.installProbe(QStringLiteral("mounts3")));
        const QString old = m_session.config(QStringLiteral("mounts3"));
        const QString entry = QStringLiteral("lxc.mount.entry = proc mnt/p proc rw\n");
        const Outcome set = memberSetConfig(QStringLiteral("mounts3"), old + entry);
        if (set.code == 0) {   // the hole: show what it gives
            m_session.berthctlAs(kMember, {QStringLiteral("start"), QStringLiteral("mounts3")});
            const Outcome probe = memberProbe(QStringLiteral("mounts3"),
                                              {QStringLiteral("core_pattern"), QStringLiteral("--file"),
                                               QStringLiteral("/mnt/p/sys/kernel/core_pattern")});
            QVERIFY2(markers().isEmpty() && !probe.out.contains("ESCAPED"), qPrintable(describe(probe)));
        }
        destroy(QStringLiteral("mounts3"));
        QVERIFY2(set.code == 3 && namesLine(both(set), lineCount(old) + 1) && both(set).contains(QLatin1String("proc")),
                 qPrintable(describe(set)));
    }

    // Item 4: a system container keeps CAP_SYS_ADMIN on the host: the
    // member may neither create one nor enter one root made.
    void item04_memberCreatesSystemContainer()
    {
        const Outcome outcome = m_session.berthctlAs(kMember, {QStringLiteral("create"), QStringLiteral("sys"),
                                                               QStringLiteral("-t"), QStringLiteral("busybox"),
                                                               QStringLiteral("--system")});
        const QString state = m_session.state(QStringLiteral("sys"));
        destroy(QStringLiteral("sys"));
        QCOMPARE(state, QStringLiteral("org.berth.Error.NotFound"));
        QVERIFY2(outcome.code == 3 && both(outcome).contains(QLatin1String("privileged"), Qt::CaseInsensitive),
                 qPrintable(describe(outcome)));
        // The template's default kind (system) is the same request.
        const Outcome byDefault = m_session.berthctlAs(kMember, {QStringLiteral("create"), QStringLiteral("sys"),
                                                                 QStringLiteral("-t"), QStringLiteral("busybox")});
        const QString defaultState = m_session.state(QStringLiteral("sys"));
        destroy(QStringLiteral("sys"));
        QCOMPARE(defaultState, QStringLiteral("org.berth.Error.NotFound"));
        QVERIFY2(byDefault.code == 3, qPrintable(describe(byDefault)));
    }

    void item04_memberEntersRootsSystemContainer()
    {
        QCOMPARE(m_session.rootCreate(QStringLiteral("rootsys"), QStringLiteral("system")), QString());
        auto started = m_session.rootCall(kManager, QStringLiteral("Start"), {QStringLiteral("rootsys")});
        QVERIFY2(started.type() == QDBusMessage::ReplyMessage, qPrintable(started.errorMessage()));
        const Outcome exec = m_session.berthctlAs(kMember, {QStringLiteral("exec"), QStringLiteral("rootsys"),
                                                            QStringLiteral("--"), QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                                                            QStringLiteral("mount -o remount,rw /proc/sys && echo REMOUNTED; "
                                                                           "mount -o remount,ro /proc/sys")});
        const Outcome console = m_session.gdbusAs(kMember, kManager + QStringLiteral(".OpenConsole"),
                                                  {QStringLiteral("rootsys"), QStringLiteral("0")});
        destroy(QStringLiteral("rootsys"));
        QVERIFY2(!exec.out.contains("REMOUNTED"), "the member remounted the host's /proc/sys read-write");
        QVERIFY2(exec.code == 3, qPrintable(describe(exec)));
        QVERIFY2(console.errText().contains(QLatin1String("org.berth.Error.NotAuthorized")), qPrintable(describe(console)));
    }

    // Item 4: nor clone root's, which gives the member a privileged
    // container of its own.
    void item04_memberClonesRootsSystemContainer()
    {
        QCOMPARE(m_session.rootCreate(QStringLiteral("rootsys2"), QStringLiteral("system")), QString());
        const Outcome outcome = m_session.berthctlAs(kMember, {QStringLiteral("create"), QStringLiteral("sysclone"),
                                                               QStringLiteral("-t"), QStringLiteral("clone"),
                                                               QStringLiteral("-o"), QStringLiteral("source=rootsys2")});
        const QString state = m_session.state(QStringLiteral("sysclone"));
        destroy(QStringLiteral("sysclone"));
        destroy(QStringLiteral("rootsys2"));
        QCOMPARE(state, QStringLiteral("org.berth.Error.NotFound"));
        QVERIFY2(outcome.code == 3, qPrintable(describe(outcome)));
    }

    // Item 4: nor rewrite what root's runs (its init): the new config is as
    // privileged as the old, whatever it changes.
    void item04_memberRewritesRootsSystemContainer()
    {
        QCOMPARE(m_session.rootCreate(QStringLiteral("rootsys3"), QStringLiteral("system")), QString());
        QVERIFY(m_session.installProbe(QStringLiteral("rootsys3")));
        QString config = m_session.config(QStringLiteral("rootsys3"));
        const QString old = config;
        config.replace(QStringLiteral("lxc.init.cmd = /sbin/init"),
                       QStringLiteral("lxc.init.cmd = /berth-escape-probe proc_sys_remount --host-root ") +
                           m_session.rootfs(QStringLiteral("rootsys3")));
        QVERIFY(config != old);
        const Outcome set = memberSetConfig(QStringLiteral("rootsys3"), config);
        if (set.code == 0) {   // the hole: the member's command as the privileged container's init
            m_session.berthctlAs(kMember, {QStringLiteral("start"), QStringLiteral("rootsys3")});
            waitUntil([&] { return m_session.state(QStringLiteral("rootsys3")) == QLatin1String("stopped"); }, 10000);
        }
        const QString now = m_session.config(QStringLiteral("rootsys3"));
        destroy(QStringLiteral("rootsys3"));
        QVERIFY2(markers().isEmpty(), "the member's init in root's privileged container ran a payload as host root");
        QCOMPARE(now, old);
        QVERIFY2(set.code == 3, qPrintable(describe(set)));
    }

    // Found in the review: an administrator gives root's application
    // container a bind mount of a host directory. Cloning it copied the
    // bind into the member's clone, and entering it gave the member root on
    // that host directory: both are the administrator's to allow.
    void review_hostBindStaysTheAdministrators()
    {
        const QString hostDir = m_files.path() + QStringLiteral("/host-share");
        QVERIFY(QDir().mkpath(hostDir));
        QCOMPARE(m_session.rootCreate(QStringLiteral("rootbind"), QStringLiteral("application"),
                                      {QStringLiteral("sleep"), QStringLiteral("3600")}),
                 QString());
        const QString config = m_session.config(QStringLiteral("rootbind")) +
                               QStringLiteral("lxc.mount.entry = %1 mnt none bind,create=dir 0 0\n").arg(hostDir);
        const QDBusMessage set = m_session.rootCall(kManager, QStringLiteral("SetConfig"),
                                                    {QStringLiteral("rootbind"), config});
        QVERIFY2(set.type() == QDBusMessage::ReplyMessage, qPrintable(set.errorMessage()));
        const QDBusMessage started = m_session.rootCall(kManager, QStringLiteral("Start"), {QStringLiteral("rootbind")});
        QVERIFY2(started.type() == QDBusMessage::ReplyMessage, qPrintable(started.errorMessage()));
        const Outcome clone = m_session.berthctlAs(kMember, {QStringLiteral("create"), QStringLiteral("bindclone"),
                                                             QStringLiteral("-t"), QStringLiteral("clone"),
                                                             QStringLiteral("-o"), QStringLiteral("source=rootbind")});
        const QString cloneState = m_session.state(QStringLiteral("bindclone"));
        const Outcome enter = m_session.berthctlAs(kMember, {QStringLiteral("exec"), QStringLiteral("rootbind"),
                                                             QStringLiteral("--"), QStringLiteral("touch"),
                                                             QStringLiteral("/mnt/member-was-here")});
        const bool written = QFile::exists(hostDir + QStringLiteral("/member-was-here"));
        destroy(QStringLiteral("bindclone"));
        destroy(QStringLiteral("rootbind"));
        QCOMPARE(cloneState, QStringLiteral("org.berth.Error.NotFound"));
        QVERIFY2(clone.code == 3 && both(clone).contains(QLatin1String("clone of 'rootbind'")), qPrintable(describe(clone)));
        QVERIFY(!written);
        QVERIFY2(enter.code == 3 && both(enter).contains(QLatin1String("running a command in container 'rootbind'")),
                 qPrintable(describe(enter)));
    }

    // Item 5: veth.pair naming an existing host link: the failed start's
    // cleanup deleted that link.
    void item05_vethPairNamesHostLink()
    {
        HostLink vpn(QStringLiteral("hostvpn0"));
        QVERIFY(vpn.index() != 0);
        EXPECT_CODE(memberCreateApp(QStringLiteral("pair"), {QStringLiteral("--network"), kBridge}), 0);
        const Outcome set = memberSetConfig(QStringLiteral("pair"), m_session.config(QStringLiteral("pair")) +
                                                                        QStringLiteral("lxc.net.0.veth.pair = hostvpn0\n"));
        const Outcome start = m_session.berthctlAs(kMember, {QStringLiteral("start"), QStringLiteral("pair")});
        destroy(QStringLiteral("pair"));
        QCOMPARE(vpn.currentIndex(), vpn.index());   // still there, the same link
        const Outcome& refused = set.code != 0 ? set : start;
        QVERIFY2(refused.code != 0 && both(refused).contains(QLatin1String("hostvpn0")), qPrintable(describe(refused)));
    }

    // Review (item 5's rule for bridges): a Berth bridge named after an
    // existing host link (a LAN bridge): neither its creation nor its
    // deletion may touch that link.
    void review_bridgeNamedAfterHostLink()
    {
        HostLink lan(QStringLiteral("hostbr0"));
        QVERIFY(lan.index() != 0);
        const Outcome created = m_session.berthctlAs(kMember, {QStringLiteral("bridge"), QStringLiteral("create"),
                                                               QStringLiteral("hostbr0"), QStringLiteral("--address"),
                                                               QStringLiteral("10.232.0.1/24")});
        const unsigned afterCreate = lan.currentIndex();
        const Outcome deleted = m_session.berthctlAs(kMember, {QStringLiteral("bridge"), QStringLiteral("delete"),
                                                               QStringLiteral("hostbr0"), QStringLiteral("-f")});
        QCOMPARE(afterCreate, lan.index());
        QCOMPARE(lan.currentIndex(), lan.index());   // still there, the same link
        QVERIFY2(created.code != 0 && both(created).contains(QLatin1String("hostbr0")), qPrintable(describe(created)));
        QVERIFY2(deleted.code != 0, qPrintable(describe(deleted)));
    }

    // Item 6: a forward of host port 22 redirected the host's own SSH.
    void item06_privilegedHostPort()
    {
        EXPECT_CODE(memberCreateApp(QStringLiteral("web"), {QStringLiteral("--network"), kBridge}), 0);
        const Outcome ssh = m_session.berthctlAs(kMember, {QStringLiteral("forward"), QStringLiteral("add"),
                                                           QStringLiteral("web"), QStringLiteral("tcp:22:22")});
        const QStringList forwards =
            m_session.rootCall(kNetwork, QStringLiteral("ListForwards"), {QStringLiteral("web")}).arguments().value(0).toStringList();
        QString ruleset;
        run(QStringLiteral("nft"), {QStringLiteral("list"), QStringLiteral("ruleset")}, &ruleset);
        // An unprivileged port stays the member's to forward.
        const Outcome web = m_session.berthctlAs(kMember, {QStringLiteral("forward"), QStringLiteral("add"),
                                                           QStringLiteral("web"), QStringLiteral("tcp:8080:80")});
        destroy(QStringLiteral("web"));
        QVERIFY2(!forwards.contains(QStringLiteral("tcp:22:22")), qPrintable(forwards.join(QLatin1Char(' '))));
        QVERIFY2(!ruleset.contains(QLatin1String("dport 22 ")), qPrintable(ruleset));
        QVERIFY2((ssh.code == 3 || ssh.code == 2) && both(ssh).contains(QLatin1String("22")), qPrintable(describe(ssh)));
        EXPECT_CODE(web, 0);
    }

    // Item 6: a forward must not catch the host's own traffic to a port a
    // host service uses (the forward of 22 took the host's own SSH): with a
    // service listening on the host, the member forwards its port; the
    // host, connecting to its own addresses, still reaches its service.
    void item06_forwardLeavesHostServiceAlone()
    {
        QProcess service;   // ended by PID below
        service.start(QStringLiteral("busybox"), {QStringLiteral("nc"), QStringLiteral("-ll"), QStringLiteral("-p"),
                                                  QStringLiteral("8022"), QStringLiteral("-e"), QStringLiteral("/bin/echo"),
                                                  QStringLiteral("host-service")});
        QVERIFY(service.waitForStarted());
        auto ask = [](const QString& address) {
            QString answer;
            run(QStringLiteral("busybox"), {QStringLiteral("nc"), QStringLiteral("-w"), QStringLiteral("5"), address,
                                            QStringLiteral("8022")},
                &answer);
            return answer.trimmed();
        };
        waitUntil([&] { return ask(QStringLiteral("127.0.0.1")) == QLatin1String("host-service"); }, 60000);
        QCOMPARE(ask(QStringLiteral("10.231.0.1")), QStringLiteral("host-service"));
        EXPECT_CODE(memberCreateApp(QStringLiteral("svc"), {QStringLiteral("--network"), kBridge}), 0);
        EXPECT_CODE(m_session.berthctlAs(kMember, {QStringLiteral("start"), QStringLiteral("svc")}), 0);
        const Outcome forward = m_session.berthctlAs(kMember, {QStringLiteral("forward"), QStringLiteral("add"),
                                                               QStringLiteral("svc"), QStringLiteral("tcp:8022:80")});
        const QString local = ask(QStringLiteral("127.0.0.1"));
        const QString own = ask(QStringLiteral("10.231.0.1"));
        service.kill();
        service.waitForFinished();
        destroy(QStringLiteral("svc"));
        QVERIFY2(local == QLatin1String("host-service") && own == QLatin1String("host-service"),
                 qPrintable(QStringLiteral("127.0.0.1: '%1', 10.231.0.1: '%2'; forward: %3")
                                .arg(local, own, describe(forward))));
    }

    // Item 6: bridges (new, or changed) on the host's loopback, link-local
    // or multicast addresses (dnsmasq then answered on the host's loopback
    // port 53); an already routed subnet was refused before issue #14 and
    // must stay so.
    void item06_bridgeOnHostAddresses_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("keyword");
        QTest::newRow("loopback") << QStringLiteral("127.0.0.1/8") << QStringLiteral("127.");
        QTest::newRow("link-local") << QStringLiteral("169.254.1.1/24") << QStringLiteral("169.254.");
        QTest::newRow("multicast") << QStringLiteral("224.0.1.1/24") << QStringLiteral("224.");
        QTest::newRow("routed") << QStringLiteral("10.99.0.129/25") << QStringLiteral("10.99.0.0/24");
    }

    void item06_bridgeOnHostAddresses()
    {
        QFETCH(QString, address);
        QFETCH(QString, keyword);
        HostLink lan(QStringLiteral("hostlan0"), QStringLiteral("10.99.0.1/24"));
        auto bridge = m_session.rootCall(kNetwork, QStringLiteral("CreateBridge"),
                                         {QStringLiteral("chg0"), QStringLiteral("10.233.0.1/24"), QString(), true, QString(), 0u});
        QVERIFY2(bridge.type() == QDBusMessage::ReplyMessage, qPrintable(bridge.errorMessage()));
        const HostState before = HostState::read();
        const Outcome created = m_session.berthctlAs(kMember, {QStringLiteral("bridge"), QStringLiteral("create"),
                                                               QStringLiteral("evil0"), QStringLiteral("--address"), address});
        const QStringList changedByCreate = before.differences(HostState::read());
        m_session.rootCall(kNetwork, QStringLiteral("DeleteBridge"), {QStringLiteral("evil0"), true});
        // An existing bridge of Berth's moved there: the same rule. (Berth
        // may rebuild its own bridge; its addresses are what matters.)
        const Outcome changed = m_session.berthctlAs(kMember, {QStringLiteral("bridge"), QStringLiteral("change"),
                                                               QStringLiteral("chg0"), QStringLiteral("--address"), address});
        QStringList changedByChange = before.differences(HostState::read());
        changedByChange.removeIf([](const QString& line) { return line.startsWith(QLatin1String("links:")); });
        m_session.rootCall(kNetwork, QStringLiteral("DeleteBridge"), {QStringLiteral("chg0"), true});
        QVERIFY2(changedByCreate.isEmpty(), qPrintable(changedByCreate.join(QLatin1Char('\n'))));
        QVERIFY2((created.code == 2 || created.code == 3) && both(created).contains(keyword), qPrintable(describe(created)));
        QVERIFY2(changedByChange.isEmpty(), qPrintable(changedByChange.join(QLatin1Char('\n'))));
        QVERIFY2((changed.code == 2 || changed.code == 3) && both(changed).contains(keyword), qPrintable(describe(changed)));
    }

    // Item 7: capabilities beyond the kind's default by config, with no
    // administrator; and the clock from inside.
    void item07_capabilitiesByConfig()
    {
        EXPECT_CODE(memberCreateApp(QStringLiteral("caps")), 0);
        QVERIFY(m_session.installProbe(QStringLiteral("caps")));
        const QString old = m_session.config(QStringLiteral("caps"));
        const Outcome set = memberSetConfig(QStringLiteral("caps"),
                                            old + QStringLiteral("lxc.cap.keep = sys_time sys_module sys_rawio\n"));
        const QString now = m_session.config(QStringLiteral("caps"));
        m_session.berthctlAs(kMember, {QStringLiteral("start"), QStringLiteral("caps")});
        const Outcome clock = memberProbe(QStringLiteral("caps"), {QStringLiteral("clock")});
        destroy(QStringLiteral("caps"));
        QVERIFY2(clock.out.contains("STEP settimeofday EPERM") && clock.out.contains("STEP adjtimex-set EPERM"),
                 qPrintable(describe(clock)));
        QCOMPARE(now, old);
        QVERIFY2(set.code == 3 && namesLine(both(set), lineCount(old) + 1) && both(set).contains(QLatin1String("sys_")),
                 qPrintable(describe(set)));
    }

    // Item 8: an OCI layout whose blob the member cannot read was read by
    // root on the member's behalf.
    void item08_ociBlobCallerCannotRead()
    {
        const QString readable = m_files.path() + QStringLiteral("/oci-readable");
        const QString secret = m_files.path() + QStringLiteral("/oci-secret");
        QVERIFY(writeOciLayout(readable, kPublic) && QFile::setPermissions(readable, kPublicDir));
        QVERIFY(writeOciLayout(secret, kRootOnly) && QFile::setPermissions(secret, kPublicDir));
        const Outcome fine = m_session.berthctlAs(kMember, {QStringLiteral("create"), QStringLiteral("oci-ok"),
                                                            QStringLiteral("-t"), QStringLiteral("oci"), QStringLiteral("--file"),
                                                            readable});
        const Outcome outcome = m_session.berthctlAs(kMember, {QStringLiteral("create"), QStringLiteral("oci-secret"),
                                                               QStringLiteral("-t"), QStringLiteral("oci"),
                                                               QStringLiteral("--file"), secret});
        const QString state = m_session.state(QStringLiteral("oci-secret"));
        destroy(QStringLiteral("oci-ok"));
        destroy(QStringLiteral("oci-secret"));
        EXPECT_CODE(fine, 0);   // the same layout, readable: the member may import it
        QCOMPARE(state, QStringLiteral("org.berth.Error.NotFound"));
        QVERIFY2(outcome.code != 0, qPrintable(describe(outcome)));
    }

    // Item 8: an O_PATH descriptor of a directory the member cannot read.
    void item08_ociPathDescriptor()
    {
        const QString closed = m_files.path() + QStringLiteral("/oci-closed");
        QVERIFY(writeOciLayout(closed, kPublic) &&
                QFile::setPermissions(closed, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        const Outcome outcome = m_session.gdbusAs(
            kMember, kManager + QStringLiteral(".CreateFromFile"),
            {QStringLiteral("oci-closed"), QStringLiteral("oci"), QStringLiteral("@a{ss} {}"), QStringLiteral("application"),
             QStringLiteral("@as []"), QStringLiteral(""), QStringLiteral("handle 0")},
            {QStringLiteral(BERTH_FD_OPEN), QStringLiteral("0"), QStringLiteral("path"), closed, QStringLiteral("--")});
        waitForJobOf(outcome);
        const QString state = m_session.state(QStringLiteral("oci-closed"));
        destroy(QStringLiteral("oci-closed"));
        QCOMPARE(state, QStringLiteral("org.berth.Error.NotFound"));
        QVERIFY2(outcome.errText().contains(QLatin1String("org.berth.Error.InvalidArgument")), qPrintable(describe(outcome)));
    }

    // Item 8 (and item 1's rule for every descriptor): Export's output must
    // be a descriptor the caller opened for writing; one opened read-only
    // or O_PATH, of a file the caller may not write, is refused and the
    // file is left as it was.
    void item08_exportToUnwritableDescriptor_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("read-only") << QStringLiteral("read");
        QTest::newRow("O_PATH") << QStringLiteral("path");
    }

    void item08_exportToUnwritableDescriptor()
    {
        QFETCH(QString, mode);
        const QString precious = m_files.path() + QStringLiteral("/precious.txt");
        QVERIFY(writeFile(precious, "precious\n", kPublic));
        EXPECT_CODE(memberCreateApp(QStringLiteral("expo")), 0);
        const Outcome outcome = m_session.gdbusAs(
            kMember, kManager + QStringLiteral(".Export"), {QStringLiteral("expo"), QStringLiteral("handle 0")},
            {QStringLiteral(BERTH_FD_OPEN), QStringLiteral("0"), mode, precious, QStringLiteral("--")});
        waitForJobOf(outcome);
        destroy(QStringLiteral("expo"));
        QCOMPARE(readFile(precious), QByteArray("precious\n"));
        QVERIFY2(outcome.errText().contains(QLatin1String("org.berth.Error.InvalidArgument")), qPrintable(describe(outcome)));
    }

    // Item 9: security keys that were kept and ignored, so a config claimed
    // confinement that was not there: refused, or a visible warning.
    void item09_ignoredSecurityKeys()
    {
        EXPECT_CODE(memberCreateApp(QStringLiteral("keys")), 0);
        const QString old = m_session.config(QStringLiteral("keys"));
        const Outcome idmap = memberSetConfig(QStringLiteral("keys"),
                                              old + QStringLiteral("lxc.idmap = u 0 100000 65536\nlxc.idmap = g 0 100000 65536\n"));
        const QString afterIdmap = m_session.config(QStringLiteral("keys"));
        const Outcome apparmor = memberSetConfig(QStringLiteral("keys"), old + QStringLiteral("lxc.apparmor.profile = berth-strict\n"));
        const Outcome info = m_session.berthctlAs(kMember, {QStringLiteral("info"), QStringLiteral("keys")});
        const Outcome seccomp = memberSetConfig(QStringLiteral("keys"),
                                                old + QStringLiteral("lxc.seccomp.profile = /usr/share/berth/strict.seccomp\n"));
        const Outcome seccompInfo = m_session.berthctlAs(kMember, {QStringLiteral("info"), QStringLiteral("keys")});
        destroy(QStringLiteral("keys"));
        QCOMPARE(afterIdmap, old);
        QVERIFY2(idmap.code != 0 && both(idmap).contains(QLatin1String("lxc.idmap")), qPrintable(describe(idmap)));
        EXPECT_CODE(apparmor, 0);
        QVERIFY2(both(info).contains(QLatin1String("apparmor"), Qt::CaseInsensitive), qPrintable(describe(info)));
        // Refused, or accepted with a warning in plain sight.
        QVERIFY2(seccomp.code != 0 ? both(seccomp).contains(QLatin1String("seccomp"))
                                   : both(seccompInfo).contains(QLatin1String("seccomp"), Qt::CaseInsensitive),
                 qPrintable(describe(seccomp) + describe(seccompInfo)));
    }

    // Item 10: SetConfig followed lxc.include as root before asking polkit:
    // any local user learnt whether a root-only path exists.
    void item10_includeProbeAsOutsider()
    {
        const QString secret = QStringLiteral("/root/berth-security-secret.conf");
        QVERIFY(writeFile(secret, "lxc.uts.name = secret\n", kRootOnly));
        auto probe = [this](const QString& path) {
            const Outcome outcome = m_session.gdbusAs(
                kOutsider, kManager + QStringLiteral(".SetConfig"),
                {QStringLiteral("app"), gvariantString(QStringLiteral("lxc.include = %1\n").arg(path))});
            return QString(both(outcome)).replace(path, QStringLiteral("PATH"));
        };
        const QString existing = probe(secret);
        const QString missing = probe(QStringLiteral("/root/berth-security-missing.conf"));
        QFile::remove(secret);
        QVERIFY2(existing.contains(QLatin1String("org.berth.Error.")), qPrintable(existing));
        QCOMPARE(existing, missing);
    }

    // Item 11: a refusal for host exposure names the line and the rule.
    void item11_refusalNamesLine()
    {
        const QString old = m_session.config(QStringLiteral("app"));
        const Outcome set = memberSetConfig(QStringLiteral("app"),
                                            old + QStringLiteral("lxc.mount.entry = /etc hostetc none bind,create=dir 0 0\n"));
        QCOMPARE(m_session.config(QStringLiteral("app")), old);
        QVERIFY2(set.code == 3 && namesLine(both(set), lineCount(old) + 1) &&
                     both(set).contains(QLatin1String("lxc.mount.entry")),
                 qPrintable(describe(set)));
    }

    // Review: the files Berth writes into a rootfs at start (hostname,
    // hosts, resolv.conf) stay inside it when the container's root made
    // them symlinks that climb out.
    void review_rootfsSymlinksStayInside()
    {
        EXPECT_CODE(memberCreateApp(QStringLiteral("links"), {QStringLiteral("--network"), kBridge}), 0);
        EXPECT_CODE(m_session.berthctlAs(kMember, {QStringLiteral("start"), QStringLiteral("links")}), 0);
        QString plant;
        for (const QString& file : {QStringLiteral("hostname"), QStringLiteral("hosts"), QStringLiteral("resolv.conf")})
            plant += QStringLiteral("rm -f /etc/%1; ln -s ../../../../../../../../../../run/berth-security-marker-%1 /etc/%1; ")
                         .arg(file);
        EXPECT_CODE(m_session.berthctlAs(kMember, {QStringLiteral("exec"), QStringLiteral("links"), QStringLiteral("--"),
                                                   QStringLiteral("/bin/sh"), QStringLiteral("-c"), plant}),
                    0);
        EXPECT_CODE(m_session.berthctlAs(kMember, {QStringLiteral("stop"), QStringLiteral("links"), QStringLiteral("-t"),
                                                   QStringLiteral("1")}),
                    0);
        m_session.berthctlAs(kMember, {QStringLiteral("start"), QStringLiteral("links")});   // may refuse: either way
        destroy(QStringLiteral("links"));
        QVERIFY2(markers().isEmpty(), qPrintable(markers().join(QLatin1Char(' '))));
    }

    // Review: Export reads a stopped container's rootfs as root, Destroy
    // removes it as root: symlinks its root left there (to a root-only
    // host file, to /, to a host directory) are written as links and
    // removed as links, never followed.
    void review_exportAndDestroyStayInside()
    {
        const QString secretPath = QStringLiteral("/root/berth-security-export-secret");
        const QByteArray secret = "berth-security-secret-" + QByteArray::number(::getpid());
        QVERIFY(writeFile(secretPath, secret + '\n', kRootOnly));
        const QString victim = m_files.path() + QStringLiteral("/victim");
        QVERIFY(QDir().mkpath(victim) && writeFile(victim + QStringLiteral("/keep.txt"), "keep\n", kPublic));
        EXPECT_CODE(memberCreateApp(QStringLiteral("walls")), 0);
        EXPECT_CODE(m_session.berthctlAs(kMember, {QStringLiteral("start"), QStringLiteral("walls")}), 0);
        EXPECT_CODE(m_session.berthctlAs(kMember, {QStringLiteral("exec"), QStringLiteral("walls"), QStringLiteral("--"),
                                                   QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                                                   QStringLiteral("ln -s %1 /leak-file; ln -s / /leak-root; ln -s %2 /victim; "
                                                                  "mkdir -p /d; ln -s %2 /d/inner")
                                                       .arg(secretPath, victim)}),
                    0);
        EXPECT_CODE(m_session.berthctlAs(kMember, {QStringLiteral("stop"), QStringLiteral("walls"), QStringLiteral("-t"),
                                                   QStringLiteral("1")}),
                    0);
        const Outcome exported = m_session.berthctlAs(kMember, {QStringLiteral("export"), QStringLiteral("walls"),
                                                                QStringLiteral("-")});
        QProcess gunzip;
        gunzip.start(QStringLiteral("gzip"), {QStringLiteral("-dc")});
        gunzip.write(exported.out);
        gunzip.closeWriteChannel();
        QVERIFY(gunzip.waitForFinished(60000));
        const QByteArray tar = gunzip.readAllStandardOutput();
        const Outcome destroyed = m_session.berthctlAs(kMember, {QStringLiteral("destroy"), QStringLiteral("walls")});
        const bool kept = QFile::exists(victim + QStringLiteral("/keep.txt"));
        QFile::remove(secretPath);
        destroy(QStringLiteral("walls"));
        EXPECT_CODE(exported, 0);
        QVERIFY2(tar.contains("leak-file"), "the export is not the container's rootfs");
        QVERIFY2(!tar.contains(secret), "a root-only host file reached the member through Export");
        EXPECT_CODE(destroyed, 0);
        QVERIFY2(kept, "Destroy removed a host file through a symlink");
    }

    // Review: a running container's monitor (root) takes commands on its
    // socket without asking polkit: only root may reach it, not a member
    // and not any other user.
    void review_monitorSocketIsRootsOnly()
    {
        const QString socket = m_session.monitorSocket(QStringLiteral("app"));
        QVERIFY2(QFile::exists(socket), qPrintable(socket));
        for (const QString& user : {kMember, kOutsider}) {
            const Outcome outcome = m_session.asUser(
                user, {QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                       QStringLiteral("[ -w \"$0\" ] || [ -r \"$0\" ] && echo REACHABLE; true"), socket});
            QVERIFY2(outcome.code == 0 && !outcome.out.contains("REACHABLE"), qPrintable(user + describe(outcome)));
        }
    }

    // Review: the helper extracts a member's archive as root: entries that
    // climb out (.., absolute paths, through a symlink) or hard-link a host
    // file must land inside the new rootfs or nowhere. One archive per
    // trick (an extraction stops at the first entry it refuses).
    void review_archiveStaysInside_data()
    {
        using archive_test::Entry;
        QTest::addColumn<std::vector<Entry>>("entries");
        const std::string climb = "../../../../../../../../../../";
        QTest::newRow("dotdot") << std::vector<Entry>{{.path = climb + "run/berth-security-marker-tar", .data = "x"}};
        QTest::newRow("absolute") << std::vector<Entry>{{.path = "/run/berth-security-marker-tar", .data = "x"}};
        QTest::newRow("symlink absolute") << std::vector<Entry>{{.type = 'l', .path = "up", .link = "/run"},
                                                                {.path = "up/berth-security-marker-tar", .data = "x"}};
        QTest::newRow("symlink climbing") << std::vector<Entry>{{.type = 'l', .path = "up", .link = climb + "run"},
                                                                {.path = "up/berth-security-marker-tar", .data = "x"}};
        QTest::newRow("hard link absolute") << std::vector<Entry>{{.type = 'h', .path = "etc/shadow", .link = "/etc/shadow"}};
        QTest::newRow("hard link climbing")
            << std::vector<Entry>{{.type = 'h', .path = "etc/shadow", .link = climb + "etc/shadow"}};
    }

    void review_archiveStaysInside()
    {
        using archive_test::Entry;
        QFETCH(std::vector<Entry>, entries);
        entries.insert(entries.begin(), Entry{.type = 'd', .path = "etc", .perm = 0755});
        struct stat shadow {};
        QCOMPARE(::stat("/etc/shadow", &shadow), 0);
        const berth::UniqueFd archive = archive_test::buildArchive(entries);
        QByteArray data;
        char buffer[65536];
        for (ssize_t n; (n = ::read(archive.get(), buffer, sizeof buffer)) > 0;)
            data.append(buffer, n);
        const Outcome outcome = m_session.berthctlAs(kMember, {QStringLiteral("create"), QStringLiteral("hostile"),
                                                               QStringLiteral("-t"), QStringLiteral("tarball"),
                                                               QStringLiteral("--file"),
                                                               publicFile(QStringLiteral("hostile.tar"), data)});
        struct stat inside {};
        const QByteArray linked = (m_session.rootfs(QStringLiteral("hostile")) + QStringLiteral("/etc/shadow")).toUtf8();
        const bool isHostShadow = ::lstat(linked.constData(), &inside) == 0 && inside.st_dev == shadow.st_dev &&
                                  inside.st_ino == shadow.st_ino;
        struct stat after {};
        ::stat("/etc/shadow", &after);
        destroy(QStringLiteral("hostile"));
        QVERIFY2(markers().isEmpty(), qPrintable(markers().join(QLatin1Char(' ')) + describe(outcome)));
        QVERIFY2(!isHostShadow && after.st_nlink == shadow.st_nlink, "the host's /etc/shadow was linked into the rootfs");
    }
};

BERTH_SYSTEM_TEST_MAIN(TestItems)

#include "test_items.moc"
