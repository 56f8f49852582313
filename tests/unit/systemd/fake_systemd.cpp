#include "fake_systemd.h"

#include <systemd/sd-bus.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <memory>

#include <sys/socket.h>
#include <unistd.h>

namespace berth::test {

namespace {

// Names on the fake bus: systemd got :1.1 at boot, machined :1.7 when it
// was activated, the client gets :1.42.
constexpr const char* kDriver = "org.freedesktop.DBus";
constexpr const char* kSystemdUnique = ":1.1";
constexpr const char* kMachinedUnique = ":1.7";
constexpr const char* kClientUnique = ":1.42";
constexpr const char* kManager = "org.freedesktop.systemd1.Manager";
constexpr const char* kMachineManager = "org.freedesktop.machine1.Manager";
constexpr const char* kMachinePathPrefix = "/org/freedesktop/machine1/machine";

struct MessageUnref {
    void operator()(sd_bus_message* m) const noexcept { sd_bus_message_unref(m); }
};
using MessagePtr = std::unique_ptr<sd_bus_message, MessageUnref>;

std::string errnoText(const char* what, int r)
{
    return std::string(what) + ": " + std::strerror(-r);
}

// A bus daemon stamps the sender; replies also name their destination.
int sendAs(sd_bus* bus, sd_bus_message* m, const char* sender, const char* destination)
{
    int r = sd_bus_message_set_sender(m, sender);
    if (r >= 0 && destination)
        r = sd_bus_message_set_destination(m, destination);
    if (r >= 0)
        r = sd_bus_send(bus, m, nullptr);
    return r;
}

int replyEmpty(sd_bus* bus, sd_bus_message* call, const char* sender)
{
    if (sd_bus_message_get_expect_reply(call) == 0)
        return 0;
    sd_bus_message* raw = nullptr;
    int r = sd_bus_message_new_method_return(call, &raw);
    MessagePtr reply(raw);
    return r < 0 ? r : sendAs(bus, reply.get(), sender, kClientUnique);
}

std::string renderUints(sd_bus_message* m)
{
    std::string text = "[";
    uint32_t value = 0;
    int r = 0;
    while ((r = sd_bus_message_read_basic(m, 'u', &value)) > 0)
        text += (text.size() > 1 ? "," : "") + std::to_string(value);
    return r < 0 ? "<unreadable>" : text + "]";
}

// The variant's value as text; anything else is skipped and marked.
std::string renderValue(sd_bus_message* m, const std::string& contents)
{
    if (contents == "au") {
        if (sd_bus_message_enter_container(m, 'a', "u") < 0)
            return "<unreadable>";
        std::string text = renderUints(m);
        return sd_bus_message_exit_container(m) < 0 ? "<unreadable>" : text;
    }
    if (contents == "b") {
        int value = 0;
        return sd_bus_message_read_basic(m, 'b', &value) < 0 ? "<unreadable>" : (value ? "true" : "false");
    }
    if (contents == "s") {
        const char* value = nullptr;
        return sd_bus_message_read_basic(m, 's', &value) < 0 ? "<unreadable>" : value;
    }
    return sd_bus_message_skip(m, contents.c_str()) < 0 ? "<unreadable>" : "<type " + contents + ">";
}

// One (sv) entry; false at the end of the array.
bool readProperty(sd_bus_message* m, Observed& seen)
{
    if (sd_bus_message_enter_container(m, 'r', "sv") <= 0)
        return false;
    const char* name = nullptr;
    char type = 0;
    const char* contents = nullptr;
    if (sd_bus_message_read_basic(m, 's', &name) < 0 || sd_bus_message_peek_type(m, &type, &contents) < 0 ||
        type != 'v' || sd_bus_message_enter_container(m, 'v', contents) < 0) {
        seen.problems.push_back("unreadable property");
        return false;
    }
    seen.propertyOrder.push_back(name);
    seen.properties[name] = Property{contents, renderValue(m, contents)};
    return sd_bus_message_exit_container(m) >= 0 && sd_bus_message_exit_container(m) >= 0;
}

int countAux(sd_bus_message* m)
{
    if (sd_bus_message_enter_container(m, 'a', "(sa(sv))") < 0)
        return -1;
    int count = 0;
    while (sd_bus_message_enter_container(m, 'r', "sa(sv)") > 0) {
        if (sd_bus_message_skip(m, "sa(sv)") < 0 || sd_bus_message_exit_container(m) < 0)
            return -1;
        ++count;
    }
    return sd_bus_message_exit_container(m) < 0 ? -1 : count;
}

void readStartTransientUnit(sd_bus_message* m, Observed& seen)
{
    seen.destination = sd_bus_message_get_destination(m) ? sd_bus_message_get_destination(m) : "";
    seen.path = sd_bus_message_get_path(m) ? sd_bus_message_get_path(m) : "";
    seen.signature = sd_bus_message_get_signature(m, true);
    const char* unit = nullptr;
    const char* mode = nullptr;
    if (sd_bus_message_read(m, "ss", &unit, &mode) < 0 || sd_bus_message_enter_container(m, 'a', "(sv)") < 0) {
        seen.problems.push_back("unreadable StartTransientUnit");
        return;
    }
    seen.unit = unit;
    seen.mode = mode;
    while (readProperty(m, seen)) {}
    if (sd_bus_message_exit_container(m) < 0)
        seen.problems.push_back("properties not closed");
    seen.auxUnits = countAux(m);
}

int sendJobRemoved(sd_bus* bus, const JobRemoved& signal)
{
    sd_bus_message* raw = nullptr;
    int r = sd_bus_message_new_signal(bus, &raw, "/org/freedesktop/systemd1", kManager, "JobRemoved");
    MessagePtr m(raw);
    if (r >= 0)
        r = sd_bus_message_append(m.get(), "uoss", signal.id, signal.job.c_str(), signal.unit.c_str(),
                                  signal.result.c_str());
    // A broadcast: the bus delivers it to every matching client, no destination.
    return r < 0 ? r : sendAs(bus, m.get(), kSystemdUnique, nullptr);
}

// The recorded answer first, then the JobRemoved signals systemd sends as the job ends.
int answerStartTransientUnit(sd_bus* bus, sd_bus_message* call, const Script& script)
{
    sd_bus_message* raw = nullptr;
    int r = script.errorName.empty() ? sd_bus_message_new_method_return(call, &raw)
                                     : sd_bus_message_new_method_errorf(call, &raw, script.errorName.c_str(), "%s",
                                                                        script.errorMessage.c_str());
    MessagePtr reply(raw);
    if (r >= 0 && script.errorName.empty())
        r = sd_bus_message_append(reply.get(), "o", script.replyJob.c_str());
    if (r >= 0)
        r = sendAs(bus, reply.get(), kSystemdUnique, kClientUnique);
    for (const JobRemoved& signal : script.removedJobs)
        if (r >= 0)
            r = sendJobRemoved(bus, signal);
    // A client may hang up as soon as it has what it waited for; the
    // signals meant for others then have nobody to go to.
    const bool hungUp = r == -ECONNRESET || r == -EPIPE || r == -ENOTCONN;
    return hungUp ? 0 : r;
}

// Typed reads: sd-bus refuses to read an argument as another type, so a
// request with a wrong type ends up in problems.
bool readMachineRequest(sd_bus_message* m, MachineRequest& request)
{
    request.destination = sd_bus_message_get_destination(m) ? sd_bus_message_get_destination(m) : "";
    request.path = sd_bus_message_get_path(m) ? sd_bus_message_get_path(m) : "";
    request.signature = sd_bus_message_get_signature(m, true);
    const char* name = nullptr;
    const void* id = nullptr;
    size_t idSize = 0;
    const char* service = nullptr;
    const char* machineClass = nullptr;
    const char* root = nullptr;
    const void* interfaces = nullptr;
    size_t interfacesSize = 0;
    if (sd_bus_message_read(m, "s", &name) < 0 || sd_bus_message_read_array(m, 'y', &id, &idSize) < 0 ||
        sd_bus_message_read(m, "ssus", &service, &machineClass, &request.leader, &root) < 0 ||
        sd_bus_message_read_array(m, 'i', &interfaces, &interfacesSize) < 0)
        return false;
    request.name = name;
    const auto* bytes = static_cast<const uint8_t*>(id);
    request.id.assign(bytes, bytes + idSize);
    request.service = service;
    request.machineClass = machineClass;
    request.rootDirectory = root;
    const auto* indices = static_cast<const int32_t*>(interfaces);
    request.interfaces.assign(indices, indices + interfacesSize / sizeof(int32_t));
    return true;
}

// As machined: the machine's path on success, else the scripted error, sent
// by machined or, for a machined that is not there, by the bus driver.
int answerRegisterMachine(sd_bus* bus, sd_bus_message* call, const MachinedScript& script, MachineRequest& request)
{
    if (script.silent)
        return 0;
    sd_bus_message* raw = nullptr;
    int r = 0;
    if (script.errorName.empty()) {
        char* path = nullptr;
        r = sd_bus_path_encode(kMachinePathPrefix, request.name.c_str(), &path);
        if (r >= 0) {
            request.replyPath = path;
            std::free(path);
            r = sd_bus_message_new_method_return(call, &raw);
        }
    } else
        r = sd_bus_message_new_method_errorf(call, &raw, script.errorName.c_str(), "%s", script.errorMessage.c_str());
    MessagePtr reply(raw);
    if (r >= 0 && script.errorName.empty())
        r = sd_bus_message_append(reply.get(), "o", request.replyPath.c_str());
    const char* sender = script.fromBusDriver ? kDriver : kMachinedUnique;
    return r < 0 ? r : sendAs(bus, reply.get(), sender, kClientUnique);
}

int answerDriver(sd_bus* bus, sd_bus_message* call, Observed& seen)
{
    const std::string member = sd_bus_message_get_member(call);
    if (member == "Hello") {
        sd_bus_message* raw = nullptr;
        int r = sd_bus_message_new_method_return(call, &raw);
        MessagePtr reply(raw);
        if (r >= 0)
            r = sd_bus_message_append(reply.get(), "s", kClientUnique);
        return r < 0 ? r : sendAs(bus, reply.get(), kDriver, kClientUnique);
    }
    if (member == "AddMatch" || member == "RemoveMatch") {
        const char* rule = nullptr;
        if (member == "AddMatch" && sd_bus_message_read(call, "s", &rule) >= 0)
            seen.matchRules.push_back(rule);
        return replyEmpty(bus, call, kDriver);
    }
    seen.problems.push_back("unexpected bus driver call " + member);
    return 0;
}

} // namespace

FakeSystemd::FakeSystemd(Script script) : m_script(std::move(script))
{
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) < 0) {
        m_setupError = std::string("socketpair: ") + std::strerror(errno);
        return;
    }
    m_thread = std::thread([this, fd = fds[1]] { serve(fd); });
    int r = sd_bus_new(&m_client);
    if (r >= 0)
        r = sd_bus_set_fd(m_client, fds[0], fds[0]);
    else
        ::close(fds[0]);
    // A client of a bus (Hello, AddMatch), as on the real system bus.
    if (r >= 0)
        r = sd_bus_set_bus_client(m_client, 1);
    if (r >= 0)
        r = sd_bus_set_anonymous(m_client, 1);
    if (r >= 0)
        r = sd_bus_start(m_client);
    if (r < 0) {
        m_setupError = errnoText("client bus", r);
        m_client = sd_bus_flush_close_unref(m_client);
    }
}

FakeSystemd::~FakeSystemd()
{
    finish();
}

Observed FakeSystemd::finish()
{
    m_client = sd_bus_flush_close_unref(m_client);
    if (m_thread.joinable())
        m_thread.join();
    return m_observed;
}

void FakeSystemd::serve(int fd)
{
    sd_bus* bus = nullptr;
    sd_id128_t id;
    int r = sd_id128_randomize(&id);
    if (r >= 0)
        r = sd_bus_new(&bus);
    if (r >= 0)
        r = sd_bus_set_fd(bus, fd, fd);
    else
        ::close(fd);
    if (r >= 0)
        r = sd_bus_set_server(bus, 1, id);
    if (r >= 0)
        r = sd_bus_set_anonymous(bus, 1);
    if (r >= 0)
        r = sd_bus_start(bus);
    if (r < 0)
        m_observed.problems.push_back(errnoText("fake bus", r));
    // Until the client hangs up: then process and wait fail with ENOTCONN.
    while (r >= 0) {
        sd_bus_message* raw = nullptr;
        r = sd_bus_process(bus, &raw);
        MessagePtr m(raw);
        if (r == 0)
            r = sd_bus_wait(bus, UINT64_MAX);
        if (r < 0 || !m || sd_bus_message_is_signal(m.get(), nullptr, nullptr) > 0)
            continue;
        const char* interface = sd_bus_message_get_interface(m.get());
        const std::string call = std::string(interface ? interface : "") + "." + sd_bus_message_get_member(m.get());
        m_observed.calls.push_back(call);
        int answered = 0;
        if (interface && std::strcmp(interface, kDriver) == 0)
            answered = answerDriver(bus, m.get(), m_observed);
        else if (call == std::string(kManager) + ".StartTransientUnit") {
            readStartTransientUnit(m.get(), m_observed);
            answered = answerStartTransientUnit(bus, m.get(), m_script);
            if (m_script.hangUpAfterReply)
                break;
        } else if (call == std::string(kMachineManager) + ".RegisterMachineWithNetwork") {
            m_observed.machine = MachineRequest{};
            if (!readMachineRequest(m.get(), m_observed.machine))
                m_observed.problems.push_back("unreadable RegisterMachineWithNetwork");
            answered = answerRegisterMachine(bus, m.get(), m_script.machined, m_observed.machine);
        } else
            m_observed.problems.push_back("unexpected call " + call);
        if (answered < 0)
            m_observed.problems.push_back(errnoText(("answer " + call).c_str(), answered));
    }
    sd_bus_flush_close_unref(bus);
}

} // namespace berth::test
