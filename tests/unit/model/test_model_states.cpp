// The wire names of states, kinds and errors (model/states.h,
// model/error_names.h): each name maps back to its value, names are
// distinct, and any other text is refused rather than guessed.
#include "berth/model/error_names.h"
#include "berth/model/states.h"

#include <QTest>

#include <set>
#include <string>

using namespace berth::model;

class TestModelStates : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void runStatesRoundTrip()
    {
        std::set<std::string> names;
        for (RunState state : {RunState::Stopped, RunState::Starting, RunState::Running, RunState::Stopping,
                               RunState::Frozen, RunState::Unmanaged}) {
            const std::string_view name = wireName(state);
            QVERIFY(names.insert(std::string(name)).second);
            QCOMPARE(parseRunState(name), std::optional(state));
        }
        QCOMPARE(wireName(RunState::Running), std::string_view("running"));
        QCOMPARE(wireName(RunState::Frozen), std::string_view("frozen"));
        QCOMPARE(wireName(RunState::Unmanaged), std::string_view("unmanaged"));
    }

    // Running without its monitor: only stop (by the cgroup) is possible.
    void unmanagedAllowsOnlyStop()
    {
        QVERIFY(canStop(RunState::Unmanaged));
        QVERIFY(!canStart(RunState::Unmanaged));
        QVERIFY(!canExec(RunState::Unmanaged));
        QVERIFY(!canFreeze(RunState::Unmanaged));
        QVERIFY(!canThaw(RunState::Unmanaged));
        QVERIFY(!isActive(RunState::Unmanaged));
        QVERIFY(!isTransient(RunState::Unmanaged));
        QVERIFY(!canKill(RunState::Unmanaged));
        QVERIFY(canExec(RunState::Running));
        QVERIFY(!canExec(RunState::Frozen));
    }

    void jobStatesRoundTrip()
    {
        for (JobState state : {JobState::Running, JobState::Succeeded, JobState::Failed, JobState::Cancelled})
            QCOMPARE(parseJobState(wireName(state)), std::optional(state));
        QCOMPARE(wireName(JobState::Cancelled), std::string_view("cancelled"));
        QVERIFY(!isFinished(JobState::Running));
        QVERIFY(isFinished(JobState::Failed));
    }

    void kindsRoundTrip()
    {
        QCOMPARE(wireName(ContainerKind::System), std::string_view("system"));
        QCOMPARE(wireName(ContainerKind::Application), std::string_view("application"));
        QCOMPARE(parseContainerKind("application"), std::optional(ContainerKind::Application));
    }

    void otherTextIsRefused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("case") << QStringLiteral("Running");
        QTest::newRow("space") << QStringLiteral("running ");
        QTest::newRow("unknown") << QStringLiteral("paused");
        QTest::newRow("app") << QStringLiteral("app");
    }

    void otherTextIsRefused()
    {
        QFETCH(QString, text);
        const std::string name = text.toStdString();
        QVERIFY(!parseRunState(name));
        QVERIFY(!parseJobState(name));
        QVERIFY(!parseContainerKind(name));
        QVERIFY(!errorKindFromName(name));
    }

    void activeAndTransient()
    {
        QVERIFY(isActive(RunState::Running));
        QVERIFY(isActive(RunState::Frozen));
        QVERIFY(!isActive(RunState::Stopped));
        QVERIFY(isTransient(RunState::Starting));
        QVERIFY(isTransient(RunState::Stopping));
        QVERIFY(!isTransient(RunState::Running));
    }

    void errorNamesRoundTrip()
    {
        std::set<std::string_view> names;
        for (ErrorKind kind : {ErrorKind::InvalidArgument, ErrorKind::NotAuthorized, ErrorKind::NotFound,
                               ErrorKind::AlreadyExists, ErrorKind::Busy, ErrorKind::Failed, ErrorKind::CommandNotFound,
                               ErrorKind::CommandNotRunnable, ErrorKind::Changed}) {
            const std::string_view name = dbusErrorName(kind);
            QVERIFY(name.starts_with("org.berth.Error."));
            QVERIFY(names.insert(name).second);
            QCOMPARE(errorKindFromName(name), std::optional(kind));
        }
        QVERIFY(!errorKindFromName("org.freedesktop.DBus.Error.ServiceUnknown"));
    }
};

QTEST_APPLESS_MAIN(TestModelStates)
#include "test_model_states.moc"
