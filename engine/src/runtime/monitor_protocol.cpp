#include "runtime/monitor_protocol.h"

#include "runtime/json_fields.h"

#include <cerrno>
#include <climits>
#include <limits>

namespace berth::runtime {

namespace {

using namespace json_fields;

Json errorFields(const Error& error)
{
    return {{"ok", false}, {"code", error.code}, {"message", error.message}};
}

// {"code": N, "message": "..."}, each with its default when absent.
Result<Error> errorOf(const Json& object, std::string_view defaultMessage, std::string_view what)
{
    auto code = intField(object, "code", EIO, what);
    if (!code)
        return fail(code.error());
    auto message = stringField(object, "message", std::string(defaultMessage), what);
    if (!message)
        return fail(message.error());
    return Error::make(*code, std::move(*message));
}

// A reply's head: {"ok": true}, or {"ok": false} with its error.
Result<std::optional<Error>> failureOf(const Json& object, std::string_view defaultMessage, std::string_view what)
{
    auto ok = boolField(object, "ok", what);
    if (!ok)
        return fail(ok.error());
    if (*ok)
        return std::optional<Error>{};
    auto error = errorOf(object, defaultMessage, what);
    if (!error)
        return fail(error.error());
    return std::optional<Error>{std::move(*error)};
}

Json requestFields(const StopRequest& request)
{
    return {{"op", "stop"}, {"timeout_ms", request.timeout.count()}};
}
Json requestFields(const WaitRequest&)
{
    return {{"op", "wait"}};
}
Json requestFields(const KillRequest& request)
{
    return {{"op", "kill"}, {"signal", request.signal}};
}
Json requestFields(const ConsoleRequest& request)
{
    return {{"op", "console"}, {"tty", request.tty}};
}
Json requestFields(const ResizeRequest& request)
{
    return {{"op", "resize"}, {"tty", request.tty}, {"rows", request.rows}, {"cols", request.cols}};
}
Json requestFields(const PidfdRequest&)
{
    return {{"op", "pidfd"}};
}
Json requestFields(const RecordRequest&)
{
    return {{"op", "record"}};
}

constexpr std::string_view kRequest = "monitor request";

Result<MonitorRequest> stopRequestOf(const Json& object)
{
    auto timeout = integerField(object, "timeout_ms", 10000, 0, std::numeric_limits<long long>::max(), kRequest);
    if (!timeout)
        return fail(timeout.error());
    return StopRequest{std::chrono::milliseconds(*timeout)};
}

Result<MonitorRequest> killRequestOf(const Json& object)
{
    auto signal = intField(object, "signal", 0, kRequest);
    if (!signal)
        return fail(signal.error());
    return KillRequest{*signal};
}

Result<MonitorRequest> consoleRequestOf(const Json& object)
{
    auto tty = intField(object, "tty", 0, kRequest);
    if (!tty)
        return fail(tty.error());
    return ConsoleRequest{*tty};
}

Result<MonitorRequest> resizeRequestOf(const Json& object)
{
    constexpr long long kMax = std::numeric_limits<unsigned short>::max();
    auto tty = intField(object, "tty", 0, kRequest);
    auto rows = integerField(object, "rows", 24, 0, kMax, kRequest);
    auto cols = integerField(object, "cols", 80, 0, kMax, kRequest);
    if (!tty)
        return fail(tty.error());
    if (!rows)
        return fail(rows.error());
    if (!cols)
        return fail(cols.error());
    return ResizeRequest{*tty, static_cast<unsigned short>(*rows), static_cast<unsigned short>(*cols)};
}

} // namespace

std::string encodeMessage(const MonitorRequest& request)
{
    return dump(std::visit([](const auto& alternative) { return requestFields(alternative); }, request));
}

std::string encodeMessage(const MonitorAnswer& answer)
{
    if (answer.error)
        return dump(errorFields(*answer.error));
    Json message = {{"ok", true}};
    if (answer.exit)
        message["exit"] = {{"code", answer.exit->code}, {"signal", answer.exit->signal}};
    return dump(message);
}

std::string encodeMessage(const StartReport& report)
{
    if (report.error)
        return dump(errorFields(*report.error));
    return dump({{"ok", true}, {"pid", report.initPid}});
}

std::string encodeMessage(const SetupFailure& failure)
{
    return dump({{"code", failure.error.code}, {"message", failure.error.message}});
}

Result<MonitorRequest> decodeRequest(std::string_view text)
{
    auto object = parseObject(text, kRequest);
    if (!object)
        return fail(object.error());
    auto op = stringField(*object, "op", "", kRequest);
    if (!op)
        return fail(op.error());
    if (*op == "stop")
        return stopRequestOf(*object);
    if (*op == "wait")
        return WaitRequest{};
    if (*op == "kill")
        return killRequestOf(*object);
    if (*op == "console")
        return consoleRequestOf(*object);
    if (*op == "resize")
        return resizeRequestOf(*object);
    if (*op == "pidfd")
        return PidfdRequest{};
    if (*op == "record")
        return RecordRequest{};
    return failWith(EINVAL, "unknown monitor request '" + *op + "'");
}

Result<MonitorAnswer> decodeAnswer(std::string_view text)
{
    constexpr std::string_view what = "monitor reply";
    auto object = parseObject(text, what);
    if (!object)
        return fail(object.error());
    auto failure = failureOf(*object, "monitor request failed", what);
    if (!failure)
        return fail(failure.error());
    MonitorAnswer answer;
    if (*failure) {
        answer.error = std::move(**failure);
        return answer;
    }
    auto exit = exitField(*object, what);
    if (!exit)
        return fail(exit.error());
    answer.exit = *exit;
    return answer;
}

Result<StartReport> decodeStartReport(std::string_view text)
{
    constexpr std::string_view what = "start report";
    auto object = parseObject(text, what);
    if (!object)
        return fail(object.error());
    auto failure = failureOf(*object, "start failed", what);
    if (!failure)
        return fail(failure.error());
    StartReport report;
    if (*failure) {
        report.error = std::move(**failure);
        return report;
    }
    auto pid = integerField(*object, "pid", 0, 0, INT_MAX, what);
    if (!pid)
        return fail(pid.error());
    report.initPid = static_cast<pid_t>(*pid);
    return report;
}

Result<SetupFailure> decodeSetupFailure(std::string_view text)
{
    constexpr std::string_view what = "setup failure";
    auto object = parseObject(text, what);
    if (!object)
        return fail(object.error());
    auto error = errorOf(*object, "container setup failed", what);
    if (!error)
        return fail(error.error());
    return SetupFailure{std::move(*error)};
}

} // namespace berth::runtime
