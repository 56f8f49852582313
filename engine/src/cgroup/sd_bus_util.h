// Small RAII pieces over sd-bus shared by the two systemd clients of this
// folder (systemd_scope.cpp, machine_registration.cpp). Include it from .cpp
// files only: it pulls in libsystemd's header.
#pragma once

#include <systemd/sd-bus.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace berth::cgroup::sdbus {

struct MessageUnref {
    void operator()(sd_bus_message* m) const noexcept { sd_bus_message_unref(m); }
};
struct SlotUnref {
    void operator()(sd_bus_slot* s) const noexcept { sd_bus_slot_unref(s); }
};
struct BusClose {
    void operator()(sd_bus* b) const noexcept { sd_bus_flush_close_unref(b); }
};
using MessagePtr = std::unique_ptr<sd_bus_message, MessageUnref>;
using SlotPtr = std::unique_ptr<sd_bus_slot, SlotUnref>;
using BusPtr = std::unique_ptr<sd_bus, BusClose>;

// sd_bus_error owns strings once set; freed on every path.
class BusError {
public:
    BusError() = default;
    BusError(const BusError&) = delete;
    BusError& operator=(const BusError&) = delete;
    ~BusError() { sd_bus_error_free(&m_error); }

    [[nodiscard]] sd_bus_error* get() noexcept { return &m_error; }
    [[nodiscard]] bool isSet() const noexcept { return sd_bus_error_is_set(&m_error) > 0; }
    [[nodiscard]] std::string name() const { return m_error.name ? m_error.name : ""; }
    [[nodiscard]] std::string message() const { return m_error.message ? m_error.message : ""; }

private:
    sd_bus_error m_error{}; // all null, as SD_BUS_ERROR_NULL (a C compound literal)
};

using Clock = std::chrono::steady_clock;

// 0 once the deadline has passed. Never hand that 0 to sd-bus: sd_bus_call
// reads a timeout of 0 as "use the default" (25 s).
[[nodiscard]] inline uint64_t remainingUsec(Clock::time_point deadline)
{
    const auto left = std::chrono::duration_cast<std::chrono::microseconds>(deadline - Clock::now());
    return left.count() > 0 ? static_cast<uint64_t>(left.count()) : 0;
}

} // namespace berth::cgroup::sdbus
