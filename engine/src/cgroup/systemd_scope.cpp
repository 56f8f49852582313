#include "cgroup/systemd_scope.h"

#include "cgroup/cgroup_file.h"
#include "cgroup/sd_bus_util.h"
#include "cgroup/systemd_library.h"

#include <cerrno>
#include <optional>
#include <system_error>

namespace berth::cgroup {

namespace fs = std::filesystem;

namespace {

using Clock = sdbus::Clock;

constexpr const char* kService = "org.freedesktop.systemd1";
constexpr const char* kObject = "/org/freedesktop/systemd1";
constexpr const char* kManager = "org.freedesktop.systemd1.Manager";
constexpr const char* kUnitExists = "org.freedesktop.systemd1.UnitExists";
constexpr const char* kSlice = "machine.slice";

using sdbus::BusError;
using sdbus::BusPtr;
using sdbus::MessagePtr;
using sdbus::remainingUsec;
using sdbus::SlotPtr;

// What the JobRemoved match fills in for the wait loop.
struct JobWait {
    std::string job;                   // object path from StartTransientUnit's reply
    std::optional<std::string> result; // "done", "failed", "canceled", ...
};

// JobRemoved(u id, o job, s unit, s result). Matches only run from
// sd_bus_process in the wait loop, after the call returned the job path, so
// the signal of our job cannot be dispatched before we know the path.
int onJobRemoved(sd_bus_message* message, void* userdata, sd_bus_error*)
{
    auto* wait = static_cast<JobWait*>(userdata);
    uint32_t id = 0;
    const char* job = nullptr;
    const char* unit = nullptr;
    const char* result = nullptr;
    if (sd_bus_message_read(message, "uoss", &id, &job, &unit, &result) < 0)
        return 0; // not the signature systemd sends: not ours
    if (!wait->job.empty() && wait->job == job)
        wait->result = result;
    return 0;
}

// Before the call: a job can finish before the reply is even read.
Result<SlotPtr> subscribeJobRemoved(sd_bus* bus, JobWait& wait)
{
    sd_bus_slot* slot = nullptr;
    const int r = sd_bus_match_signal(bus, &slot, kService, kObject, kManager, "JobRemoved", onJobRemoved, &wait);
    if (r < 0)
        return failErrno(-r, "subscribe to JobRemoved");
    return SlotPtr(slot);
}

// StartTransientUnit(s name, s mode, a(sv) properties, a(sa(sv)) aux).
Result<MessagePtr> buildRequest(sd_bus* bus, const std::string& unit, pid_t pid, const std::string& slice)
{
    sd_bus_message* raw = nullptr;
    int r = sd_bus_message_new_method_call(bus, &raw, kService, kObject, kManager, "StartTransientUnit");
    if (r < 0)
        return failErrno(-r, "build StartTransientUnit");
    MessagePtr message(raw);
    const std::string description = "Berth scope " + unit;
    r = sd_bus_message_append(message.get(), "ssa(sv)a(sa(sv))", unit.c_str(), "fail", 5u, "PIDs", "au", 1u,
                              static_cast<uint32_t>(pid), "Delegate", "b", 1, "Slice", "s", slice.c_str(),
                              "Description", "s", description.c_str(), "CollectMode", "s", "inactive-or-failed", 0u);
    if (r < 0)
        return failErrno(-r, "build StartTransientUnit");
    return message;
}

// UnitExists is the one answer a caller acts on (a stale scope of the same
// name), so it becomes EEXIST whatever sd-bus's error map says.
Error callError(int r, const BusError& error)
{
    if (!error.isSet())
        return Error::fromErrno(-r, "StartTransientUnit");
    const int code = error.name() == kUnitExists ? EEXIST : -r;
    return Error::make(code, "StartTransientUnit: " + error.message() + " (" + error.name() + ")");
}

Result<std::string> callStartTransientUnit(sd_bus* bus, const std::string& unit, pid_t pid, const std::string& slice,
                                           Clock::time_point deadline)
{
    Result<MessagePtr> request = buildRequest(bus, unit, pid, slice);
    if (!request)
        return fail(std::move(request.error()));
    const uint64_t left = remainingUsec(deadline);
    if (left == 0)
        return failWith(ETIMEDOUT, "StartTransientUnit: timed out before the call");
    BusError error;
    sd_bus_message* rawReply = nullptr;
    const int r = sd_bus_call(bus, request->get(), left, error.get(), &rawReply);
    MessagePtr reply(rawReply);
    if (r < 0)
        return fail(callError(r, error));
    const char* job = nullptr;
    const int read = sd_bus_message_read(reply.get(), "o", &job);
    if (read < 0)
        return failErrno(-read, "read the reply of StartTransientUnit");
    return std::string(job);
}

Status waitForJob(sd_bus* bus, const JobWait& wait, Clock::time_point deadline)
{
    const std::string what = "wait for JobRemoved of " + wait.job;
    while (!wait.result) {
        const int processed = sd_bus_process(bus, nullptr);
        // sd-bus says ECONNRESET or ENOTCONN depending on where it noticed.
        if (processed == -ECONNRESET || processed == -ENOTCONN)
            return failWith(ECONNRESET, what + ": connection to the bus lost");
        if (processed < 0)
            return failErrno(-processed, what);
        if (wait.result)
            break;
        const uint64_t left = remainingUsec(deadline);
        if (left == 0)
            return failWith(ETIMEDOUT, what + ": timed out");
        if (processed > 0)
            continue; // more may be queued
        const int waited = sd_bus_wait(bus, left);
        if (waited < 0 && waited != -EINTR)
            return failErrno(-waited, what);
    }
    return {};
}

// A unified line "0::/path", or a v1 line "N:name=systemd:/path".
struct CgroupLines {
    std::optional<std::string> unified;
    std::optional<std::string> named;
};

Result<CgroupLines> splitCgroupLines(std::string_view text, std::string_view source)
{
    CgroupLines lines;
    for (const std::string& line : split(text, "\n")) {
        const size_t first = line.find(':');
        const size_t second = first == std::string::npos ? first : line.find(':', first + 1);
        if (second == std::string::npos)
            return failWith(EINVAL, "malformed line '" + line + "' in " + std::string(source), std::string(source));
        const std::string_view id = std::string_view(line).substr(0, first);
        const std::string_view controllers = std::string_view(line).substr(first + 1, second - first - 1);
        std::string path = line.substr(second + 1);
        if (id == "0" && controllers.empty())
            lines.unified = std::move(path);
        else if (controllers == "name=systemd")
            lines.named = std::move(path);
    }
    return lines;
}

bool isUnitNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
           c == '-' || c == ':';
}

} // namespace

bool systemdIsInit(const fs::path& root)
{
    // symlink_status, as sd_booted's lstat: a symlink does not count.
    std::error_code ec;
    return fs::is_directory(fs::symlink_status(root / "run/systemd/system", ec));
}

Result<std::string> parseScopeCgroup(std::string_view text, std::string_view source)
{
    Result<CgroupLines> lines = splitCgroupLines(text, source);
    if (!lines)
        return fail(std::move(lines.error()));
    // A legacy host with a stray cgroup2 mount shows "0::/" for everyone;
    // there only the name=systemd line says where systemd put the process.
    std::optional<std::string> path = lines->unified;
    if (!path || (*path == "/" && lines->named))
        path = lines->named;
    if (!path || path->empty() || path->front() != '/')
        return failWith(ENOENT, "no systemd cgroup in " + std::string(source), std::string(source));
    if (path->ends_with(" (deleted)"))
        return failWith(ENOENT, "cgroup '" + *path + "' in " + std::string(source) + " was removed",
                        std::string(source));
    return *path;
}

Result<std::string> scopeCgroupOf(pid_t pid, const fs::path& root)
{
    const fs::path file = root / "proc" / std::to_string(pid) / "cgroup";
    Result<std::string> text = readFile(file);
    if (!text)
        return fail(std::move(text.error()));
    return parseScopeCgroup(*text, file.string());
}

Result<std::string> scopeUnitName(std::string_view container)
{
    // systemd's UNIT_NAME_MAX is 256 with the terminating NUL.
    constexpr size_t maxLength = 255 - std::string_view("berth-.scope").size();
    bool valid = !container.empty() && container.size() <= maxLength;
    for (const char c : container)
        valid = valid && isUnitNameChar(c);
    if (!valid)
        return failWith(EINVAL, "'" + std::string(container) + "' cannot be part of a systemd unit name");
    return "berth-" + std::string(container) + ".scope";
}

Result<std::string> startDelegatedScope(sd_bus* bus, std::string_view unitName, pid_t pid, std::string_view slice,
                                        std::chrono::milliseconds timeout, const fs::path& root)
{
    const std::string unit(unitName);
    const std::string what = "start systemd scope '" + unit + "'";
    if (!bus || pid <= 0 || unit.empty() || slice.empty())
        return failWith(EINVAL, what + ": invalid argument");
    const Clock::time_point deadline = Clock::now() + timeout;
    JobWait wait; // outlives the slot that points at it
    Result<SlotPtr> slot = subscribeJobRemoved(bus, wait);
    if (!slot)
        return fail(std::move(slot.error()).wrap(what));
    Result<std::string> job = callStartTransientUnit(bus, unit, pid, std::string(slice), deadline);
    if (!job)
        return fail(std::move(job.error()).wrap(what));
    wait.job = *job;
    if (Status done = waitForJob(bus, wait, deadline); !done)
        return fail(std::move(done.error()).wrap(what));
    if (*wait.result != "done")
        return failWith(EIO, what + ": job " + wait.job + " finished with result '" + *wait.result + "'");
    Result<std::string> cgroup = scopeCgroupOf(pid, root);
    if (!cgroup)
        return fail(std::move(cgroup.error()).wrap(what));
    if (!cgroup->ends_with("/" + unit))
        return failWith(EPROTO, what + ": pid " + std::to_string(pid) + " is in '" + *cgroup + "', not in the scope");
    return cgroup;
}

Result<std::string> delegatedCgroupParent(sd_bus* bus, std::string_view container, pid_t pid,
                                          std::chrono::milliseconds timeout, const fs::path& root)
{
    Result<std::string> unit = scopeUnitName(container);
    if (!unit)
        return fail(std::move(unit.error()));
    Result<std::string> cgroup = startDelegatedScope(bus, *unit, pid, kSlice, timeout, root);
    if (!cgroup)
        return cgroup;
    // Relative to the hierarchy's root, as ContainerCgroup takes its parent.
    return cgroup->substr(1);
}

Result<std::string> delegatedCgroupParent(std::string_view container, pid_t pid, std::chrono::milliseconds timeout)
{
    // libsystemd is loaded here, on first use; without it the error says
    // which package is missing.
    if (Status loaded = requireSystemd(); !loaded)
        return fail(std::move(loaded.error()));
    sd_bus* raw = nullptr;
    const int r = sd_bus_open_system(&raw);
    if (r < 0)
        return failErrno(-r, "connect to the system bus");
    BusPtr bus(raw);
    return delegatedCgroupParent(bus.get(), container, pid, timeout);
}

} // namespace berth::cgroup
