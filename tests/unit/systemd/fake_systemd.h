// A fake system bus with systemd on it, on one end of a socketpair, driven by
// a script of recorded answers. It plays both parts a client sees on a real
// bus: the bus driver (Hello, AddMatch, RemoveMatch) and systemd's Manager
// (StartTransientUnit, JobRemoved), and records what the client sent.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <thread>
#include <vector>

struct sd_bus;

namespace berth::test {

// Manager.JobRemoved(u id, o job, s unit, s result), as systemd broadcasts it.
struct JobRemoved {
    uint32_t id = 0;
    std::string job;
    std::string unit;
    std::string result;
};

// systemd's part of one exchange.
struct Script {
    std::string replyJob;        // StartTransientUnit's reply (o); unused when errorName is set
    std::string errorName;       // an error reply instead of the job
    std::string errorMessage;
    std::vector<JobRemoved> removedJobs; // JobRemoved signals sent after the reply, in order
    bool hangUpAfterReply = false;       // the bus goes away (restart) before any job ends
};

// One (sv) of the request: the variant's signature and its value as text
// ("[4242]" for au, "true" for b, the string for s).
struct Property {
    std::string signature;
    std::string value;
    bool operator==(const Property&) const = default;
};

// What the client sent, in order and in detail.
struct Observed {
    std::vector<std::string> calls;   // "org.freedesktop.DBus.Hello", "...Manager.StartTransientUnit"
    std::vector<std::string> matchRules;
    std::string destination;          // of StartTransientUnit
    std::string path;
    std::string signature;
    std::string unit;
    std::string mode;
    std::vector<std::string> propertyOrder;
    std::map<std::string, Property> properties;
    int auxUnits = -1;
    std::vector<std::string> problems; // what the fake could not parse or send
};

class FakeSystemd {
public:
    explicit FakeSystemd(Script script);
    FakeSystemd(const FakeSystemd&) = delete;
    FakeSystemd& operator=(const FakeSystemd&) = delete;
    ~FakeSystemd();

    // The client end, a started bus client (null if setting it up failed:
    // see setupError()). Used from the test's thread only.
    [[nodiscard]] sd_bus* client() const { return m_client; }
    [[nodiscard]] const std::string& setupError() const { return m_setupError; }

    // Closes the client end, waits for the fake to see the hang-up, and
    // returns what it observed.
    Observed finish();

private:
    void serve(int fd);

    Script m_script;
    Observed m_observed;
    sd_bus* m_client = nullptr;
    std::string m_setupError;
    std::thread m_thread;
};

} // namespace berth::test
