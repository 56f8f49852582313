// The runtime state of one container, as the monitor records it in
// /run/berth/<name>/state (JSON, written atomically).
#pragma once

#include "berth/engine.h"

#include <filesystem>
#include <string>
#include <vector>

namespace berth::runtime {

struct RecordedState {
    RunState state = RunState::Stopped;
    pid_t initPid = 0;
    pid_t monitorPid = 0;
    std::int64_t startedAt = 0;
    std::optional<ExitStatus> lastExit;
    std::string lastError;
    std::vector<std::string> cgroupProcsFiles; // for exec to join the container's cgroups
    std::string cgroupParent;
    std::vector<std::string>
        hostInterfaces; // host ends of the container's veth pairs                    // where the container's cgroup is (a systemd scope, or the settings' parent)
};

[[nodiscard]] std::string_view runStateName(RunState state);
[[nodiscard]] Status writeState(const std::filesystem::path& file, const RecordedState& state);
// ENOENT when the container never ran since boot (or since destroy).
[[nodiscard]] Result<RecordedState> readState(const std::filesystem::path& file);

} // namespace berth::runtime
