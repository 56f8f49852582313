// libsystemd's sd-bus, opened with dlopen when a quick verb first needs the
// bus rather than linked: a line the quick path hands to the full client
// then costs no more than this small program's own start, where linking
// libsystemd made every command map it and the six libraries it brings
// (libgcrypt, libgpg-error, liblzma, libzstd, liblz4, libcap), about 3 ms
// here. As the engine does for its own sd-bus calls
// (engine/src/cgroup/systemd_library.cpp), this file defines the sd_bus_*
// functions helper_bus.cpp and job_follow.cpp call, each forwarding to the
// loaded library's (the variadic ones to their va_list forms); while the
// library cannot be loaded they fail as sd-bus does, with -ELIBACC, and the
// full client, which links it, says what is wrong.
#include <systemd/sd-bus.h>

#include <cerrno>
#include <cstdarg>
#include <dlfcn.h>

namespace {

// Member names are the C names, types the header's.
struct SdBus {
    decltype(&::sd_bus_open_system) sd_bus_open_system = nullptr;
    decltype(&::sd_bus_new) sd_bus_new = nullptr;
    decltype(&::sd_bus_set_address) sd_bus_set_address = nullptr;
    decltype(&::sd_bus_set_bus_client) sd_bus_set_bus_client = nullptr;
    decltype(&::sd_bus_start) sd_bus_start = nullptr;
    decltype(&::sd_bus_unref) sd_bus_unref = nullptr;
    decltype(&::sd_bus_flush_close_unref) sd_bus_flush_close_unref = nullptr;
    decltype(&::sd_bus_call) sd_bus_call = nullptr;
    decltype(&::sd_bus_process) sd_bus_process = nullptr;
    decltype(&::sd_bus_get_fd) sd_bus_get_fd = nullptr;
    decltype(&::sd_bus_get_events) sd_bus_get_events = nullptr;
    decltype(&::sd_bus_get_timeout) sd_bus_get_timeout = nullptr;
    decltype(&::sd_bus_add_match_async) sd_bus_add_match_async = nullptr;
    decltype(&::sd_bus_slot_unref) sd_bus_slot_unref = nullptr;
    decltype(&::sd_bus_error_free) sd_bus_error_free = nullptr;
    decltype(&::sd_bus_error_is_set) sd_bus_error_is_set = nullptr;
    decltype(&::sd_bus_message_new_method_call) sd_bus_message_new_method_call = nullptr;
    decltype(&::sd_bus_message_unref) sd_bus_message_unref = nullptr;
    decltype(&::sd_bus_message_appendv) sd_bus_message_appendv = nullptr;
    decltype(&::sd_bus_message_append_strv) sd_bus_message_append_strv = nullptr;
    decltype(&::sd_bus_message_readv) sd_bus_message_readv = nullptr;
    decltype(&::sd_bus_message_skip) sd_bus_message_skip = nullptr;
    decltype(&::sd_bus_message_enter_container) sd_bus_message_enter_container = nullptr;
    decltype(&::sd_bus_message_exit_container) sd_bus_message_exit_container = nullptr;
    decltype(&::sd_bus_message_get_sender) sd_bus_message_get_sender = nullptr;
    decltype(&::sd_bus_message_is_signal) sd_bus_message_is_signal = nullptr;
    decltype(&::sd_bus_message_is_method_error) sd_bus_message_is_method_error = nullptr;
};

template <class Function> bool resolve(void* library, Function*& slot, const char* name)
{
    slot = reinterpret_cast<Function*>(::dlsym(library, name));
    return slot != nullptr;
}

// Null when libsystemd.so.0 (a soname: the loader's search finds the
// distribution's copy) or one of its functions is missing.
const SdBus* loadSdBus()
{
    static SdBus api;
    void* library = ::dlopen("libsystemd.so.0", RTLD_NOW | RTLD_LOCAL);
    if (library == nullptr)
        return nullptr;
#define BERTH_RESOLVE(name)                                                                                            \
    if (!resolve(library, api.name, #name))                                                                            \
        return nullptr;
    BERTH_RESOLVE(sd_bus_open_system)
    BERTH_RESOLVE(sd_bus_new)
    BERTH_RESOLVE(sd_bus_set_address)
    BERTH_RESOLVE(sd_bus_set_bus_client)
    BERTH_RESOLVE(sd_bus_start)
    BERTH_RESOLVE(sd_bus_unref)
    BERTH_RESOLVE(sd_bus_flush_close_unref)
    BERTH_RESOLVE(sd_bus_call)
    BERTH_RESOLVE(sd_bus_process)
    BERTH_RESOLVE(sd_bus_get_fd)
    BERTH_RESOLVE(sd_bus_get_events)
    BERTH_RESOLVE(sd_bus_get_timeout)
    BERTH_RESOLVE(sd_bus_add_match_async)
    BERTH_RESOLVE(sd_bus_slot_unref)
    BERTH_RESOLVE(sd_bus_error_free)
    BERTH_RESOLVE(sd_bus_error_is_set)
    BERTH_RESOLVE(sd_bus_message_new_method_call)
    BERTH_RESOLVE(sd_bus_message_unref)
    BERTH_RESOLVE(sd_bus_message_appendv)
    BERTH_RESOLVE(sd_bus_message_append_strv)
    BERTH_RESOLVE(sd_bus_message_readv)
    BERTH_RESOLVE(sd_bus_message_skip)
    BERTH_RESOLVE(sd_bus_message_enter_container)
    BERTH_RESOLVE(sd_bus_message_exit_container)
    BERTH_RESOLVE(sd_bus_message_get_sender)
    BERTH_RESOLVE(sd_bus_message_is_signal)
    BERTH_RESOLVE(sd_bus_message_is_method_error)
#undef BERTH_RESOLVE
    return &api;
}

// Loaded on first use; the process is single-threaded.
const SdBus* sdBus()
{
    static const SdBus* loaded = loadSdBus();
    return loaded;
}

} // namespace

// The forwarders: an error value, as sd-bus's own, while the library is missing.
#define BERTH_FORWARD(type, failed, name, parameters, arguments)                                                       \
    type name parameters                                                                                               \
    {                                                                                                                  \
        return sdBus() ? sdBus()->name arguments : failed;                                                             \
    }

BERTH_FORWARD(int, -ELIBACC, sd_bus_open_system, (sd_bus * *ret), (ret))
BERTH_FORWARD(int, -ELIBACC, sd_bus_new, (sd_bus * *ret), (ret))
BERTH_FORWARD(int, -ELIBACC, sd_bus_set_address, (sd_bus * bus, const char* address), (bus, address))
BERTH_FORWARD(int, -ELIBACC, sd_bus_set_bus_client, (sd_bus * bus, int b), (bus, b))
BERTH_FORWARD(int, -ELIBACC, sd_bus_start, (sd_bus * bus), (bus))
BERTH_FORWARD(sd_bus*, nullptr, sd_bus_unref, (sd_bus * bus), (bus))
BERTH_FORWARD(sd_bus*, nullptr, sd_bus_flush_close_unref, (sd_bus * bus), (bus))
BERTH_FORWARD(int, -ELIBACC, sd_bus_call,
              (sd_bus * bus, sd_bus_message* m, uint64_t usec, sd_bus_error* error, sd_bus_message** reply),
              (bus, m, usec, error, reply))
BERTH_FORWARD(int, -ELIBACC, sd_bus_process, (sd_bus * bus, sd_bus_message** r), (bus, r))
BERTH_FORWARD(int, -ELIBACC, sd_bus_get_fd, (sd_bus * bus), (bus))
BERTH_FORWARD(int, -ELIBACC, sd_bus_get_events, (sd_bus * bus), (bus))
BERTH_FORWARD(int, -ELIBACC, sd_bus_get_timeout, (sd_bus * bus, uint64_t* usec), (bus, usec))
BERTH_FORWARD(int, -ELIBACC, sd_bus_add_match_async,
              (sd_bus * bus, sd_bus_slot** slot, const char* match, sd_bus_message_handler_t callback,
               sd_bus_message_handler_t installCallback, void* userdata),
              (bus, slot, match, callback, installCallback, userdata))
BERTH_FORWARD(sd_bus_slot*, nullptr, sd_bus_slot_unref, (sd_bus_slot * slot), (slot))
BERTH_FORWARD(void, void(), sd_bus_error_free, (sd_bus_error * e), (e))
BERTH_FORWARD(int, 0, sd_bus_error_is_set, (const sd_bus_error* e), (e))
BERTH_FORWARD(int, -ELIBACC, sd_bus_message_new_method_call,
              (sd_bus * bus, sd_bus_message** m, const char* destination, const char* path, const char* interface,
               const char* member),
              (bus, m, destination, path, interface, member))
BERTH_FORWARD(sd_bus_message*, nullptr, sd_bus_message_unref, (sd_bus_message * m), (m))
BERTH_FORWARD(int, -ELIBACC, sd_bus_message_append_strv, (sd_bus_message * m, char** l), (m, l))
BERTH_FORWARD(int, -ELIBACC, sd_bus_message_skip, (sd_bus_message * m, const char* types), (m, types))
BERTH_FORWARD(int, -ELIBACC, sd_bus_message_enter_container, (sd_bus_message * m, char type, const char* contents),
              (m, type, contents))
BERTH_FORWARD(int, -ELIBACC, sd_bus_message_exit_container, (sd_bus_message * m), (m))
BERTH_FORWARD(const char*, nullptr, sd_bus_message_get_sender, (sd_bus_message * m), (m))
BERTH_FORWARD(int, -ELIBACC, sd_bus_message_is_signal, (sd_bus_message * m, const char* interface, const char* member),
              (m, interface, member))
BERTH_FORWARD(int, -ELIBACC, sd_bus_message_is_method_error, (sd_bus_message * m, const char* name), (m, name))
#undef BERTH_FORWARD

int sd_bus_message_append(sd_bus_message* m, const char* types, ...)
{
    if (!sdBus())
        return -ELIBACC;
    va_list ap;
    va_start(ap, types);
    const int r = sdBus()->sd_bus_message_appendv(m, types, ap);
    va_end(ap);
    return r;
}

int sd_bus_message_read(sd_bus_message* m, const char* types, ...)
{
    if (!sdBus())
        return -ELIBACC;
    va_list ap;
    va_start(ap, types);
    const int r = sdBus()->sd_bus_message_readv(m, types, ap);
    va_end(ap);
    return r;
}
