#include "cgroup/machine_registration.h"

#include "cgroup/sd_bus_util.h"
#include "cgroup/systemd_library.h"

#include <algorithm>
#include <array>
#include <cerrno>

// What machined (systemd 252, src/machine/machined-dbus.c) does with the call:
// - It checks the name with hostname_is_valid(name, 0) (InvalidArgs
//   "Invalid machine name"), takes an id of 16 bytes or none (any other
//   length is InvalidArgs), refuses leader 1 and a relative root directory,
//   and answers MachineExists when the name is taken.
// - RegisterMachine* creates no unit (CreateMachine* would start a
//   machine-<name>.scope of its own): it asks which unit the leader's cgroup
//   belongs to (cg_pid_get_unit: the first unit name after the slices) and
//   attaches the machine to it. The leader sits in
//   machine.slice/berth-<name>.scope/<name>, so that unit is Berth's
//   delegated scope, which must therefore hold the leader before the call.
// - The machine lives as long as that unit: machined follows the unit's
//   state and garbage-collects the machine once the unit is no longer
//   active, i.e. when the monitor, the scope's last process, has exited.
//   So Berth never unregisters. TerminateMachine would stop the unit, which
//   is Berth's scope with the monitor in it; UnregisterMachine queues the
//   machine for garbage collection, and where that is not marked as a
//   deliberate removal (older machined) the collection stops the unit too.
namespace berth::cgroup {

namespace {

using sdbus::BusError;
using sdbus::BusPtr;
using sdbus::MessagePtr;

constexpr const char* kService = "org.freedesktop.machine1";
constexpr const char* kObject = "/org/freedesktop/machine1";
constexpr const char* kManager = "org.freedesktop.machine1.Manager";
constexpr const char* kMachineExists = "org.freedesktop.machine1.MachineExists";
constexpr const char* kInvalidArgs = "org.freedesktop.DBus.Error.InvalidArgs";
constexpr std::size_t kHostNameMax = 64; // Linux's HOST_NAME_MAX, as machined checks

// What the bus answers when machined cannot be reached at all: no service
// file (package systemd-container missing), nobody owns the name, the
// activation failed (dbus-daemon's Spawn.*, or systemd's answer to the
// activation request for a missing or masked unit, which dbus-daemon passes
// on). Not a problem of the container: registration is simply skipped.
bool machinedUnavailable(const std::string& error)
{
    constexpr std::array<std::string_view, 4> names = {
        "org.freedesktop.DBus.Error.ServiceUnknown",
        "org.freedesktop.DBus.Error.NameHasNoOwner",
        "org.freedesktop.systemd1.NoSuchUnit",
        "org.freedesktop.systemd1.UnitMasked",
    };
    return std::ranges::find(names, error) != names.end() || error.starts_with("org.freedesktop.DBus.Error.Spawn.");
}

bool isLdh(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

Result<MessagePtr> buildRequest(sd_bus* bus, const MachineRegistration& machine)
{
    sd_bus_message* raw = nullptr;
    int r = sd_bus_message_new_method_call(bus, &raw, kService, kObject, kManager, "RegisterMachineWithNetwork");
    if (r < 0)
        return failErrno(-r, "build RegisterMachineWithNetwork");
    MessagePtr message(raw);
    const std::size_t idSize = machine.id ? machine.id->size() : 0;
    r = sd_bus_message_append(message.get(), "s", machine.name.c_str());
    if (r >= 0)
        r = sd_bus_message_append_array(message.get(), 'y', machine.id ? machine.id->data() : nullptr, idSize);
    if (r >= 0)
        r = sd_bus_message_append(message.get(), "ssus", std::string(kMachineService).c_str(),
                                  std::string(kMachineClass).c_str(), static_cast<uint32_t>(machine.leader),
                                  machine.rootDirectory.c_str());
    if (r >= 0)
        r = sd_bus_message_append_array(message.get(), 'i', machine.interfaces.data(),
                                        machine.interfaces.size() * sizeof(std::int32_t));
    if (r < 0)
        return failErrno(-r, "build RegisterMachineWithNetwork");
    return message;
}

// A machine of that name already there (another manager's, or one machined
// has not collected yet) becomes EEXIST whatever sd-bus's error map says.
Error callError(int r, const BusError& error, std::chrono::milliseconds timeout)
{
    if (r == -ETIMEDOUT)
        return Error::make(ETIMEDOUT,
                           "RegisterMachineWithNetwork: no answer within " + std::to_string(timeout.count()) + " ms");
    if (!error.isSet())
        return Error::fromErrno(-r, "RegisterMachineWithNetwork");
    int code = -r;
    if (error.name() == kMachineExists)
        code = EEXIST;
    else if (error.name() == kInvalidArgs)
        code = EINVAL;
    return Error::make(code, "RegisterMachineWithNetwork: " + error.message() + " (" + error.name() + ")");
}

Result<std::optional<std::string>> call(sd_bus* bus, const MachineRegistration& machine,
                                        std::chrono::milliseconds timeout)
{
    Result<MessagePtr> request = buildRequest(bus, machine);
    if (!request)
        return fail(std::move(request.error()));
    // Never 0: sd_bus_call reads 0 as its default of 25 s.
    const auto usec = std::chrono::duration_cast<std::chrono::microseconds>(timeout).count();
    if (usec <= 0)
        return failWith(ETIMEDOUT, "RegisterMachineWithNetwork: no time left for the call");
    BusError error;
    sd_bus_message* rawReply = nullptr;
    const int r = sd_bus_call(bus, request->get(), static_cast<uint64_t>(usec), error.get(), &rawReply);
    MessagePtr reply(rawReply);
    if (r < 0 && error.isSet() && machinedUnavailable(error.name()))
        return std::optional<std::string>{};
    if (r < 0)
        return fail(callError(r, error, timeout));
    const char* path = nullptr;
    const int read = sd_bus_message_read(reply.get(), "o", &path);
    if (read < 0)
        return failErrno(-read, "read the reply of RegisterMachineWithNetwork");
    return std::optional<std::string>(path);
}

} // namespace

bool machineNameIsValid(std::string_view name)
{
    if (name.empty() || name.size() > kHostNameMax)
        return false;
    // As hostname_is_valid: a dot may not follow a dot or a hyphen, a hyphen
    // may not start a label, and the name may end in neither.
    bool afterDot = true; // the start counts as one: no leading '.' or '-'
    bool afterHyphen = false;
    for (const char c : name) {
        if (c == '.') {
            if (afterDot || afterHyphen)
                return false;
            afterDot = true;
            afterHyphen = false;
        } else if (c == '-') {
            if (afterDot)
                return false;
            afterDot = false;
            afterHyphen = true;
        } else {
            if (!isLdh(c))
                return false;
            afterDot = afterHyphen = false;
        }
    }
    return !afterDot && !afterHyphen;
}

Result<std::optional<std::string>> registerMachine(sd_bus* bus, const MachineRegistration& machine,
                                                   std::chrono::milliseconds timeout)
{
    const std::string what = "register '" + machine.name + "' with systemd-machined";
    if (!machineNameIsValid(machine.name))
        return failWith(EINVAL, what + ": the name is no valid hostname, which machined requires");
    if (!bus || machine.leader <= 1)
        return failWith(EINVAL, what + ": invalid argument");
    if (!machine.rootDirectory.empty() && machine.rootDirectory.front() != '/')
        return failWith(EINVAL, what + ": the root directory '" + machine.rootDirectory + "' is not absolute");
    if (std::ranges::any_of(machine.interfaces, [](std::int32_t index) { return index <= 0; }))
        return failWith(EINVAL, what + ": an interface index is not positive");
    Result<std::optional<std::string>> registered = call(bus, machine, timeout);
    if (!registered)
        return fail(std::move(registered.error()).wrap(what));
    return registered;
}

Result<std::optional<std::string>> registerMachine(const MachineRegistration& machine,
                                                   std::chrono::milliseconds timeout)
{
    // libsystemd is loaded here, on first use; without it the error says
    // which package is missing.
    if (Status loaded = requireSystemd(); !loaded)
        return fail(std::move(loaded.error()).wrap("register '" + machine.name + "' with systemd-machined"));
    sd_bus* raw = nullptr;
    const int r = sd_bus_open_system(&raw);
    if (r < 0)
        return failErrno(-r, "register '" + machine.name + "' with systemd-machined: connect to the system bus");
    BusPtr bus(raw);
    return registerMachine(bus.get(), machine, timeout);
}

} // namespace berth::cgroup
