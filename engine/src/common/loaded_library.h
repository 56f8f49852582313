// A shared library opened on first use with dlopen, for the few features
// that need a heavy one (libnftables for NAT and port forwards, libsystemd
// for systemd's scopes and machined): a berth-monitor of a container that
// uses neither maps none of their dozen dependencies (issue #22).
#pragma once

#include "berth/error.h"

#include <mutex>
#include <string>

namespace berth {

class LoadedLibrary {
public:
    // `soname` is what dlopen gets, never a path: the loader's search finds
    // the distribution's copy. `package` and `purpose` only word the error:
    // "port forwards need libnftables.so.1 (package libnftables1)".
    LoadedLibrary(std::string soname, std::string package, std::string purpose);
    LoadedLibrary(const LoadedLibrary&) = delete;
    LoadedLibrary& operator=(const LoadedLibrary&) = delete;
    // The handle stays open for the life of the process: function pointers
    // taken from it may be kept anywhere.
    ~LoadedLibrary() = default;

    // Opens the library on the first call (from any thread); every later
    // call answers as the first did, without trying again.
    [[nodiscard]] Status load();

    // The address of `name` in this library (loading it first), or an error
    // naming the symbol, the library and its package.
    [[nodiscard]] Result<void*> symbol(const char* name);

    // symbol(), typed: `slot` is a pointer to a function declared in the
    // library's own header, so the type is the header's, not a guess.
    template <class Function> [[nodiscard]] Status resolve(Function*& slot, const char* name)
    {
        Result<void*> address = symbol(name);
        if (!address)
            return fail(std::move(address.error()));
        slot = reinterpret_cast<Function*>(*address);
        return {};
    }

    [[nodiscard]] const std::string& soname() const noexcept { return m_soname; }

private:
    std::string m_soname;
    std::string m_package;
    std::string m_purpose;
    std::once_flag m_once;
    void* m_handle = nullptr;
    std::string m_loadError; // dlerror()'s text when the open failed
};

} // namespace berth
