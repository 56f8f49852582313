// A job carries its error's kind and message (issue #20, item 6): racing
// berthctl start/stop/destroy/export calls on one container, from parallel
// processes of root and of a member of group berth, each end with success,
// "busy" (exit 5) or the real error, said in words; never "job failed at
// step ''" and never exit 1 without a message. A job that fails at once
// says its kind and message through berthctl, its Finished signal and its
// properties (read late, after it ended).
#include "berthctl_run.h"
#include "helper_calls.h"
#include "integration_bus.h"
#include "integration_env.h"
#include "system_bus.h"
#include "test_users.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusUnixFileDescriptor>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <memory>
#include <unistd.h>
#include <vector>

using namespace berth::test;

namespace {

const QString kName = QStringLiteral("race1");
constexpr int kExitBusy = 5;
constexpr int kRacers = 40; // per round
constexpr int kRounds = 4;

// berthctl as root or as the member, started and left running.
std::unique_ptr<QProcess> startBerthctl(const QStringList& args, bool asMember, const SystemBus& bus)
{
    auto process = std::make_unique<QProcess>();
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("BERTH_BUS_ADDRESS"), bus.address());
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    process->setProcessEnvironment(env);
    process->setWorkingDirectory(QStringLiteral("/"));
    process->setStandardInputFile(QProcess::nullDevice());
    if (!asMember) {
        process->start(QStringLiteral(BERTHCTL_BINARY), args);
        return process;
    }
    process->start(QStringLiteral("setpriv"),
                   QStringList{QStringLiteral("--reuid=") + idOf(QStringLiteral("-u"), kTestUser),
                               QStringLiteral("--regid=") + idOf(QStringLiteral("-g"), kTestUser),
                               QStringLiteral("--init-groups"), QStringLiteral("--"), QStringLiteral(BERTHCTL_BINARY)} +
                       args);
    return process;
}

// What a loser may say: nothing wrong, busy, or a real error in words.
QString judge(const QString& what, const Outcome& outcome)
{
    const QString said = both(outcome);
    if (outcome.code == -1)
        return what + QStringLiteral(": did not end (") + describe(outcome) + QLatin1Char(')');
    if (said.contains(QLatin1String("at step")))
        return what + QStringLiteral(": a job without its error: ") + describe(outcome);
    if (outcome.code == 0)
        return {};
    if (outcome.errText().trimmed().size() < 10)
        return what + QStringLiteral(": failed without a message: ") + describe(outcome);
    return {};
}

// The Finished signals' arguments, caught on root's connection.
class Caught : public QObject {
    Q_OBJECT
public:
    QList<QVariantList> finished;
public Q_SLOTS:
    void onFinished(const QDBusMessage& message) { finished.append(message.arguments()); }
};

} // namespace

class TestJobErrors : public QObject {
    Q_OBJECT
private:
    SystemBus m_bus;
    QTemporaryDir m_dir;

    void ensureContainer(bool running)
    {
        if (containerState(m_bus, kName) == QLatin1String("org.berth.Error.NotFound"))
            EXPECT_CODE(berthctl({QStringLiteral("create"), kName, QStringLiteral("-t"), QStringLiteral("busybox"),
                                  QStringLiteral("--app"), QStringLiteral("--"), QStringLiteral("sleep"),
                                  QStringLiteral("3600")}),
                        0);
        const bool runs = containerState(m_bus, kName) == QLatin1String("running");
        if (running && !runs)
            EXPECT_CODE(berthctl({QStringLiteral("start"), kName}), 0);
        if (!running && runs)
            EXPECT_CODE(berthctl({QStringLiteral("stop"), kName, QStringLiteral("-t"), QStringLiteral("1")}), 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(ensureMember(kTestUser, &why), qPrintable(why));
        QVERIFY2(startTestBus(m_bus, &why), qPrintable(why));
        QVERIFY(m_dir.isValid());
        QVERIFY(::chmod(m_dir.path().toLocal8Bit().constData(), 0777) == 0);
    }

    void cleanupTestCase()
    {
        destroyAllContainers(m_bus);
        m_bus.stop();
    }

    // Every racer ends, and each loser says why in words.
    void racingCallsSayBusyOrWhy()
    {
        QStringList problems;
        int busy = 0;
        for (int round = 0; round < kRounds; ++round) {
            ensureContainer(round % 2 == 0);
            std::vector<std::pair<QString, std::unique_ptr<QProcess>>> racers;
            for (int i = 0; i < kRacers; ++i) {
                QStringList args;
                switch (i % 4) {
                case 0:
                    args = {QStringLiteral("start"), kName};
                    break;
                case 1:
                    args = {QStringLiteral("stop"), kName, QStringLiteral("-t"), QStringLiteral("1")};
                    break;
                case 2:
                    args = {QStringLiteral("export"), kName,
                            m_dir.path() + QStringLiteral("/out-%1-%2.tar.gz").arg(round).arg(i)};
                    break;
                default:
                    args = {QStringLiteral("destroy"), kName};
                    break;
                }
                const bool asMember = i % 2 == 1;
                const QString what = (asMember ? kTestUser : QStringLiteral("root")) + QStringLiteral(": berthctl ") +
                                     args.join(QLatin1Char(' '));
                racers.emplace_back(what, startBerthctl(args, asMember, m_bus));
            }
            for (auto& [what, process] : racers) {
                const Outcome outcome = finish(*process, 120000, what);
                if (outcome.code == kExitBusy)
                    ++busy;
                if (QString problem = judge(what, outcome); !problem.isEmpty())
                    problems.append(problem);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        qInfo() << "busy answers:" << busy;
    }

    // An export job of a running container fails at once: its kind and
    // message reach the Finished signal and the properties a late reader
    // sees, and berthctl, with the kind's exit code.
    void fastFailingJobSaysItsKind()
    {
        ensureContainer(true);
        QFile out(m_dir.path() + QStringLiteral("/bus.tar.gz"));
        QVERIFY(out.open(QIODevice::WriteOnly));
        Caught caught;
        QVERIFY(m_bus.connection().connect(kService, QString(), kJob, QStringLiteral("Finished"), &caught,
                                           SLOT(onFinished(QDBusMessage))));
        const auto reply = callHelper(m_bus, kManager, QStringLiteral("Export"),
                                      {kName, QVariant::fromValue(QDBusUnixFileDescriptor(out.handle()))});
        out.close();
        QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorName() + reply.errorMessage()));
        const QString job = qvariant_cast<QDBusObjectPath>(reply.arguments().value(0)).path();
        QCOMPARE(waitForJob(m_bus, job), QStringLiteral("failed"));
        QVERIFY(waitUntil([&] { return !caught.finished.isEmpty(); }, 10000));
        const QVariantList args = caught.finished.first();
        QCOMPARE(args.value(0).toBool(), false);
        QCOMPARE(args.value(1).toString(), QStringLiteral("org.berth.Error.Busy"));
        QVERIFY2(args.value(2).toString().contains(QLatin1String("running")), qPrintable(args.value(2).toString()));
        QCOMPARE(jobProperty(m_bus, job, QStringLiteral("ErrorName")), args.value(1).toString());
        QCOMPARE(jobProperty(m_bus, job, QStringLiteral("ErrorMessage")), args.value(2).toString());

        // berthctl: a create from a template that does not exist, and an
        // export of a running container, each with their kind's code.
        const Outcome missing = berthctl(
            {QStringLiteral("create"), QStringLiteral("nosuch1"), QStringLiteral("-t"), QStringLiteral("no-such")});
        QVERIFY2(missing.code != 0 && missing.code != -1, qPrintable(describe(missing)));
        QVERIFY2(judge(QStringLiteral("create -t no-such"), missing).isEmpty(), qPrintable(describe(missing)));
        const Outcome running =
            berthctl({QStringLiteral("export"), kName, m_dir.path() + QStringLiteral("/running.tar.gz")});
        QVERIFY2(running.code == kExitBusy, qPrintable(describe(running)));
        QVERIFY2(judge(QStringLiteral("export of a running container"), running).isEmpty(),
                 qPrintable(describe(running)));
    }
};

BERTH_SYSTEM_TEST_MAIN(TestJobErrors)
#include "test_job_errors.moc"
