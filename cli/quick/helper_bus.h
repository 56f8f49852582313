// berthctl's quick path on the bus: one sd-bus connection to the helper
// and the few calls of the quick verbs (helper/dbus/org.berth.Manager1.xml).
// No Qt: loading QtCore and QtDBus is most of what a command costs before
// it asks the helper anything (tests/bench/README.md).
#pragma once

#include <expected>
#include <memory>
#include <string>
#include <vector>

struct sd_bus;
struct sd_bus_message;

namespace berth::quick {

// A call's failure as the bus or the helper named it; the full client puts
// it into words and picks the exit code (handoff.h).
struct CallError {
    std::string name;
    std::string message;
};

template <class T> using Result = std::expected<T, CallError>;

// How an exec's command ended (WaitExec).
struct ExecEnd {
    int status = 0;
    int signal = 0;
};

// A job the helper runs for a call, and who runs it: the helper's unique
// name, so that only its signals count.
struct JobRef {
    std::string path;
    std::string helper;
};

class HelperBus {
public:
    // The system bus, or the one BERTH_BUS_ADDRESS names; nullptr when no
    // bus answers (the full client then says why).
    [[nodiscard]] static std::unique_ptr<HelperBus> connect();
    ~HelperBus();
    HelperBus(const HelperBus&) = delete;
    HelperBus& operator=(const HelperBus&) = delete;

    [[nodiscard]] Result<void> start(const std::string& name);
    [[nodiscard]] Result<JobRef> stop(const std::string& name, unsigned timeoutSeconds);
    // The command gets berthctl's own stdin, stdout and stderr.
    [[nodiscard]] Result<unsigned> execWithOwnFds(const std::string& name, const std::vector<std::string>& command);
    [[nodiscard]] Result<ExecEnd> waitExec(unsigned id);

    [[nodiscard]] sd_bus* bus() const { return m_bus; }

private:
    explicit HelperBus(sd_bus* bus) : m_bus(bus) {}
    sd_bus* m_bus;
};

// The calls' plumbing, shared with job_follow.cpp.
struct MessageUnref {
    void operator()(sd_bus_message* message) const;
};
using Message = std::unique_ptr<sd_bus_message, MessageUnref>;

// A method call on the helper's object, or its failure.
[[nodiscard]] Result<Message> newHelperCall(sd_bus* bus, const char* path, const char* interface, const char* member);
// Sends it and waits without a time limit, as the full client does: a start
// or an exec answers when the container or the command is under way.
[[nodiscard]] Result<Message> callAndWait(sd_bus* bus, sd_bus_message* call);
// A failure of sd-bus itself (a negative errno) under the bus's own error name.
[[nodiscard]] CallError errnoError(int negativeErrno);

} // namespace berth::quick
