#include "runtime/state_file.h"

#include "fs/atomic_file.h"

#include <nlohmann/json.hpp>

#include <fstream>
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
    return fs::writeFileAtomic(file, doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n", 0644);
}

Result<RecordedState> readState(const std::filesystem::path& file)
{
    std::ifstream in(file);
    if (!in)
        return failErrno(errno ? errno : ENOENT, "read state " + file.string());
    std::stringstream text;
    text << in.rdbuf();
    const nlohmann::json doc = nlohmann::json::parse(text.str(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
        return failWith(EINVAL, "state file " + file.string() + " is damaged");

    RecordedState state;
    state.state = runStateFromName(doc.value("state", "")).value_or(RunState::Stopped);
    state.initPid = doc.value("init_pid", 0);
    state.monitorPid = doc.value("monitor_pid", 0);
    state.startedAt = doc.value("started_at", std::int64_t{0});
    state.lastError = doc.value("error", "");
    state.cgroupParent = doc.value("cgroup_parent", "");
    if (auto procs = doc.find("cgroup_procs"); procs != doc.end() && procs->is_array())
        for (const auto& item : *procs)
            if (item.is_string())
                state.cgroupProcsFiles.push_back(item.get<std::string>());
    if (auto links = doc.find("host_interfaces"); links != doc.end() && links->is_array())
        for (const auto& item : *links)
            if (item.is_string())
                state.hostInterfaces.push_back(item.get<std::string>());
    if (auto exit = doc.find("exit"); exit != doc.end() && exit->is_object())
        state.lastExit = ExitStatus{exit->value("code", 0), exit->value("signal", 0)};
    return state;
}

} // namespace berth::runtime
