#include "common/loaded_library.h"

#include <cerrno>

#include <dlfcn.h>

namespace berth {

LoadedLibrary::LoadedLibrary(std::string soname, std::string package, std::string purpose)
    : m_soname(std::move(soname)), m_package(std::move(package)), m_purpose(std::move(purpose))
{}

Status LoadedLibrary::load()
{
    std::call_once(m_once, [this] {
        // RTLD_NOW: a library too old for a function fails here, once, not
        // at some later call. RTLD_LOCAL: its symbols stay out of the global
        // scope, so nothing else in the process binds to them by accident.
        m_handle = ::dlopen(m_soname.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!m_handle) {
            const char* why = ::dlerror();
            m_loadError = why ? why : "dlopen failed";
        }
    });
    if (m_handle)
        return {};
    // ELIBACC: "cannot access a needed shared library", the errno that says
    // what is wrong; the message says which package brings it.
    return failWith(ELIBACC,
                    m_purpose + " need " + m_soname + " (package " + m_package +
                        "), which cannot be loaded: " + m_loadError,
                    m_soname);
}

Result<void*> LoadedLibrary::symbol(const char* name)
{
    if (Status loaded = load(); !loaded)
        return fail(std::move(loaded.error()));
    // dlerror is per thread: clear what an earlier call left, then ask.
    (void)::dlerror();
    void* address = ::dlsym(m_handle, name);
    if (!address)
        return failWith(ELIBACC,
                        m_purpose + " need " + name + " from " + m_soname + ", which this copy of package " +
                            m_package + " lacks",
                        m_soname);
    return address;
}

} // namespace berth
