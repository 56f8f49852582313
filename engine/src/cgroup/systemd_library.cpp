#include "cgroup/systemd_library.h"

#include "common/loaded_library.h"

#include <systemd/sd-bus.h>

#include <cerrno>
#include <cstdarg>

namespace berth::cgroup {

namespace {

// Member names are the C names, types the header's.
struct SystemdApi {
    decltype(&::sd_bus_open_system) sd_bus_open_system = nullptr;
    decltype(&::sd_bus_flush_close_unref) sd_bus_flush_close_unref = nullptr;
    decltype(&::sd_bus_call) sd_bus_call = nullptr;
    decltype(&::sd_bus_process) sd_bus_process = nullptr;
    decltype(&::sd_bus_wait) sd_bus_wait = nullptr;
    decltype(&::sd_bus_match_signal) sd_bus_match_signal = nullptr;
    decltype(&::sd_bus_slot_unref) sd_bus_slot_unref = nullptr;
    decltype(&::sd_bus_message_new_method_call) sd_bus_message_new_method_call = nullptr;
    decltype(&::sd_bus_message_unref) sd_bus_message_unref = nullptr;
    decltype(&::sd_bus_message_appendv) sd_bus_message_appendv = nullptr;
    decltype(&::sd_bus_message_append_array) sd_bus_message_append_array = nullptr;
    decltype(&::sd_bus_message_readv) sd_bus_message_readv = nullptr;
    decltype(&::sd_bus_error_free) sd_bus_error_free = nullptr;
    decltype(&::sd_bus_error_is_set) sd_bus_error_is_set = nullptr;
};

Result<SystemdApi> resolveAll()
{
    static LoadedLibrary library("libsystemd.so.0", "libsystemd0", "systemd's delegated scopes and machined");
    SystemdApi api;
#define BERTH_RESOLVE(name)                                                                                            \
    if (Status found = library.resolve(api.name, #name); !found)                                                       \
        return fail(std::move(found.error()));
    BERTH_RESOLVE(sd_bus_open_system)
    BERTH_RESOLVE(sd_bus_flush_close_unref)
    BERTH_RESOLVE(sd_bus_call)
    BERTH_RESOLVE(sd_bus_process)
    BERTH_RESOLVE(sd_bus_wait)
    BERTH_RESOLVE(sd_bus_match_signal)
    BERTH_RESOLVE(sd_bus_slot_unref)
    BERTH_RESOLVE(sd_bus_message_new_method_call)
    BERTH_RESOLVE(sd_bus_message_unref)
    BERTH_RESOLVE(sd_bus_message_appendv)
    BERTH_RESOLVE(sd_bus_message_append_array)
    BERTH_RESOLVE(sd_bus_message_readv)
    BERTH_RESOLVE(sd_bus_error_free)
    BERTH_RESOLVE(sd_bus_error_is_set)
#undef BERTH_RESOLVE
    return api;
}

// Resolved on first use, from whichever thread comes first (a function's
// static is initialized once); the outcome stays for the process.
const Result<SystemdApi>& api()
{
    static const Result<SystemdApi> resolved = resolveAll();
    return resolved;
}

// Null while libsystemd is missing.
const SystemdApi* loaded()
{
    return api() ? &*api() : nullptr;
}

} // namespace

Status requireSystemd()
{
    if (!api())
        return fail(api().error());
    return {};
}

} // namespace berth::cgroup

// The forwarders. Hidden like the rest of the engine, so they never stand
// in for libsystemd's own functions in another library of the process.
using berth::cgroup::loaded;

int sd_bus_open_system(sd_bus** ret)
{
    return loaded() ? loaded()->sd_bus_open_system(ret) : -ELIBACC;
}

sd_bus* sd_bus_flush_close_unref(sd_bus* bus)
{
    return loaded() ? loaded()->sd_bus_flush_close_unref(bus) : nullptr;
}

int sd_bus_call(sd_bus* bus, sd_bus_message* m, uint64_t usec, sd_bus_error* ret_error, sd_bus_message** reply)
{
    return loaded() ? loaded()->sd_bus_call(bus, m, usec, ret_error, reply) : -ELIBACC;
}

int sd_bus_process(sd_bus* bus, sd_bus_message** r)
{
    return loaded() ? loaded()->sd_bus_process(bus, r) : -ELIBACC;
}

int sd_bus_wait(sd_bus* bus, uint64_t timeout_usec)
{
    return loaded() ? loaded()->sd_bus_wait(bus, timeout_usec) : -ELIBACC;
}

int sd_bus_match_signal(sd_bus* bus, sd_bus_slot** ret, const char* sender, const char* path, const char* interface,
                        const char* member, sd_bus_message_handler_t callback, void* userdata)
{
    return loaded() ? loaded()->sd_bus_match_signal(bus, ret, sender, path, interface, member, callback, userdata)
                    : -ELIBACC;
}

sd_bus_slot* sd_bus_slot_unref(sd_bus_slot* slot)
{
    return loaded() ? loaded()->sd_bus_slot_unref(slot) : nullptr;
}

int sd_bus_message_new_method_call(sd_bus* bus, sd_bus_message** m, const char* destination, const char* path,
                                   const char* interface, const char* member)
{
    return loaded() ? loaded()->sd_bus_message_new_method_call(bus, m, destination, path, interface, member) : -ELIBACC;
}

sd_bus_message* sd_bus_message_unref(sd_bus_message* m)
{
    return loaded() ? loaded()->sd_bus_message_unref(m) : nullptr;
}

int sd_bus_message_append(sd_bus_message* m, const char* types, ...)
{
    if (!loaded())
        return -ELIBACC;
    va_list ap;
    va_start(ap, types);
    const int r = loaded()->sd_bus_message_appendv(m, types, ap);
    va_end(ap);
    return r;
}

int sd_bus_message_append_array(sd_bus_message* m, char type, const void* ptr, size_t size)
{
    return loaded() ? loaded()->sd_bus_message_append_array(m, type, ptr, size) : -ELIBACC;
}

int sd_bus_message_read(sd_bus_message* m, const char* types, ...)
{
    if (!loaded())
        return -ELIBACC;
    va_list ap;
    va_start(ap, types);
    const int r = loaded()->sd_bus_message_readv(m, types, ap);
    va_end(ap);
    return r;
}

void sd_bus_error_free(sd_bus_error* e)
{
    if (loaded())
        loaded()->sd_bus_error_free(e);
}

int sd_bus_error_is_set(const sd_bus_error* e)
{
    return loaded() ? loaded()->sd_bus_error_is_set(e) : 0;
}
