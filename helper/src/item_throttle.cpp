#include "item_throttle.h"

namespace berth::helper {

bool ItemThrottle::shouldSend(const std::string& item, const std::string& phase, std::uint64_t done,
                              std::uint64_t total, Clock::time_point now)
{
    auto found = m_sent.find(item);
    const bool send = found == m_sent.end() || found->second.phase != phase || (total != 0 && done == total) ||
                      now - found->second.at >= kInterval;
    if (send)
        m_sent[item] = Sent{phase, now};
    return send;
}

} // namespace berth::helper
