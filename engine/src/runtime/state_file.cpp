#include "runtime/state_file.h"

#include "fs/atomic_file.h"
#include "runtime/json_fields.h"

#include <climits>
#include <fstream>
#include <limits>
#include <sstream>

namespace berth::runtime {

namespace {

constexpr std::pair<RunState, std::string_view> kStateNames[] = {
    {RunState::Stopped, "stopped"},   {RunState::Starting, "starting"}, {RunState::Running, "running"},
    {RunState::Stopping, "stopping"}, {RunState::Frozen, "frozen"},
};

std::optional<RunState> runStateFromName(std::string_view name)
{
    for (const auto& [state, text] : kStateNames)
        if (text == name)
            return state;
    return std::nullopt;
}

template <typename T> Status fieldStatus(const Result<T>& field)
{
    if (!field)
        return fail(field.error());
    return {};
}

// The record as writeState writes it; a wrong-typed field is an error,
// never an exception.
Result<RecordedState> stateFrom(std::string_view text)
{
    using namespace json_fields;
    constexpr std::string_view what = "state file";
    auto doc = parseObject(text, what);
    if (!doc)
        return fail(doc.error());
    auto name = stringField(*doc, "state", "", what);
    auto initPid = integerField(*doc, "init_pid", 0, 0, INT_MAX, what);
    auto monitorPid = integerField(*doc, "monitor_pid", 0, 0, INT_MAX, what);
    auto startedAt = integerField(*doc, "started_at", 0, 0, std::numeric_limits<std::int64_t>::max(), what);
    auto lastError = stringField(*doc, "error", "", what);
    auto cgroupParent = stringField(*doc, "cgroup_parent", "", what);
    auto procs = stringListField(*doc, "cgroup_procs", what);
    auto links = stringListField(*doc, "host_interfaces", what);
    for (const Status& field :
         {fieldStatus(name), fieldStatus(initPid), fieldStatus(monitorPid), fieldStatus(startedAt),
          fieldStatus(lastError), fieldStatus(cgroupParent), fieldStatus(procs), fieldStatus(links)})
        if (!field)
            return fail(field.error());
    RecordedState state;
    state.state = runStateFromName(*name).value_or(RunState::Stopped);
    state.initPid = static_cast<pid_t>(*initPid);
    state.monitorPid = static_cast<pid_t>(*monitorPid);
    state.startedAt = *startedAt;
    state.lastError = std::move(*lastError);
    state.cgroupParent = std::move(*cgroupParent);
    state.cgroupProcsFiles = std::move(*procs);
    state.hostInterfaces = std::move(*links);
    auto exit = exitField(*doc, what);
    if (!exit)
        return fail(exit.error());
    state.lastExit = *exit;
    return state;
}

} // namespace

std::string_view runStateName(RunState state)
{
    for (const auto& [value, text] : kStateNames)
        if (value == state)
            return text;
    return "unknown";
}

Status writeState(const std::filesystem::path& file, const RecordedState& state)
{
    nlohmann::json doc = {
        {"state", runStateName(state.state)},      {"init_pid", state.initPid},
        {"monitor_pid", state.monitorPid},         {"started_at", state.startedAt},
        {"cgroup_procs", state.cgroupProcsFiles},  {"cgroup_parent", state.cgroupParent},
        {"host_interfaces", state.hostInterfaces},
    };
    if (state.lastExit)
        doc["exit"] = {{"code", state.lastExit->code}, {"signal", state.lastExit->signal}};
    if (!state.lastError.empty())
        doc["error"] = state.lastError;
    // A note naming a path that is no UTF-8 is written replaced, not thrown.
    // Atomic but not synced: the run directory is in /run, whose contents a
    // crash of the host ends with the containers they describe; a sync there
    // costs every start and stop milliseconds where /run is on a disk.
    return fs::writeFileAtomic(file, json_fields::dump(doc) + "\n", 0644, fs::Durability::Unsynced);
}

Result<RecordedState> readState(const std::filesystem::path& file)
{
    std::ifstream in(file);
    if (!in)
        return failErrno(errno ? errno : ENOENT, "read state " + file.string());
    std::stringstream text;
    text << in.rdbuf();
    auto state = stateFrom(text.str());
    if (!state)
        return failWith(EINVAL, "state file " + file.string() + " is damaged", state.error().message);
    return state;
}

} // namespace berth::runtime
