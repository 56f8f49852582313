// The monitor protocol (runtime/monitor_protocol.h): every message
// round-trips and keeps its wire form; malformed, truncated and
// wrong-typed text is an error, never an exception.
#include "runtime/monitor_protocol.h"
#include "runtime/state_file.h"

#include <QtTest>

#include <cerrno>
#include <random>
#include <string>
#include <vector>

using namespace berth;
using namespace berth::runtime;

namespace {

// Runs `decode` and fails the test on any exception.
template <typename Decode> auto decodeOrFail(Decode decode, const std::string& text)
{
    try {
        return decode(text);
    } catch (const std::exception& e) {
        qFatal("decoding '%s' threw: %s", text.c_str(), e.what());
    }
}

Result<MonitorRequest> request(const std::string& text)
{
    return decodeOrFail([](const std::string& t) { return decodeRequest(t); }, text);
}

// Every decoder on `text`: none may throw; their errors are EPROTO or EINVAL.
void decodeAll(const std::string& text)
{
    auto r = request(text);
    auto a = decodeOrFail([](const std::string& t) { return decodeAnswer(t); }, text);
    auto s = decodeOrFail([](const std::string& t) { return decodeStartReport(t); }, text);
    auto f = decodeOrFail([](const std::string& t) { return decodeSetupFailure(t); }, text);
    for (const int code :
         {r ? 0 : r.error().code, a ? 0 : a.error().code, s ? 0 : s.error().code, f ? 0 : f.error().code})
        QVERIFY2(code == 0 || code == EPROTO || code == EINVAL, text.c_str());
}

} // namespace

class MonitorProtocolTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Each request: its wire text (as before the typed set), and back.
    void requestWireForm_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("wire");
        const auto row = [](const char* name, const MonitorRequest& value, const char* wire) {
            QTest::newRow(name) << int(value.index()) << QString::fromStdString(encodeMessage(value));
            QCOMPARE(encodeMessage(value), std::string(wire));
        };
        row("stop", StopRequest{std::chrono::milliseconds(2500)}, R"({"op":"stop","timeout_ms":2500})");
        row("stop now", StopRequest{std::chrono::milliseconds(0)}, R"({"op":"stop","timeout_ms":0})");
        row("wait", WaitRequest{}, R"({"op":"wait"})");
        row("kill", KillRequest{9}, R"({"op":"kill","signal":9})");
        row("kill zero", KillRequest{0}, R"({"op":"kill","signal":0})");
        row("console", ConsoleRequest{2}, R"({"op":"console","tty":2})");
        row("resize", ResizeRequest{1, 50, 132}, R"({"cols":132,"op":"resize","rows":50,"tty":1})");
        row("resize max", ResizeRequest{0, 65535, 65535}, R"({"cols":65535,"op":"resize","rows":65535,"tty":0})");
        row("pidfd", PidfdRequest{}, R"({"op":"pidfd"})");
        row("record", RecordRequest{}, R"({"op":"record"})");
    }
    void requestWireForm()
    {
        QFETCH(int, index);
        QFETCH(QString, wire);
        auto decoded = request(wire.toStdString());
        QVERIFY2(decoded.has_value(), decoded ? "" : decoded.error().message.c_str());
        QCOMPARE(int(decoded->index()), index);
        QCOMPARE(QString::fromStdString(encodeMessage(*decoded)), wire);
    }

    void requestFields()
    {
        auto stop = request(R"({"op":"stop","timeout_ms":2500})");
        QCOMPARE(std::get<StopRequest>(*stop).timeout.count(), 2500);
        auto kill = request(R"({"op":"kill","signal":15})");
        QCOMPARE(std::get<KillRequest>(*kill).signal, 15);
        auto console = request(R"({"op":"console","tty":3})");
        QCOMPARE(std::get<ConsoleRequest>(*console).tty, 3);
        auto resize = request(R"({"op":"resize","tty":1,"rows":50,"cols":132})");
        QCOMPARE(std::get<ResizeRequest>(*resize).tty, 1);
        QCOMPARE(int(std::get<ResizeRequest>(*resize).rows), 50);
        QCOMPARE(int(std::get<ResizeRequest>(*resize).cols), 132);
    }

    // A missing field takes the default the monitor always used.
    void requestDefaults()
    {
        QCOMPARE(std::get<StopRequest>(*request(R"({"op":"stop"})")).timeout.count(), 10000);
        QCOMPARE(std::get<KillRequest>(*request(R"({"op":"kill"})")).signal, 0);
        QCOMPARE(std::get<ConsoleRequest>(*request(R"({"op":"console"})")).tty, 0);
        const auto resize = std::get<ResizeRequest>(*request(R"({"op":"resize","tty":1})"));
        QCOMPARE(int(resize.rows), 24);
        QCOMPARE(int(resize.cols), 80);
    }

    void unknownRequest()
    {
        for (const char* text : {R"({"op":"reboot"})", R"({})", R"({"op":""})"}) {
            auto decoded = request(text);
            QVERIFY(!decoded);
            QCOMPARE(decoded.error().code, EINVAL);
            QVERIFY(decoded.error().message.starts_with("unknown monitor request '"));
        }
    }

    // Wrong types and out-of-range numbers: EPROTO, never an exception (the
    // monitor once died of `timeout_ms: "x"`).
    void malformedRequest_data()
    {
        QTest::addColumn<QString>("text");
        for (const char* text : {
                 "",
                 "{",
                 "[]",
                 "null",
                 "42",
                 "\"op\"",
                 "{\"op\":7}",
                 "{\"op\":null}",
                 R"({"op":"stop","timeout_ms":"x"})",
                 R"({"op":"stop","timeout_ms":-1})",
                 R"({"op":"stop","timeout_ms":1.5})",
                 R"({"op":"stop","timeout_ms":18446744073709551615})",
                 R"({"op":"kill","signal":"9"})",
                 R"({"op":"kill","signal":2147483648})",
                 R"({"op":"kill","signal":-2147483649})",
                 R"({"op":"kill","signal":true})",
                 R"({"op":"console","tty":null})",
                 R"({"op":"console","tty":[1]})",
                 R"({"op":"resize","tty":1,"rows":65536})",
                 R"({"op":"resize","tty":1,"cols":-1})",
                 R"({"op":"resize","tty":"1"})",
                 R"({"op":"resize","tty":1,"rows":{}})",
             })
            QTest::newRow(text) << QString::fromUtf8(text);
    }
    void malformedRequest()
    {
        QFETCH(QString, text);
        auto decoded = request(text.toStdString());
        QVERIFY(!decoded);
        QCOMPARE(decoded.error().code, EPROTO);
    }

    void answerRoundTrip()
    {
        QCOMPARE(encodeMessage(MonitorAnswer{}), std::string(R"({"ok":true})"));
        auto done = decodeAnswer(encodeMessage(MonitorAnswer{}));
        QVERIFY(done && !done->error && !done->exit);

        const MonitorAnswer exited{std::nullopt, ExitStatus{3, 0}};
        QCOMPARE(encodeMessage(exited), std::string(R"({"exit":{"code":3,"signal":0},"ok":true})"));
        auto decoded = decodeAnswer(encodeMessage(exited));
        QVERIFY(decoded && decoded->exit);
        QCOMPARE(decoded->exit->code, 3);
        QCOMPARE(decoded->exit->signal, 0);
        decoded = decodeAnswer(encodeMessage(MonitorAnswer{std::nullopt, ExitStatus{0, 9}}));
        QCOMPARE(decoded->exit->signal, 9);

        const MonitorAnswer refused{Error::make(ENOENT, "the container has no tty 4"), std::nullopt};
        QCOMPARE(encodeMessage(refused),
                 std::string(R"({"code":2,"message":"the container has no tty 4","ok":false})"));
        decoded = decodeAnswer(encodeMessage(refused));
        QVERIFY(decoded && decoded->error);
        QCOMPARE(decoded->error->code, ENOENT);
        QCOMPARE(decoded->error->message, std::string("the container has no tty 4"));
    }

    void answerDefaults()
    {
        auto failed = decodeAnswer(R"({"ok":false})");
        QVERIFY(failed && failed->error);
        QCOMPARE(failed->error->code, EIO);
        QCOMPARE(failed->error->message, std::string("monitor request failed"));
        auto noOk = decodeAnswer(R"({})");
        QVERIFY(noOk && noOk->error);
    }

    void malformedAnswer()
    {
        for (const char* text : {"", "[", R"({"ok":"yes"})", R"({"ok":1})", R"({"ok":false,"code":"x"})",
                                 R"({"ok":false,"message":5})", R"({"ok":true,"exit":5})",
                                 R"({"ok":true,"exit":{"code":"1"}})", R"({"ok":true,"exit":{"signal":1e3}})"}) {
            auto decoded = decodeOrFail([](const std::string& t) { return decodeAnswer(t); }, text);
            QVERIFY2(!decoded, text);
            QCOMPARE(decoded.error().code, EPROTO);
        }
    }

    void startReportRoundTrip()
    {
        QCOMPARE(encodeMessage(StartReport{std::nullopt, 4242}), std::string(R"({"ok":true,"pid":4242})"));
        auto started = decodeStartReport(encodeMessage(StartReport{std::nullopt, 4242}));
        QVERIFY(started && !started->error);
        QCOMPARE(started->initPid, pid_t(4242));

        auto failed = decodeStartReport(encodeMessage(StartReport{Error::make(EEXIST, "name taken"), 0}));
        QVERIFY(failed && failed->error);
        QCOMPARE(failed->error->code, EEXIST);
        QCOMPARE(failed->error->message, std::string("name taken"));

        auto bare = decodeStartReport(R"({"ok":false})");
        QCOMPARE(bare->error->code, EIO);
        QCOMPARE(bare->error->message, std::string("start failed"));

        for (const char* text : {R"({"ok":true,"pid":-1})", R"({"ok":true,"pid":"1"})",
                                 R"({"ok":true,"pid":4294967296})", R"({"ok":null})", "{\"ok\":tru"}) {
            auto decoded = decodeOrFail([](const std::string& t) { return decodeStartReport(t); }, text);
            QVERIFY2(!decoded, text);
            QCOMPARE(decoded.error().code, EPROTO);
        }
    }

    void setupFailureRoundTrip()
    {
        const SetupFailure failure{Error::make(ENOENT, "execute init '/sbin/init': No such file")};
        QCOMPARE(encodeMessage(failure),
                 std::string(R"({"code":2,"message":"execute init '/sbin/init': No such file"})"));
        auto decoded = decodeSetupFailure(encodeMessage(failure));
        QVERIFY(decoded);
        QCOMPARE(decoded->error.code, ENOENT);
        QCOMPARE(decoded->error.message, failure.error.message);
        auto bare = decodeSetupFailure("{}");
        QCOMPARE(bare->error.code, EIO);
        QCOMPARE(bare->error.message, std::string("container setup failed"));
        QVERIFY(!decodeSetupFailure(R"({"code":[]})"));
        QVERIFY(!decodeSetupFailure(R"({"message":false})"));
    }

    // An error naming a path that is no UTF-8 is sent, not thrown (nlohmann's
    // strict dump would throw).
    void invalidUtf8Message()
    {
        const std::string path = "mount /srv/\xff\xfe: No such file";
        std::string text;
        try {
            text = encodeMessage(MonitorAnswer{Error::make(ENOENT, path), std::nullopt});
            (void)encodeMessage(StartReport{Error::make(ENOENT, path), 0});
            (void)encodeMessage(SetupFailure{Error::make(ENOENT, path)});
        } catch (const std::exception& e) {
            QFAIL(e.what());
        }
        auto decoded = decodeAnswer(text);
        QVERIFY(decoded && decoded->error);
        QCOMPARE(decoded->error->code, ENOENT);
        QVERIFY(decoded->error->message.starts_with("mount /srv/"));
    }

    // The monitor's state record with such a note (a start that failed on
    // that path) is written too: before, the monitor died writing it.
    void stateRecordWithInvalidUtf8()
    {
        QTemporaryDir dir;
        const std::filesystem::path file = dir.filePath("state").toStdString();
        RecordedState state;
        state.state = RunState::Running;
        state.initPid = 42;
        state.lastError = "port forwards not applied: /srv/\xff";
        try {
            QVERIFY(writeState(file, state));
        } catch (const std::exception& e) {
            QFAIL(e.what());
        }
        auto read = readState(file);
        QVERIFY(read);
        QCOMPARE(read->initPid, pid_t(42));
        QVERIFY(read->lastError.starts_with("port forwards not applied: /srv/"));
    }

    // A damaged record is an error, never an exception (a wrong-typed field
    // once threw out of Engine::state).
    void damagedStateRecord_data()
    {
        QTest::addColumn<QString>("text");
        for (const char* text :
             {"", "{", "[]", R"({"state":7})", R"({"state":"running","init_pid":"42"})", R"({"init_pid":-1})",
              R"({"monitor_pid":1.5})", R"({"started_at":"now"})", R"({"error":false})", R"({"cgroup_parent":[]})",
              R"({"cgroup_procs":"x"})", R"({"cgroup_procs":[1]})", R"({"host_interfaces":{}})", R"({"exit":3})",
              R"({"exit":{"code":"1"}})", R"({"exit":{"signal":null}})"})
            QTest::newRow(text) << QString::fromUtf8(text);
    }
    void damagedStateRecord()
    {
        QFETCH(QString, text);
        QTemporaryDir dir;
        const std::filesystem::path file = dir.filePath("state").toStdString();
        QFile out(dir.filePath("state"));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(text.toUtf8());
        out.close();
        try {
            auto read = readState(file);
            QVERIFY(!read);
            QCOMPARE(read.error().code, EINVAL);
        } catch (const std::exception& e) {
            QFAIL(e.what());
        }
    }

    void stateRecordRoundTrip()
    {
        QTemporaryDir dir;
        const std::filesystem::path file = dir.filePath("state").toStdString();
        RecordedState state;
        state.state = RunState::Stopping;
        state.initPid = 7;
        state.monitorPid = 6;
        state.startedAt = 1700000000;
        state.lastExit = ExitStatus{0, 15};
        state.lastError = "note";
        state.cgroupProcsFiles = {"/sys/fs/cgroup/pids/c/cgroup.procs"};
        state.cgroupParent = "berth";
        state.hostInterfaces = {"veth1", "veth2"};
        QVERIFY(writeState(file, state));
        auto read = readState(file);
        QVERIFY(read);
        QCOMPARE(int(read->state), int(RunState::Stopping));
        QCOMPARE(read->initPid, pid_t(7));
        QCOMPARE(read->monitorPid, pid_t(6));
        QCOMPARE(read->startedAt, std::int64_t(1700000000));
        QVERIFY(read->lastExit);
        QCOMPARE(read->lastExit->signal, 15);
        QCOMPARE(read->lastError, state.lastError);
        QVERIFY(read->cgroupProcsFiles == state.cgroupProcsFiles);
        QCOMPARE(read->cgroupParent, state.cgroupParent);
        QVERIFY(read->hostInterfaces == state.hostInterfaces);
    }

    // Every prefix of every message, and seeded byte mutations of them.
    void truncatedAndMutated()
    {
        std::vector<std::string> messages = {
            encodeMessage(MonitorRequest{StopRequest{}}),
            encodeMessage(MonitorRequest{ResizeRequest{1, 50, 132}}),
            encodeMessage(MonitorRequest{KillRequest{15}}),
            encodeMessage(MonitorAnswer{std::nullopt, ExitStatus{1, 0}}),
            encodeMessage(MonitorAnswer{Error::make(EINVAL, "no"), std::nullopt}),
            encodeMessage(StartReport{std::nullopt, 77}),
            encodeMessage(SetupFailure{Error::make(EIO, "x")}),
        };
        for (const std::string& message : messages)
            for (std::size_t length = 0; length < message.size(); ++length) {
                decodeAll(message.substr(0, length));
                QVERIFY2(!request(message.substr(0, length)), message.substr(0, length).c_str());
            }
        std::mt19937 random(18);
        const std::string alphabet = "{}[]\":,0123456789-.eE truefalsnl\\\xff";
        for (int round = 0; round < 20000; ++round) {
            std::string text = messages[random() % messages.size()];
            for (int edits = 1 + int(random() % 4); edits > 0; --edits)
                text[random() % text.size()] = alphabet[random() % alphabet.size()];
            decodeAll(text);
        }
    }
};

QTEST_GUILESS_MAIN(MonitorProtocolTest)
#include "test_monitor_protocol.moc"
