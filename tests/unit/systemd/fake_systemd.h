// A fake system bus with systemd on it, on one end of a socketpair, driven by
// a script of recorded answers. It plays every part a client sees on a real
// bus: the bus driver (Hello, AddMatch, RemoveMatch, and its errors for a
// service that is not there), systemd's Manager (StartTransientUnit,
// JobRemoved) and systemd-machined's Manager (RegisterMachineWithNetwork),
// and records what the client sent.
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

// machined's part (RegisterMachineWithNetwork). By default it succeeds and
// replies with the machine's object path, as machined does:
// /org/freedesktop/machine1/machine/<name escaped by sd_bus_path_encode>.
struct MachinedScript {
    std::string errorName; // an error reply instead of the path
    std::string errorMessage;
    bool fromBusDriver = false; // the error comes from the bus itself: no machined there
    bool silent = false;        // never answers (a hung machined)
};

// systemd's part of one exchange.
struct Script {
    std::string replyJob;  // StartTransientUnit's reply (o); unused when errorName is set
    std::string errorName; // an error reply instead of the job
    std::string errorMessage;
    std::vector<JobRemoved> removedJobs; // JobRemoved signals sent after the reply, in order
    bool hangUpAfterReply = false;       // the bus goes away (restart) before any job ends
    MachinedScript machined;
};

// RegisterMachineWithNetwork(s name, ay id, s service, s class, u leader,
// s root_directory, ai ifindices) as the fake read it, each argument with
// the type it has to have (a read of another type fails and is a problem).
struct MachineRequest {
    std::string destination;
    std::string path;
    std::string signature;
    std::string name;
    std::vector<uint8_t> id;
    std::string service;
    std::string machineClass;
    uint32_t leader = 0;
    std::string rootDirectory;
    std::vector<int32_t> interfaces;
    std::string replyPath; // what the fake answered, when it did
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
    std::vector<std::string> calls; // "org.freedesktop.DBus.Hello", "...Manager.StartTransientUnit"
    std::vector<std::string> matchRules;
    std::string destination; // of StartTransientUnit
    std::string path;
    std::string signature;
    std::string unit;
    std::string mode;
    std::vector<std::string> propertyOrder;
    std::map<std::string, Property> properties;
    int auxUnits = -1;
    MachineRequest machine;            // the last RegisterMachineWithNetwork
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
