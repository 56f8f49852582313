// The delegated scope request against a fake bus and systemd that answer
// with what systemd 252 sends: the request's every field is checked, and
// each way the exchange can end (done, failed, no signal, error reply).
#include "cgroup/systemd_scope.h"
#include "fake_systemd.h"

#include <QtTest>

#include <cerrno>

using berth::test::FakeSystemd;
using berth::test::JobRemoved;
using berth::test::Observed;
using berth::test::Property;
using berth::test::Script;

Q_DECLARE_METATYPE(Script)

namespace {

// The recorded exchange (systemd 252, src/core/dbus-manager.c and
// dbus-job.c): StartTransientUnit replies with the job's object path (o);
// when the job ends systemd broadcasts Manager.JobRemoved (uoss) from
// /org/freedesktop/systemd1 with the job's id, path, unit and result; a
// name that is taken gets org.freedesktop.systemd1.UnitExists.
constexpr pid_t kPid = 4242;
constexpr const char* kUnit = "berth-web.scope";
constexpr const char* kJob = "/org/freedesktop/systemd1/job/4711";
constexpr const char* kOtherJob = "/org/freedesktop/systemd1/job/4710";
constexpr const char* kUnitExists = "org.freedesktop.systemd1.UnitExists";
constexpr const char* kUnitExistsMessage = "Unit berth-web.scope was already loaded or has a fragment file.";
// Long enough that a slow machine never trips it in the cases that succeed;
// the timeout cases wait for it in full.
constexpr std::chrono::milliseconds kTimeout{5000};
constexpr std::chrono::milliseconds kShortTimeout{300};

JobRemoved jobRemoved(uint32_t id, const char* job, const char* unit, const char* result)
{
    return JobRemoved{id, job, unit, result};
}

Script replyJob(std::vector<JobRemoved> removedJobs)
{
    return Script{kJob, {}, {}, std::move(removedJobs)};
}

QString fixtureRoot(const char* name)
{
    return QStringLiteral(BERTH_SYSTEMD_FIXTURES "/") + QLatin1String(name);
}

} // namespace

class TestSystemdScope : public QObject {
    Q_OBJECT

private slots:
    void exchange_data();
    void exchange();
    void customSlice();
    void nullBus();

private:
    static void checkRequest(const Observed& seen, const char* slice, const char* unit);
};

void TestSystemdScope::exchange_data()
{
    QTest::addColumn<Script>("script");
    QTest::addColumn<QString>("root");
    QTest::addColumn<int>("timeoutMs");
    QTest::addColumn<int>("errorCode");    // 0: success
    QTest::addColumn<QString>("expected"); // the parent, or a part of the error message

    const auto done = jobRemoved(4711, kJob, kUnit, "done");
    const int normal = int(kTimeout.count());
    const int shortWait = int(kShortTimeout.count());
    QTest::newRow("done") << replyJob({done}) << fixtureRoot("unified") << normal << 0
                          << "machine.slice/berth-web.scope";
    QTest::newRow("done, hybrid host") << replyJob({done}) << fixtureRoot("hybrid") << normal << 0
                                       << "machine.slice/berth-web.scope";
    QTest::newRow("another job ends first") << replyJob({jobRemoved(4710, kOtherJob, "other.service", "failed"), done})
                                            << fixtureRoot("unified") << normal << 0 << "machine.slice/berth-web.scope";
    QTest::newRow("failed") << replyJob({jobRemoved(4711, kJob, kUnit, "failed")}) << fixtureRoot("unified") << normal
                            << EIO << "finished with result 'failed'";
    QTest::newRow("canceled") << replyJob({jobRemoved(4711, kJob, kUnit, "canceled")}) << fixtureRoot("unified")
                              << normal << EIO << "finished with result 'canceled'";
    QTest::newRow("no JobRemoved") << replyJob({}) << fixtureRoot("unified") << shortWait << ETIMEDOUT << "timed out";
    QTest::newRow("only another job's JobRemoved") << replyJob({jobRemoved(4710, kOtherJob, "other.service", "done")})
                                                   << fixtureRoot("unified") << shortWait << ETIMEDOUT << "timed out";
    QTest::newRow("unit exists") << Script{{}, kUnitExists, kUnitExistsMessage, {}} << fixtureRoot("unified") << normal
                                 << EEXIST << QString::fromLatin1(kUnitExistsMessage);
    QTest::newRow("bus gone while waiting") << Script{kJob, {}, {}, {}, true} << fixtureRoot("unified") << normal
                                            << ECONNRESET << "connection to the bus lost";
    QTest::newRow("pid not moved") << replyJob({done}) << fixtureRoot("elsewhere") << normal << EPROTO
                                   << "not in the scope";
    QTest::newRow("scope already removed")
        << replyJob({done}) << fixtureRoot("deleted") << normal << ENOENT << "was removed";
}

void TestSystemdScope::exchange()
{
    QFETCH(Script, script);
    QFETCH(QString, root);
    QFETCH(int, timeoutMs);
    QFETCH(int, errorCode);
    QFETCH(QString, expected);

    FakeSystemd fake(script);
    QVERIFY2(fake.client(), fake.setupError().c_str());
    const auto parent = berth::cgroup::delegatedCgroupParent(fake.client(), "web", kPid,
                                                             std::chrono::milliseconds(timeoutMs), root.toStdString());
    const Observed seen = fake.finish();

    checkRequest(seen, "machine.slice", kUnit);
    if (errorCode == 0) {
        QVERIFY2(parent.has_value(), parent ? "" : parent.error().describe().c_str());
        QCOMPARE(QString::fromStdString(*parent), expected);
        return;
    }
    QVERIFY(!parent.has_value());
    QCOMPARE(parent.error().code, errorCode);
    const QString message = QString::fromStdString(parent.error().message);
    QVERIFY2(message.contains(expected), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String(kUnit)), qPrintable(message));
    if (errorCode == EEXIST)
        QVERIFY2(message.contains(QLatin1String(kUnitExists)), qPrintable(message));
}

// Every field systemd reads, with its D-Bus type, and the subscription made
// before the call.
void TestSystemdScope::checkRequest(const Observed& seen, const char* slice, const char* unit)
{
    QVERIFY2(seen.problems.empty(), seen.problems.empty() ? "" : seen.problems.front().c_str());
    const auto at = [&](const std::string& call) {
        return std::find(seen.calls.begin(), seen.calls.end(), call) - seen.calls.begin();
    };
    const auto start = at("org.freedesktop.systemd1.Manager.StartTransientUnit");
    QVERIFY(start < std::ssize(seen.calls));
    QVERIFY2(at("org.freedesktop.DBus.AddMatch") < start, "JobRemoved subscribed after the call");
    QCOMPARE(std::count(seen.calls.begin(), seen.calls.end(), seen.calls[start]), 1);
    QCOMPARE(seen.matchRules.size(), size_t(1));
    QCOMPARE(seen.matchRules.front(),
             std::string("type='signal',sender='org.freedesktop.systemd1',path='/org/freedesktop/systemd1',"
                         "interface='org.freedesktop.systemd1.Manager',member='JobRemoved'"));

    QCOMPARE(seen.destination, std::string("org.freedesktop.systemd1"));
    QCOMPARE(seen.path, std::string("/org/freedesktop/systemd1"));
    QCOMPARE(seen.signature, std::string("ssa(sv)a(sa(sv))"));
    QCOMPARE(seen.unit, std::string(unit));
    QCOMPARE(seen.mode, std::string("fail"));
    QCOMPARE(seen.auxUnits, 0);

    const std::map<std::string, Property> expected = {
        {"PIDs", {"au", "[4242]"}},
        {"Delegate", {"b", "true"}},
        {"Slice", {"s", slice}},
        {"Description", {"s", std::string("Berth scope ") + unit}},
        {"CollectMode", {"s", "inactive-or-failed"}},
    };
    QCOMPARE(seen.propertyOrder.size(), expected.size()); // each once, nothing else
    for (const auto& [name, property] : expected) {
        const auto found = seen.properties.find(name);
        QVERIFY2(found != seen.properties.end(), name.c_str());
        QCOMPARE(found->second.signature, property.signature);
        QCOMPARE(found->second.value, property.value);
    }
}

// The lower-level call: any slice and unit, the absolute path returned.
void TestSystemdScope::customSlice()
{
    FakeSystemd fake(Script{kJob, {}, {}, {jobRemoved(4711, kJob, "berth-x.scope", "done")}});
    QVERIFY2(fake.client(), fake.setupError().c_str());
    const auto scope = berth::cgroup::startDelegatedScope(fake.client(), "berth-x.scope", kPid, "berth.slice", kTimeout,
                                                          fixtureRoot("custom-slice").toStdString());
    const Observed seen = fake.finish();
    checkRequest(seen, "berth.slice", "berth-x.scope");
    QVERIFY2(scope.has_value(), scope ? "" : scope.error().describe().c_str());
    QCOMPARE(*scope, std::string("/berth.slice/berth-x.scope"));
}

void TestSystemdScope::nullBus()
{
    const auto scope = berth::cgroup::startDelegatedScope(nullptr, kUnit, kPid, "machine.slice", kTimeout);
    QVERIFY(!scope.has_value());
    QCOMPARE(scope.error().code, EINVAL);
}

QTEST_GUILESS_MAIN(TestSystemdScope)
#include "test_systemd_scope.moc"
