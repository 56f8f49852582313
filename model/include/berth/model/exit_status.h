// How a command's end reads as an exit code, the way a shell reports it
// (berthctl exec and run exit with their command's).
#pragma once

namespace berth::model {

// The code, or 128 + the signal that killed it; a shell sees only the low
// byte of an exit code.
[[nodiscard]] constexpr int shellExitCode(int status, int signal)
{
    return signal > 0 ? 128 + signal : status & 0xff;
}

} // namespace berth::model
