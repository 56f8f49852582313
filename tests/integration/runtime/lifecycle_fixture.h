// Helpers shared by the lifecycle tests: an engine on the test's state
// root, and running a busybox application container to completion.
#pragma once

#include "berth/engine.h"

#include <string>
#include <vector>

namespace berth::test {

Engine makeEngine();

struct RunResult {
    ExitStatus exit;
    std::string output; // the console log, \r\n folded to \n
};

// Creates an application container running `command`, runs it to the end,
// reads its console log and destroys it. Fails the current test on error.
RunResult runApplication(Engine& engine, const std::string& name, const std::vector<std::string>& command,
                         bool privileged = false);

std::string readConsoleLog(const Engine& engine, const std::string& name);

// Runs `argv` in a running container with stdout captured.
RunResult execCaptured(Engine& engine, const std::string& name, const std::vector<std::string>& argv);

// Reads from fd until `needle` appears or a timeout; returns what was read.
std::string readUntil(int fd, const std::string& needle, int timeoutMs);

} // namespace berth::test
