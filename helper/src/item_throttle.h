// How often a job's item (a layer being pulled) is announced on the bus:
// every change of phase at once, byte counts at most every kInterval per
// item, and the last count of a phase (done == total) always, so a client
// sees each layer start, finish and move a few times a second without a
// signal per network read. Pure, unit-tested.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>

namespace berth::helper {

class ItemThrottle {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr std::chrono::milliseconds kInterval{250};

    // Whether this report of `item` is to be sent now (and remembered as sent).
    [[nodiscard]] bool shouldSend(const std::string& item, const std::string& phase, std::uint64_t done,
                                  std::uint64_t total, Clock::time_point now);

private:
    struct Sent {
        std::string phase;
        Clock::time_point at;
    };
    std::map<std::string, Sent> m_sent;
};

} // namespace berth::helper
