#include "handoff.h"

#include "berth/model/trace.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <unistd.h>
#include <vector>

namespace berth::quick {
namespace {

// The full client's words for the hand-over (cli/src/handoff.cpp).
constexpr const char* kReportError = "--report-error";
constexpr const char* kReportHelperLeft = "--report-helper-left";
constexpr const char* kFollowJob = "--follow-job";

// Next to this program in a build tree, else where it is installed.
std::string fullClientPath()
{
    std::error_code error;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error) {
        const auto beside = self.parent_path() / "berthctl-full";
        if (::access(beside.c_str(), X_OK) == 0)
            return beside;
    }
    return BERTH_FULL_CLIENT;
}

[[noreturn]] void execFull(std::vector<const char*> argv)
{
    trace::point("berthctl", "hands over to the full client");
    const std::string path = fullClientPath();
    argv.push_back(nullptr);
    ::execv(path.c_str(), const_cast<char* const*>(argv.data()));
    // Not translated: without the full client there are no translations.
    std::fprintf(stderr, "berthctl: cannot run %s: %s\n", path.c_str(), std::strerror(errno));
    ::_exit(1);
}

} // namespace

void runFullClient(char** argv)
{
    std::vector<const char*> words;
    for (char** arg = argv; *arg != nullptr; ++arg)
        words.push_back(*arg);
    execFull(std::move(words));
}

void reportThroughFullClient(ErrorContext context, const CallError& error)
{
    execFull({"berthctl", kReportError, context == ErrorContext::Exec ? "exec" : "verb", error.name.c_str(),
              error.message.c_str()});
}

void reportHelperLeftThroughFullClient()
{
    execFull({"berthctl", kReportHelperLeft});
}

void followThroughFullClient(std::string_view jobPath, bool cancel)
{
    const std::string path(jobPath);
    if (cancel)
        execFull({"berthctl", kFollowJob, path.c_str(), "--cancel"});
    execFull({"berthctl", kFollowJob, path.c_str()});
}

} // namespace berth::quick
