// Handing a command to the full client (berthctl-full, Qt): every verb
// and option, every message in the user's language (translations/), and
// the exit codes. The quick path says nothing itself: it hands over the
// user's words when it does not take them or when no bus answers (nothing
// was asked yet), and otherwise what happened, for the full client to
// report as it would have (cli/src/handoff.cpp). None of these returns.
#pragma once

#include "helper_bus.h"

#include <string_view>

namespace berth::quick {

// How the full client reports an error: as exec reports a command that
// did not start (127/126 for a missing or unrunnable one), or as any verb.
enum class ErrorContext { Exec, Verb };

[[noreturn]] void runFullClient(char** argv);
[[noreturn]] void reportThroughFullClient(ErrorContext context, const CallError& error);
// The helper left the bus while a job ran: the job went with it.
[[noreturn]] void reportHelperLeftThroughFullClient();
// The full client follows the job from where the quick path left it,
// cancelling it first after an interrupt.
[[noreturn]] void followThroughFullClient(std::string_view jobPath, bool cancel);

} // namespace berth::quick
