// Registration with systemd-machined against a fake bus that answers as
// systemd 252's machined and dbus-daemon do: the request's every argument
// and its D-Bus type, and each way the call can end (registered, machined
// not installed, name taken, refused, no answer).
#include "cgroup/machine_registration.h"
#include "fake_systemd.h"

#include <QtTest>

#include <algorithm>
#include <cerrno>

using berth::cgroup::MachineRegistration;
using berth::test::FakeSystemd;
using berth::test::MachinedScript;
using berth::test::MachineRequest;
using berth::test::Observed;
using berth::test::Script;

Q_DECLARE_METATYPE(MachinedScript)
Q_DECLARE_METATYPE(MachineRegistration)

namespace {

// The recorded exchange (systemd 252, src/machine/machined-dbus.c and
// machine.c; dbus-daemon's bus driver): RegisterMachineWithNetwork
// ("sayssusai") replies with the machine's path (o) built by
// sd_bus_path_encode under /org/freedesktop/machine1/machine; a taken name
// gets org.freedesktop.machine1.MachineExists "Machine 'web' already
// exists"; an argument machined refuses gets InvalidArgs; without
// systemd-container the bus driver answers ServiceUnknown.
constexpr const char* kRegister = "org.freedesktop.machine1.Manager.RegisterMachineWithNetwork";
constexpr const char* kMachineExists = "org.freedesktop.machine1.MachineExists";
constexpr const char* kServiceUnknown = "org.freedesktop.DBus.Error.ServiceUnknown";
constexpr pid_t kLeader = 4243;
// Long enough that a slow machine never trips it in the cases that get an
// answer; the timeout case waits for the short one in full.
constexpr std::chrono::milliseconds kTimeout{5000};
constexpr std::chrono::milliseconds kShortTimeout{300};

MachineRegistration webMachine()
{
    MachineRegistration machine;
    machine.name = "web";
    machine.leader = kLeader;
    machine.rootDirectory = "/var/lib/berth/containers/web/rootfs";
    return machine;
}

MachinedScript machinedError(const char* name, const char* message, bool fromBusDriver = false)
{
    return MachinedScript{name, message, fromBusDriver, false};
}

bool calledRegister(const Observed& seen)
{
    return std::ranges::find(seen.calls, std::string(kRegister)) != seen.calls.end();
}

} // namespace

class TestMachineRegistration : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void registered_data();
    void registered();
    void skipped_data();
    void skipped();
    void failed_data();
    void failed();
    void invalidNameNeverCalls_data();
    void invalidNameNeverCalls();
    void nameValidity_data();
    void nameValidity();

private:
    static void checkRequest(const Observed& seen, const MachineRegistration& machine);
};

// Every argument machined reads, with its D-Bus type (the fake reads each
// with the type it must have), the service and class Berth registers as.
void TestMachineRegistration::checkRequest(const Observed& seen, const MachineRegistration& machine)
{
    QVERIFY2(seen.problems.empty(), seen.problems.empty() ? "" : seen.problems.front().c_str());
    QCOMPARE(std::ranges::count(seen.calls, std::string(kRegister)), 1);
    const MachineRequest& request = seen.machine;
    QCOMPARE(request.destination, std::string("org.freedesktop.machine1"));
    QCOMPARE(request.path, std::string("/org/freedesktop/machine1"));
    QCOMPARE(request.signature, std::string("sayssusai"));
    QCOMPARE(request.name, machine.name);
    const std::vector<uint8_t> id =
        machine.id ? std::vector<uint8_t>(machine.id->begin(), machine.id->end()) : std::vector<uint8_t>{};
    QCOMPARE(request.id, id);
    QCOMPARE(request.service, std::string("berth"));
    QCOMPARE(request.machineClass, std::string("container"));
    QCOMPARE(request.leader, uint32_t(machine.leader));
    QCOMPARE(request.rootDirectory, machine.rootDirectory);
    QCOMPARE(request.interfaces, machine.interfaces);
}

void TestMachineRegistration::registered_data()
{
    QTest::addColumn<MachineRegistration>("machine");
    QTest::addColumn<QString>("path");

    QTest::newRow("no id, no interfaces") << webMachine() << "/org/freedesktop/machine1/machine/web";
    MachineRegistration full = webMachine();
    full.name = "web-1.lan";
    full.id = std::array<uint8_t, 16>{0x5c, 0x0f, 0x1e, 0x2d, 0x3c, 0x4b, 0x5a, 0x69,
                                      0x78, 0x87, 0x96, 0xa5, 0xb4, 0xc3, 0xd2, 0xe1};
    full.interfaces = {7, 12};
    QTest::newRow("id, interfaces, escaped path") << full << "/org/freedesktop/machine1/machine/web_2d1_2elan";
    MachineRegistration noRoot = webMachine();
    noRoot.rootDirectory.clear();
    QTest::newRow("no root directory") << noRoot << "/org/freedesktop/machine1/machine/web";
}

void TestMachineRegistration::registered()
{
    QFETCH(MachineRegistration, machine);
    QFETCH(QString, path);

    FakeSystemd fake(Script{});
    QVERIFY2(fake.client(), fake.setupError().c_str());
    const auto registered = berth::cgroup::registerMachine(fake.client(), machine, kTimeout);
    const Observed seen = fake.finish();

    checkRequest(seen, machine);
    QVERIFY2(registered.has_value(), registered ? "" : registered.error().describe().c_str());
    QVERIFY(registered->has_value());
    QCOMPARE(QString::fromStdString(**registered), path);
    QCOMPARE(**registered, seen.machine.replyPath);
}

// machined not there: the request went out, the answer is "nothing to do".
void TestMachineRegistration::skipped_data()
{
    QTest::addColumn<MachinedScript>("machined");

    QTest::newRow("not installed (ServiceUnknown)") << machinedError(
        kServiceUnknown, "The name org.freedesktop.machine1 was not provided by any .service files", true);
    QTest::newRow("no owner (NameHasNoOwner)")
        << machinedError("org.freedesktop.DBus.Error.NameHasNoOwner",
                         "Could not activate remote peer 'org.freedesktop.machine1'.", true);
    QTest::newRow("activation failed (Spawn.ChildExited)") << machinedError(
        "org.freedesktop.DBus.Error.Spawn.ChildExited", "Launch helper exited with unknown return code 1", true);
    QTest::newRow("unit missing (systemd1.NoSuchUnit)") << machinedError(
        "org.freedesktop.systemd1.NoSuchUnit", "Unit dbus-org.freedesktop.machine1.service not found.", true);
    QTest::newRow("unit masked (systemd1.UnitMasked)")
        << machinedError("org.freedesktop.systemd1.UnitMasked", "Unit systemd-machined.service is masked.", true);
}

void TestMachineRegistration::skipped()
{
    QFETCH(MachinedScript, machined);

    Script script;
    script.machined = machined;
    FakeSystemd fake(script);
    QVERIFY2(fake.client(), fake.setupError().c_str());
    const auto registered = berth::cgroup::registerMachine(fake.client(), webMachine(), kTimeout);
    const Observed seen = fake.finish();

    checkRequest(seen, webMachine());
    QVERIFY2(registered.has_value(), registered ? "" : registered.error().describe().c_str());
    QVERIFY(!registered->has_value());
}

// Problems to warn about: an error naming what happened, never a path.
void TestMachineRegistration::failed_data()
{
    QTest::addColumn<MachinedScript>("machined");
    QTest::addColumn<int>("timeoutMs");
    QTest::addColumn<int>("errorCode");
    QTest::addColumn<QString>("expected"); // a part of the message

    const int normal = int(kTimeout.count());
    QTest::newRow("name taken") << machinedError(kMachineExists, "Machine 'web' already exists") << normal << EEXIST
                                << "Machine 'web' already exists (org.freedesktop.machine1.MachineExists)";
    QTest::newRow("refused argument") << machinedError("org.freedesktop.DBus.Error.InvalidArgs", "Invalid machine name")
                                      << normal << EINVAL
                                      << "Invalid machine name (org.freedesktop.DBus.Error.InvalidArgs)";
    QTest::newRow("no unit for the leader")
        << machinedError("System.Error.ENXIO", "Failed to determine unit of process 4243 : No such device or address")
        << normal << ENXIO << "Failed to determine unit of process 4243";
    QTest::newRow("access denied") << machinedError("org.freedesktop.DBus.Error.AccessDenied", "Rejected send message",
                                                    true)
                                   << normal << EACCES << "Rejected send message";
    QTest::newRow("no answer") << MachinedScript{{}, {}, false, true} << int(kShortTimeout.count()) << ETIMEDOUT
                               << "no answer within 300 ms";
}

void TestMachineRegistration::failed()
{
    QFETCH(MachinedScript, machined);
    QFETCH(int, timeoutMs);
    QFETCH(int, errorCode);
    QFETCH(QString, expected);

    Script script;
    script.machined = machined;
    FakeSystemd fake(script);
    QVERIFY2(fake.client(), fake.setupError().c_str());
    const auto registered =
        berth::cgroup::registerMachine(fake.client(), webMachine(), std::chrono::milliseconds(timeoutMs));
    const Observed seen = fake.finish();

    checkRequest(seen, webMachine());
    QVERIFY(!registered.has_value());
    QCOMPARE(registered.error().code, errorCode);
    const QString message = QString::fromStdString(registered.error().message);
    QVERIFY2(message.contains(expected), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("register 'web' with systemd-machined")), qPrintable(message));
}

// Names Berth accepts but machined does not: refused before any call.
void TestMachineRegistration::invalidNameNeverCalls_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("underscore") << "web_1";
    QTest::newRow("hyphen before a dot") << "web-.lan";
    QTest::newRow("two dots") << "web..lan";
    QTest::newRow("trailing dot") << "web.";
}

void TestMachineRegistration::invalidNameNeverCalls()
{
    QFETCH(QString, name);

    MachineRegistration machine = webMachine();
    machine.name = name.toStdString();
    FakeSystemd fake(Script{});
    QVERIFY2(fake.client(), fake.setupError().c_str());
    const auto registered = berth::cgroup::registerMachine(fake.client(), machine, kTimeout);
    const Observed seen = fake.finish();

    QVERIFY(seen.problems.empty());
    QVERIFY(!calledRegister(seen));
    QVERIFY(!registered.has_value());
    QCOMPARE(registered.error().code, EINVAL);
    const QString message = QString::fromStdString(registered.error().message);
    QVERIFY2(message.contains(QLatin1String("no valid hostname")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1Char('\'') + name + QLatin1Char('\'')), qPrintable(message));
}

// hostname_is_valid(name, 0) of systemd 252, on the names Berth allows
// (^[a-z0-9][a-z0-9_.-]{0,62}$) and a few it does not.
void TestMachineRegistration::nameValidity_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");

    QTest::newRow("plain") << "web" << true;
    QTest::newRow("one character") << "a" << true;
    QTest::newRow("digits first") << "0web" << true;
    QTest::newRow("hyphen inside") << "web-1" << true;
    QTest::newRow("labels") << "web.lan.example" << true;
    QTest::newRow("upper case") << "Web" << true;
    QTest::newRow("63 characters") << QString(63, QLatin1Char('a')) << true;
    QTest::newRow("64 characters") << QString(64, QLatin1Char('a')) << true;
    QTest::newRow("65 characters") << QString(65, QLatin1Char('a')) << false;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("underscore") << "web_1" << false;
    QTest::newRow("leading hyphen") << "-web" << false;
    QTest::newRow("trailing hyphen") << "web-" << false;
    QTest::newRow("leading dot") << ".web" << false;
    QTest::newRow("trailing dot") << "web." << false;
    QTest::newRow("two dots") << "web..lan" << false;
    QTest::newRow("hyphen before a dot") << "web-.lan" << false;
    QTest::newRow("hyphen after a dot") << "web.-lan" << false;
    QTest::newRow(".host") << ".host" << false;
    QTest::newRow("space") << "web 1" << false;
    QTest::newRow("slash") << "web/1" << false;
}

void TestMachineRegistration::nameValidity()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(berth::cgroup::machineNameIsValid(name.toStdString()), valid);
}

QTEST_GUILESS_MAIN(TestMachineRegistration)
#include "test_machine_registration.moc"
