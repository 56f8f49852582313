// Signal names as LXC and kill(1) accept them (model::parseSignal), with
// errors naming the value.
#include "berth/model/units.h"
#include "config/values.h"

#include <cerrno>
#include <csignal>

namespace berth {

Result<int> parseSignalValue(std::string_view text)
{
    auto signal = model::parseSignal(text);
    if (signal)
        return *signal;
    if (signal.error() == model::SignalProblem::NotASignal)
        return failWith(EINVAL, quoteForMessage(text) + " is not a signal");
    if (!text.empty() && text.front() >= '0' && text.front() <= '9')
        return failWith(ERANGE, "signal: " + quoteForMessage(text) + " is out of range 1.." + std::to_string(SIGRTMAX));
    return failWith(ERANGE, quoteForMessage(text) + " is beyond the real-time signals");
}

} // namespace berth
