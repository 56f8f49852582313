// Where the time of a user's command goes (issue #22). With BERTH_TRACE
// naming a file, berthctl, the helper, the engine and berth-monitor each
// append one line per step to it:
//     <begin ns> <end ns> <pid> <layer> <step>
// on the monotonic clock, so the lines of every process sort into one
// timeline (tests/bench/trace_report.sh prints it). Without BERTH_TRACE a
// step costs a branch. The helper and the monitor read the variable from
// their own environment (set by whoever started the helper), never a caller's.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace berth::trace {

using Clock = std::chrono::steady_clock;

bool enabled();
// The file's name, for a process that passes it on to one it starts.
const char* file();
void record(std::string_view layer, std::string_view step, Clock::time_point begin, Clock::time_point end);

// A moment: begin and end are the same.
inline void point(std::string_view layer, std::string_view step)
{
    if (enabled()) {
        const auto now = Clock::now();
        record(layer, step, now, now);
    }
}

// A step from its construction to its destruction.
class Span {
public:
    Span(std::string_view layer, std::string_view step)
        : m_on(enabled()), m_layer(layer), m_step(m_on ? std::string(step) : std::string()),
          m_begin(m_on ? Clock::now() : Clock::time_point())
    {}
    ~Span()
    {
        if (m_on)
            record(m_layer, m_step, m_begin, Clock::now());
    }
    Span(const Span&) = delete;
    Span& operator=(const Span&) = delete;

private:
    bool m_on;
    std::string_view m_layer; // a literal: the layer's name
    std::string m_step;
    Clock::time_point m_begin;
};

} // namespace berth::trace
