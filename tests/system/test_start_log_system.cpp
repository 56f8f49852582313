// berthctl start -o FILE -l LEVEL (issue #16, item 9), as lxc-start's: a
// member of group berth starts containers with a log of the start written
// by berthctl, as that user, to a file of the user's; the helper never
// opens the path.
#include "berthctl_run.h"
#include "helper_calls.h"
#include "integration_bus.h"
#include "system_bus.h"
#include "test_users.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace berth::test;

namespace {

const QString kGood = QStringLiteral("startlog1");
const QString kBad = QStringLiteral("startlog2");
const QString kUnwritable = QStringLiteral("/root/berth-start-log-test.log");

uid_t uidOf(const QString& user)
{
    const passwd* pw = ::getpwnam(user.toLocal8Bit().constData());
    return pw ? pw->pw_uid : uid_t(-1);
}

QStringList linesOf(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {QStringLiteral("<cannot read %1>").arg(path)};
    return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

// "2026-12-06T19:01:06.123Z INFO text": the text after the time, "" when the line has another form.
QString withoutTime(const QString& line)
{
    static const QRegularExpression form(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z (.*)$"));
    const auto match = form.match(line);
    return match.hasMatch() ? match.captured(1) : QString();
}

} // namespace

class TestStartLogSystem : public QObject {
    Q_OBJECT
private:
    SystemBus m_bus;
    QTemporaryDir m_dir;

    Outcome asMember(const QStringList& args)
    {
        return runAsUser(kTestUser, QStringList{QStringLiteral(BERTHCTL_BINARY)} + args, m_bus.address());
    }

    QString path(const QString& name) const { return m_dir.filePath(name); }

    void appendToConfig(const QString& name, const QString& lines)
    {
        const QString text =
            callHelper(m_bus, kManager, QStringLiteral("GetConfig"), {name}).arguments().value(0).toString();
        const QDBusMessage set = callHelper(m_bus, kManager, QStringLiteral("SetConfig"), {name, text + lines});
        QVERIFY2(set.type() == QDBusMessage::ReplyMessage, qPrintable(set.errorMessage()));
    }

    int pidOf(const QString& name)
    {
        const Outcome info = berthctl({QStringLiteral("info"), name, QStringLiteral("--json")});
        return QJsonDocument::fromJson(info.out).object().value(QStringLiteral("pid")).toInt();
    }

    void stop(const QString& name)
    {
        EXPECT_CODE(asMember({QStringLiteral("stop"), name, QStringLiteral("-t"), QStringLiteral("0")}), 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(ensureMember(kTestUser, &why), qPrintable(why));
        QVERIFY2(startTestBus(m_bus, &why), qPrintable(why));
        // The mode checked below is what the user's umask leaves of 0644.
        ::umask(022);
        QVERIFY(m_dir.isValid());
        const QByteArray dir = m_dir.path().toLocal8Bit();
        QVERIFY(::chown(dir.constData(), uidOf(kTestUser), gid_t(-1)) == 0 && ::chmod(dir.constData(), 0700) == 0);
        for (const QString& name : {kGood, kBad})
            EXPECT_CODE(asMember({QStringLiteral("create"), name, QStringLiteral("-t"), QStringLiteral("busybox"),
                                  QStringLiteral("--app"), QStringLiteral("--"), QStringLiteral("sleep"),
                                  QStringLiteral("1000")}),
                        0);
        // A warning GetContainer reports, for the log's WARN line.
        appendToConfig(kGood, QStringLiteral("lxc.apparmor.profile = lxc-container-default\n"));
        // A start that fails: its init cannot change to its working directory.
        appendToConfig(kBad, QStringLiteral("lxc.init.cwd = /nonexistent-berth-cwd\n"));
    }

    void cleanupTestCase()
    {
        for (const QString& name : {kGood, kBad})
            berthctl({QStringLiteral("destroy"), QStringLiteral("-f"), name});
        QFile::remove(kUnwritable);
        m_bus.stop();
        removeFromGroup(kTestUser, kBerthGroup);
    }

    // -l INFO: what is started, the config's warnings, the init's PID; the
    // file is the user's, created 0644 under the umask.
    void startLoggedAtInfo()
    {
        const QString log = path(QStringLiteral("good.log"));
        const Outcome started = asMember(
            {QStringLiteral("start"), kGood, QStringLiteral("-o"), log, QStringLiteral("-l"), QStringLiteral("INFO")});
        QVERIFY2(started.code == 0 && started.err.isEmpty(), qPrintable(describe(started)));
        struct stat st {};
        QCOMPARE(::stat(log.toLocal8Bit().constData(), &st), 0);
        QCOMPARE(st.st_uid, uidOf(kTestUser));
        QCOMPARE(st.st_mode & 07777, mode_t(0644));
        const int pid = pidOf(kGood);
        QVERIFY(pid > 0);
        QStringList texts;
        for (const QString& line : linesOf(log))
            texts << withoutTime(line);
        QVERIFY2(texts.size() == 3, qPrintable(texts.join(QLatin1Char('\n'))));
        QCOMPARE(texts[0], QStringLiteral("INFO starting %1").arg(kGood));
        QVERIFY2(texts[1].startsWith(QLatin1String("WARN config:")) &&
                     texts[1].contains(QLatin1String("lxc.apparmor.profile")),
                 qPrintable(texts[1]));
        QCOMPARE(texts[2], QStringLiteral("INFO %1 is running, init PID %2").arg(kGood).arg(pid));
        stop(kGood);
    }

    // The default level is ERROR, as lxc-start's: the failure alone, with
    // its reason, appended to what the file had; stderr says it as always.
    void failedStartLogsTheReason()
    {
        const QString log = path(QStringLiteral("bad.log"));
        QFile earlier(log);
        QVERIFY(earlier.open(QIODevice::WriteOnly));
        earlier.write("an earlier line\n");
        earlier.close();
        QVERIFY(::chown(log.toLocal8Bit().constData(), uidOf(kTestUser), gid_t(-1)) == 0);

        const Outcome failed = asMember({QStringLiteral("start"), kBad, QStringLiteral("-o"), log});
        QVERIFY2(failed.code == 1 && failed.errText().contains(QLatin1String("/nonexistent-berth-cwd")),
                 qPrintable(describe(failed)));
        const QStringList lines = linesOf(log);
        QVERIFY2(lines.size() == 2, qPrintable(lines.join(QLatin1Char('\n'))));
        QCOMPARE(lines[0], QStringLiteral("an earlier line"));
        const QString error = withoutTime(lines[1]);
        QVERIFY2(error.startsWith(QStringLiteral("ERROR %1 failed to start: ").arg(kBad)) &&
                     error.contains(QLatin1String("/nonexistent-berth-cwd")),
                 qPrintable(lines[1]));
        QCOMPARE(containerState(m_bus, kBad), QStringLiteral("stopped"));
    }

    // An unknown level is a usage error before anything is opened or started.
    void unknownLevelIsRefused()
    {
        const QString log = path(QStringLiteral("bogus.log"));
        const Outcome refused = asMember(
            {QStringLiteral("start"), kGood, QStringLiteral("-o"), log, QStringLiteral("-l"), QStringLiteral("BOGUS")});
        QVERIFY2(refused.code == 2 && refused.errText().contains(QLatin1String("'BOGUS'")),
                 qPrintable(describe(refused)));
        QVERIFY(!QFile::exists(log));
        QCOMPARE(containerState(m_bus, kGood), QStringLiteral("stopped"));
    }

    // berthctl opens the file with the user's rights: root's directory is
    // closed to them, and nothing starts.
    void fileTheUserCannotWriteIsRefused()
    {
        QFile::remove(kUnwritable);
        const Outcome refused = asMember({QStringLiteral("start"), kGood, QStringLiteral("-o"), kUnwritable});
        QVERIFY2(refused.code == 2 && refused.errText().contains(kUnwritable) &&
                     refused.errText().contains(QLatin1String("Permission denied")),
                 qPrintable(describe(refused)));
        QVERIFY(!QFile::exists(kUnwritable));
        QCOMPARE(containerState(m_bus, kGood), QStringLiteral("stopped"));
    }

    // Without -o, -l is for stderr; without either, stderr stays as it was.
    void levelWithoutFileIsForStderr()
    {
        const Outcome logged = asMember({QStringLiteral("start"), kGood, QStringLiteral("-l"), QStringLiteral("info")});
        QVERIFY2(logged.code == 0, qPrintable(describe(logged)));
        const QStringList lines = logged.errText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.size() == 3 && withoutTime(lines[0]) == QStringLiteral("INFO starting %1").arg(kGood) &&
                     withoutTime(lines[2]).startsWith(QStringLiteral("INFO %1 is running, init PID ").arg(kGood)),
                 qPrintable(describe(logged)));
        stop(kGood);
        const Outcome plain = asMember({QStringLiteral("start"), kGood});
        QVERIFY2(plain.code == 0 && plain.err.isEmpty() && plain.out.isEmpty(), qPrintable(describe(plain)));
        stop(kGood);
        // A failure on stderr is the log's ERROR line.
        const Outcome failed = asMember({QStringLiteral("start"), kBad, QStringLiteral("-l"), QStringLiteral("error")});
        const QString said = withoutTime(failed.errText().trimmed());
        QVERIFY2(failed.code == 1 && said.startsWith(QStringLiteral("ERROR %1 failed to start: ").arg(kBad)),
                 qPrintable(describe(failed)));
    }
};

BERTH_SYSTEM_TEST_MAIN(TestStartLogSystem)
#include "test_start_log_system.moc"
