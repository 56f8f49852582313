// Issue #14's items 1 and 8: what a member hands the helper by descriptor
// or by path (exec's stdin, an OCI layout, Export's output) is used with
// the member's rights, never root's. A member of group berth, without a
// password, attacks; the assertions are about outcomes (nothing of the
// host's reaches the member, nothing is written) and only loosely about
// wording.
#include "integration_bus.h"
#include "security_fixture.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace berth::test;

namespace {

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
    if (run(QStringLiteral("tar"),
            {QStringLiteral("--numeric-owner"), QStringLiteral("--owner=0"), QStringLiteral("--group=0"),
             QStringLiteral("-C"), tree.path(), QStringLiteral("-cf"), tar, QStringLiteral("bin")}) != 0)
        return false;
    const QByteArray layer = readFile(tar);
    QFile::remove(tar);
    const QByteArray config =
        QStringLiteral(R"({"architecture":"amd64","os":"linux","config":{"Cmd":["/bin/sleep","1000"]},)"
                       R"("rootfs":{"type":"layers","diff_ids":["sha256:%1"]}})")
            .arg(sha256(layer))
            .toUtf8();
    const QByteArray manifest =
        QStringLiteral(
            R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",)"
            R"("config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%1","size":%2},)"
            R"("layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"sha256:%3","size":%4}]})")
            .arg(sha256(config))
            .arg(config.size())
            .arg(sha256(layer))
            .arg(layer.size())
            .toUtf8();
    const QByteArray index =
        QStringLiteral(R"({"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json",)"
                       R"("digest":"sha256:%1","size":%2}]})")
            .arg(sha256(manifest))
            .arg(manifest.size())
            .toUtf8();
    const QString blobs = dir + QStringLiteral("/blobs/sha256/");
    return QDir().mkpath(blobs) && QFile::setPermissions(dir + QStringLiteral("/blobs"), kPublicDir) &&
           QFile::setPermissions(blobs, kPublicDir) &&
           writeFile(dir + QStringLiteral("/oci-layout"), R"({"imageLayoutVersion":"1.0.0"})", kPublic) &&
           writeFile(dir + QStringLiteral("/index.json"), index, kPublic) &&
           writeFile(blobs + sha256(manifest), manifest, kPublic) &&
           writeFile(blobs + sha256(config), config, kPublic) && writeFile(blobs + sha256(layer), layer, layerMode);
}

} // namespace

class TestExecAndFiles : public SecurityFixture {
    Q_OBJECT
private:
    QByteArray m_shadowLine; // the host's /etc/shadow, first line: must never reach the member

protected:
    void setUpScene() override
    {
        m_shadowLine = readFile(QStringLiteral("/etc/shadow")).split('\n').value(0);
        QVERIFY(!m_shadowLine.isEmpty());
        startMemberApp();
        startMemberSystem();
    }

private Q_SLOTS:
    // Item 1: `berthctl exec NAME -- CMD < /` gave root in the container a
    // descriptor of the host's /. In each kind of the member's (unprivileged)
    // containers.
    void item01_execWithDirectoryStdin_data() { memberContainerRows(); }

    void item01_execWithDirectoryStdin()
    {
        QFETCH(QString, container);
        const Outcome outcome = m_session.berthctlAs(
            kMember,
            {QStringLiteral("exec"), container, QStringLiteral("--"), QStringLiteral("/bin/sh"), QStringLiteral("-c"),
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
    void item01_execReopensReadOnlyStdin_data() { memberContainerRows(); }

    void item01_execReopensReadOnlyStdin()
    {
        QFETCH(QString, container);
        const QString path = m_files.path() + QStringLiteral("/read-only.txt");
        QVERIFY(writeFile(path, "original\n", kPublic));
        const Outcome outcome =
            m_session.berthctlAs(kMember,
                                 {QStringLiteral("exec"), container, QStringLiteral("--"), QStringLiteral("/bin/sh"),
                                  QStringLiteral("-c"), QStringLiteral("echo overwritten > /proc/self/fd/0; cat")},
                                 path);
        QCOMPARE(readFile(path), QByteArray("original\n"));
        QVERIFY2(outcome.out.contains("original"), qPrintable(describe(outcome))); // stdin still arrives
    }

    // Item 1: an O_PATH descriptor (a shell cannot make one; gdbus passes it).
    void item01_execWithPathDescriptor_data() { memberContainerRows(); }

    void item01_execWithPathDescriptor()
    {
        QFETCH(QString, container);
        const Outcome outcome = m_session.gdbusAs(
            kMember, kManager + QStringLiteral(".ExecWithFds"),
            {container, QStringLiteral("['/bin/cat', '/proc/self/fd/0/shadow']"), QStringLiteral("@as []"),
             QStringLiteral("/"), QStringLiteral("handle 0"), QStringLiteral("handle 1"), QStringLiteral("handle 2")},
            {QStringLiteral(BERTH_FD_OPEN), QStringLiteral("0"), QStringLiteral("path"), QStringLiteral("/etc"),
             QStringLiteral("--")});
        QVERIFY2(!outcome.out.contains(m_shadowLine), "the host's /etc/shadow reached the member");
        QVERIFY2(outcome.errText().contains(QLatin1String("org.berth.Error.InvalidArgument")),
                 qPrintable(describe(outcome)));
    }

    // Item 8: an OCI layout whose blob the member cannot read was read by
    // root on the member's behalf.
    void item08_ociBlobCallerCannotRead()
    {
        const QString readable = m_files.path() + QStringLiteral("/oci-readable");
        const QString secret = m_files.path() + QStringLiteral("/oci-secret");
        QVERIFY(writeOciLayout(readable, kPublic) && QFile::setPermissions(readable, kPublicDir));
        QVERIFY(writeOciLayout(secret, kRootOnly) && QFile::setPermissions(secret, kPublicDir));
        const Outcome fine =
            m_session.berthctlAs(kMember, {QStringLiteral("create"), QStringLiteral("oci-ok"), QStringLiteral("-t"),
                                           QStringLiteral("oci"), QStringLiteral("--file"), readable});
        const Outcome outcome =
            m_session.berthctlAs(kMember, {QStringLiteral("create"), QStringLiteral("oci-secret"), QStringLiteral("-t"),
                                           QStringLiteral("oci"), QStringLiteral("--file"), secret});
        const QString state = m_session.state(QStringLiteral("oci-secret"));
        destroy(QStringLiteral("oci-ok"));
        destroy(QStringLiteral("oci-secret"));
        EXPECT_CODE(fine, 0); // the same layout, readable: the member may import it
        QCOMPARE(state, QStringLiteral("org.berth.Error.NotFound"));
        QVERIFY2(outcome.code != 0, qPrintable(describe(outcome)));
    }

    // Item 8: an O_PATH descriptor of a directory the member cannot read.
    void item08_ociPathDescriptor()
    {
        const QString closed = m_files.path() + QStringLiteral("/oci-closed");
        QVERIFY(
            writeOciLayout(closed, kPublic) &&
            QFile::setPermissions(closed, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        const Outcome outcome = m_session.gdbusAs(
            kMember, kManager + QStringLiteral(".CreateFromFile"),
            {QStringLiteral("oci-closed"), QStringLiteral("oci"), QStringLiteral("@a{ss} {}"),
             QStringLiteral("application"), QStringLiteral("@as []"), QStringLiteral(""), QStringLiteral("handle 0")},
            {QStringLiteral(BERTH_FD_OPEN), QStringLiteral("0"), QStringLiteral("path"), closed, QStringLiteral("--")});
        waitForJobOf(outcome);
        const QString state = m_session.state(QStringLiteral("oci-closed"));
        destroy(QStringLiteral("oci-closed"));
        QCOMPARE(state, QStringLiteral("org.berth.Error.NotFound"));
        QVERIFY2(outcome.errText().contains(QLatin1String("org.berth.Error.InvalidArgument")),
                 qPrintable(describe(outcome)));
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
        QVERIFY2(outcome.errText().contains(QLatin1String("org.berth.Error.InvalidArgument")),
                 qPrintable(describe(outcome)));
    }
};

BERTH_SYSTEM_TEST_MAIN(TestExecAndFiles)

#include "test_exec_and_files.moc"
