#include "helper_bus.h"

#include "berth/model/bus_names.h"

#include <systemd/sd-bus.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

namespace berth::quick {
namespace {

// Our own connection ended: the name the full client knows for it.
constexpr const char* kDisconnected = "org.freedesktop.DBus.Error.Disconnected";

sd_bus* openBus()
{
    sd_bus* bus = nullptr;
    const char* address = std::getenv(model::kBusAddressVariable);
    if (address == nullptr || *address == '\0') {
        // DBUS_SYSTEM_BUS_ADDRESS, when set, is read by sd-bus itself.
        if (sd_bus_open_system(&bus) < 0)
            return nullptr;
        return bus;
    }
    if (sd_bus_new(&bus) < 0)
        return nullptr;
    if (sd_bus_set_address(bus, address) < 0 || sd_bus_set_bus_client(bus, 1) < 0 || sd_bus_start(bus) < 0) {
        sd_bus_unref(bus);
        return nullptr;
    }
    return bus;
}

// argv as sd-bus takes a string array: pointers, null at the end.
std::vector<char*> stringArray(const std::vector<std::string>& words)
{
    std::vector<char*> array;
    array.reserve(words.size() + 1);
    for (const std::string& word : words)
        array.push_back(const_cast<char*>(word.c_str()));
    array.push_back(nullptr);
    return array;
}

// A reply whose arguments are not the interface's (kind BadReply there).
CallError unreadableReply(int negativeErrno, const char* member)
{
    return CallError{"", std::string("the helper's answer to ") + member +
                             " cannot be read: " + std::strerror(-negativeErrno)};
}

Result<Message> managerCall(sd_bus* bus, const char* member)
{
    return newHelperCall(bus, model::kObjectPath, model::kManagerInterface, member);
}

} // namespace

void MessageUnref::operator()(sd_bus_message* message) const
{
    sd_bus_message_unref(message);
}

CallError errnoError(int negativeErrno)
{
    return CallError{kDisconnected, std::strerror(-negativeErrno)};
}

Result<Message> newHelperCall(sd_bus* bus, const char* path, const char* interface, const char* member)
{
    sd_bus_message* call = nullptr;
    if (const int rc = sd_bus_message_new_method_call(bus, &call, model::kServiceName, path, interface, member); rc < 0)
        return std::unexpected(errnoError(rc));
    return Message(call);
}

Result<Message> callAndWait(sd_bus* bus, sd_bus_message* call)
{
    sd_bus_error error = SD_BUS_ERROR_NULL;
    sd_bus_message* reply = nullptr;
    // UINT64_MAX: no time limit (sd_bus_call's "infinity").
    const int rc = sd_bus_call(bus, call, UINT64_MAX, &error, &reply);
    if (rc < 0) {
        CallError failed =
            sd_bus_error_is_set(&error) ? CallError{error.name, error.message ? error.message : ""} : errnoError(rc);
        sd_bus_error_free(&error);
        return std::unexpected(std::move(failed));
    }
    return Message(reply);
}

std::unique_ptr<HelperBus> HelperBus::connect()
{
    sd_bus* bus = openBus();
    if (bus == nullptr)
        return nullptr;
    return std::unique_ptr<HelperBus>(new HelperBus(bus));
}

HelperBus::~HelperBus()
{
    sd_bus_flush_close_unref(m_bus);
}

Result<void> HelperBus::start(const std::string& name)
{
    auto call = managerCall(m_bus, model::member::kStart);
    if (!call)
        return std::unexpected(call.error());
    if (const int rc = sd_bus_message_append(call->get(), "s", name.c_str()); rc < 0)
        return std::unexpected(errnoError(rc));
    auto reply = callAndWait(m_bus, call->get());
    if (!reply)
        return std::unexpected(reply.error());
    return {};
}

Result<JobRef> HelperBus::stop(const std::string& name, unsigned timeoutSeconds)
{
    auto call = managerCall(m_bus, model::member::kStop);
    if (!call)
        return std::unexpected(call.error());
    if (const int rc = sd_bus_message_append(call->get(), "su", name.c_str(), timeoutSeconds); rc < 0)
        return std::unexpected(errnoError(rc));
    auto reply = callAndWait(m_bus, call->get());
    if (!reply)
        return std::unexpected(reply.error());
    const char* path = nullptr;
    if (const int rc = sd_bus_message_read(reply->get(), "o", &path); rc < 0)
        return std::unexpected(unreadableReply(rc, model::member::kStop));
    const char* sender = sd_bus_message_get_sender(reply->get());
    return JobRef{path, sender ? sender : ""};
}

Result<unsigned> HelperBus::execWithOwnFds(const std::string& name, const std::vector<std::string>& command)
{
    auto call = managerCall(m_bus, model::member::kExecWithFds);
    if (!call)
        return std::unexpected(call.error());
    sd_bus_message* m = call->get();
    const std::vector<char*> argv = stringArray(command);
    const std::vector<char*> noEnvironment = stringArray({});
    int rc = sd_bus_message_append(m, "s", name.c_str());
    if (rc >= 0)
        rc = sd_bus_message_append_strv(m, const_cast<char**>(argv.data()));
    if (rc >= 0)
        rc = sd_bus_message_append_strv(m, const_cast<char**>(noEnvironment.data()));
    // sd-bus sends copies of the descriptors, with the rights they were opened with.
    if (rc >= 0)
        rc = sd_bus_message_append(m, "shhh", "/", STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO);
    if (rc < 0)
        return std::unexpected(errnoError(rc));
    auto reply = callAndWait(m_bus, m);
    if (!reply)
        return std::unexpected(reply.error());
    std::uint32_t id = 0;
    if (const int read = sd_bus_message_read(reply->get(), "u", &id); read < 0)
        return std::unexpected(unreadableReply(read, model::member::kExecWithFds));
    return id;
}

Result<ExecEnd> HelperBus::waitExec(unsigned id)
{
    auto call = managerCall(m_bus, model::member::kWaitExec);
    if (!call)
        return std::unexpected(call.error());
    if (const int rc = sd_bus_message_append(call->get(), "u", id); rc < 0)
        return std::unexpected(errnoError(rc));
    auto reply = callAndWait(m_bus, call->get());
    if (!reply)
        return std::unexpected(reply.error());
    ExecEnd end;
    if (const int rc = sd_bus_message_read(reply->get(), "ii", &end.status, &end.signal); rc < 0)
        return std::unexpected(unreadableReply(rc, model::member::kWaitExec));
    return end;
}

} // namespace berth::quick
