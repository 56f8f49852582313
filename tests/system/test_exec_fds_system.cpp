// The caller's descriptors through the real bus, helper and polkitd: exec
// takes for stdio only what stdio can be and the command in the container
// never holds the caller's descriptors (it gets pipes the helper copies);
// an OCI layout directory is read with the caller's rights, so a blob the
// caller cannot read is never imported.
#include "berthctl_run.h"
#include "integration_bus.h"
#include "system_bus.h"
#include "test_users.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace berth::test;

namespace {

const QString kBox = QStringLiteral("fdbox");
const QString kBlobGroup = QStringLiteral("berth-test-blob");

// berthctl through /bin/sh, for its redirections; stdout and stderr kept.
Outcome shell(const QString& script)
{
    QProcess process;
    process.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script});
    process.closeWriteChannel();
    return finish(process, 120000, script);
}

QString exec(const QString& command)
{
    return QStringLiteral(BERTHCTL_BINARY " exec fdbox -- /bin/sh -c '%1'").arg(command);
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(unreadable)");
}

bool writeAll(const QString& path, const QByteArray& data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

QString sha256(const QByteArray& data)
{
    return QStringLiteral("sha256:") +
           QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

// Writes the blob under blobs/sha256 and returns its descriptor.
QString blob(const QString& layout, const QString& mediaType, const QByteArray& data, QString* path = nullptr)
{
    const QString digest = sha256(data);
    const QString file = layout + QStringLiteral("/blobs/sha256/") + digest.mid(7);
    writeAll(file, data);
    if (path)
        *path = file;
    return QStringLiteral(R"({"mediaType":"%1","digest":"%2","size":%3})").arg(mediaType, digest).arg(data.size());
}

// A one-layer OCI layout under `layout`; *layerPath is the layer's blob.
bool writeLayout(const QString& layout, QString* layerPath)
{
    const QString tree = layout + QStringLiteral(".tree");
    if (!QDir().mkpath(tree) || !QDir().mkpath(layout + QStringLiteral("/blobs/sha256")) ||
        !writeAll(tree + QStringLiteral("/hello"), "hello from the image\n"))
        return false;
    QString tarOut;
    if (run(QStringLiteral("tar"),
            {QStringLiteral("-C"), tree, QStringLiteral("-cf"), layout + QStringLiteral(".tar"), QStringLiteral(".")},
            &tarOut) != 0)
        return false;
    const QByteArray layer = readAll(layout + QStringLiteral(".tar"));
    const QByteArray config = QStringLiteral(R"({"architecture":"amd64","os":"linux","config":{"Cmd":["/hello"]},)"
                                             R"("rootfs":{"type":"layers","diff_ids":["%1"]}})")
                                  .arg(sha256(layer))
                                  .toUtf8();
    const QByteArray manifest =
        QStringLiteral(R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",)"
                       R"("config":%1,"layers":[%2]})")
            .arg(blob(layout, QStringLiteral("application/vnd.oci.image.config.v1+json"), config),
                 blob(layout, QStringLiteral("application/vnd.oci.image.layer.v1.tar"), layer, layerPath))
            .toUtf8();
    const QString index =
        QStringLiteral(R"({"schemaVersion":2,"manifests":[%1]})")
            .arg(blob(layout, QStringLiteral("application/vnd.oci.image.manifest.v1+json"), manifest));
    return writeAll(layout + QStringLiteral("/index.json"), index.toUtf8()) &&
           writeAll(layout + QStringLiteral("/oci-layout"), R"({"imageLayoutVersion":"1.0.0"})");
}

// Everything under `dir` readable by all, as a layout a user hands over.
void openUp(const QString& dir)
{
    run(QStringLiteral("chmod"), {QStringLiteral("-R"), QStringLiteral("a+rX"), dir});
}

} // namespace

class TestExecFdsSystem : public QObject {
    Q_OBJECT
private:
    SystemBus m_bus;
    QTemporaryDir m_dir;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    QStringList createCommand(const QString& name, const QString& layout) const
    {
        return {QStringLiteral("env"),
                QStringLiteral("BERTH_BUS_ADDRESS=") + m_bus.address(),
                QStringLiteral(BERTHCTL_BINARY),
                QStringLiteral("create"),
                name,
                QStringLiteral("-t"),
                QStringLiteral("oci"),
                QStringLiteral("--file"),
                layout};
    }

    int createAsUser(const QString& name, const QString& layout, QString* out)
    {
        return runAs(kTestUser, createCommand(name, layout), out);
    }

    // As the user, with its own group and group berth only (setpriv --groups).
    int createWithoutOtherGroups(const QString& name, const QString& layout, QString* out)
    {
        QString uid, gid, berth;
        run(QStringLiteral("id"), {QStringLiteral("-u"), kTestUser}, &uid);
        run(QStringLiteral("id"), {QStringLiteral("-g"), kTestUser}, &gid);
        run(QStringLiteral("getent"), {QStringLiteral("group"), kBerthGroup}, &berth);
        const QStringList setpriv{
            QStringLiteral("--reuid=") + uid.trimmed(), QStringLiteral("--regid=") + gid.trimmed(),
            QStringLiteral("--groups=") + berth.section(QLatin1Char(':'), 2, 2), QStringLiteral("--")};
        return run(QStringLiteral("setpriv"), setpriv + createCommand(name, layout), out);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                        QFile::ReadOther | QFile::ExeOther));
        QString why;
        QVERIFY2(ensureMember(kTestUser, &why), qPrintable(why));
        QVERIFY2(startTestBus(m_bus, &why), qPrintable(why));
        EXPECT_CODE(berthctl({QStringLiteral("create"), kBox, QStringLiteral("-t"), QStringLiteral("busybox")}), 0);
        EXPECT_CODE(berthctl({QStringLiteral("start"), kBox}), 0);
    }

    void cleanupTestCase()
    {
        for (const auto& name :
             {kBox, QStringLiteral("ocidenied"), QStringLiteral("ociallowed"), QStringLiteral("ocigroup")})
            berthctl({QStringLiteral("destroy"), QStringLiteral("-f"), name});
        removeFromGroup(kTestUser, kBerthGroup);
        removeFromGroup(kTestUser, kBlobGroup);
        m_bus.stop();
    }

    // `< /` handed root in the container a directory fd of the host's /.
    void directoryStdinRefused()
    {
        const auto outcome =
            shell(exec(QStringLiteral("cat /proc/self/fd/0/etc/shadow; ls -l /proc/self/fd")) + QStringLiteral(" < /"));
        QVERIFY2(outcome.code != 0 && outcome.code != -1, qPrintable(describe(outcome)));
        QVERIFY2(outcome.errText().contains(QLatin1String("stdin is a directory")), qPrintable(describe(outcome)));
        QVERIFY2(!outcome.out.contains("root:"), qPrintable(describe(outcome)));
    }

    // A file the caller opened read-only stays read-only: the command gets
    // a pipe, so /proc/self/fd/0 reopened for writing reaches no host file.
    void readOnlyStdinStaysReadOnly()
    {
        const QString file = path(QStringLiteral("input.txt"));
        QVERIFY(writeAll(file, "original\n"));
        const auto outcome = shell(exec(QStringLiteral("echo pwned >> /proc/self/fd/0; readlink /proc/self/fd/0; "
                                                       "cat; ls -l /proc/self/fd")) +
                                   QStringLiteral(" < ") + file);
        QCOMPARE(readAll(file), QByteArray("original\n"));
        QVERIFY2(outcome.code == 0, qPrintable(describe(outcome)));
        QVERIFY2(outcome.out.startsWith("pipe:[") && outcome.out.contains("original\n"), qPrintable(describe(outcome)));
        QVERIFY2(!outcome.out.contains(file.toUtf8()), qPrintable(describe(outcome)));
    }

    void fileStdoutAndStderr()
    {
        const QString out = path(QStringLiteral("out.txt")), err = path(QStringLiteral("err.txt"));
        const auto outcome = shell(exec(QStringLiteral("echo to-out; echo to-err >&2; exit 5")) +
                                   QStringLiteral(" > %1 2> %2").arg(out, err));
        QVERIFY2(outcome.code == 5, qPrintable(describe(outcome)));
        QCOMPARE(readAll(out), QByteArray("to-out\n"));
        QCOMPARE(readAll(err), QByteArray("to-err\n"));
    }

    // Written by a process without privileges, as the caller's own write
    // would be: the kernel strips the set-user-ID bit (root in the
    // container, with CAP_FSETID, kept it).
    void setuidOutputLosesItsBit()
    {
        const QString file = path(QStringLiteral("setuid-out"));
        QVERIFY(writeAll(file, "#!/bin/sh\n"));
        QVERIFY(::chmod(QFile::encodeName(file).constData(), 04777) == 0);
        const auto outcome = shell(exec(QStringLiteral("echo appended")) + QStringLiteral(" >> ") + file);
        QVERIFY2(outcome.code == 0, qPrintable(describe(outcome)));
        QCOMPARE(readAll(file), QByteArray("#!/bin/sh\nappended\n"));
        struct stat st {};
        QCOMPARE(::stat(QFile::encodeName(file).constData(), &st), 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0777));
    }

    void readOnlyStdoutRefused()
    {
        const QString file = path(QStringLiteral("readonly-out.txt"));
        QVERIFY(writeAll(file, "kept\n"));
        const auto outcome = shell(exec(QStringLiteral("echo written")) + QStringLiteral(" 1< ") + file);
        QVERIFY2(outcome.code != 0 && outcome.errText().contains(QLatin1String("stdout")),
                 qPrintable(describe(outcome)));
        QCOMPARE(readAll(file), QByteArray("kept\n"));
    }

    // Pipes both ways, more than a pipe holds in each direction at once
    // (the proxy must not deadlock), EOF passed on, the exit code kept.
    void pipesBothWays()
    {
        QByteArray input;
        for (int i = 0; input.size() < 1024 * 1024; ++i)
            input += QByteArray::number(i) + '\n';
        QProcess process;
        process.start(QStringLiteral(BERTHCTL_BINARY),
                      {QStringLiteral("exec"), kBox, QStringLiteral("--"), QStringLiteral("/bin/sh"),
                       QStringLiteral("-c"), QStringLiteral("tee /dev/stderr; exit 3")});
        QVERIFY(process.waitForStarted());
        process.write(input);
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(120000));
        QCOMPARE(process.exitCode(), 3);
        const QByteArray out = process.readAllStandardOutput();
        const QByteArray err = process.readAllStandardError();
        QCOMPARE(out.size(), input.size());
        QVERIFY(out == input);
        QVERIFY(err == input);
    }

    // A member of group berth hands over a layout with a blob only root
    // may read: with the member's rights it cannot be read, so nothing is
    // created. The same layout made readable is imported.
    void ociLayoutReadWithCallersRights()
    {
        const QString layout = path(QStringLiteral("layout"));
        QString layer;
        QVERIFY(writeLayout(layout, &layer));
        openUp(m_dir.path());
        QVERIFY(::chmod(QFile::encodeName(layer).constData(), 0600) == 0);
        QString out;
        const int refused = createAsUser(QStringLiteral("ocidenied"), layout, &out);
        QVERIFY2(refused != 0, qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("Permission denied")), qPrintable(out));
        EXPECT_CODE(berthctl({QStringLiteral("info"), QStringLiteral("ocidenied")}), 4);

        QVERIFY(::chmod(QFile::encodeName(layer).constData(), 0644) == 0);
        const int created = createAsUser(QStringLiteral("ociallowed"), layout, &out);
        QVERIFY2(created == 0, qPrintable(out));
        EXPECT_CODE(berthctl({QStringLiteral("info"), QStringLiteral("ociallowed")}), 0);
    }

    // The groups are those the caller's process has (the bus tells them),
    // not all the user database lists: a group the caller left is no right.
    void ociLayoutReadWithCallersGroups()
    {
        QString why;
        QVERIFY2(ensureGroup(kBlobGroup, &why), qPrintable(why));
        QVERIFY2(addToGroup(kTestUser, kBlobGroup, &why), qPrintable(why));
        const QString layout = path(QStringLiteral("grouplayout"));
        QString layer;
        QVERIFY(writeLayout(layout, &layer));
        openUp(m_dir.path());
        QCOMPARE(run(QStringLiteral("chown"), {QStringLiteral("root:") + kBlobGroup, layer}), 0);
        QVERIFY(::chmod(QFile::encodeName(layer).constData(), 0640) == 0);
        QString out;
        const int refused = createWithoutOtherGroups(QStringLiteral("ocigroup"), layout, &out);
        QVERIFY2(refused != 0 && out.contains(QLatin1String("Permission denied")), qPrintable(out));
        EXPECT_CODE(berthctl({QStringLiteral("info"), QStringLiteral("ocigroup")}), 4);
        const int created = createAsUser(QStringLiteral("ocigroup"), layout, &out);
        QVERIFY2(created == 0, qPrintable(out));
    }
};

BERTH_SYSTEM_TEST_MAIN(TestExecFdsSystem)

#include "test_exec_fds_system.moc"
