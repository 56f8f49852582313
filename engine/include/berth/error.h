// Error type of the engine: every fallible call returns Result<T>.
#pragma once

#include <expected>
#include <string>
#include <string_view>

namespace berth {

// An errno-like code, a message for people, and where it happened
// (a file, a config key and line). Never thrown.
struct Error {
    int code = 0;        // errno value: EINVAL, ENOENT, EBUSY, EEXIST, ...
    std::string message; // "create veth 'x': File exists"
    std::string context; // "config:12 lxc.mount.entry", a path, ...
    // The caller named a container that does not exist (code ENOENT): the one
    // error clients report as "not found" (berthctl's exit code 4). A missing
    // file, program or cgroup is a plain ENOENT.
    bool noSuchContainer = false;
    // exec's command itself could not be executed (its execve failed, code
    // says why): berthctl then exits 127 for ENOENT and ENOTDIR, else 126,
    // as a shell does.
    bool commandNotRun = false;
    // What the caller changed was changed by someone else since the caller
    // read it (a config's compare-and-set, code ESTALE): clients read it
    // again. Other ESTALEs (a tree replaced while copied) are plain failures.
    bool changedSinceRead = false;

    // Error from a failed system call: "what: strerror(err)".
    [[nodiscard]] static Error fromErrno(int err, std::string_view what);
    // Error with a code and message of our own.
    [[nodiscard]] static Error make(int err, std::string message, std::string context = {});

    // "no container named 'NAME'", with noSuchContainer set.
    [[nodiscard]] static Error missingContainer(std::string_view name, std::string context = {});

    // Prefixes the message with what the caller was doing, keeping code and context.
    [[nodiscard]] Error wrap(std::string_view outer) const&;
    [[nodiscard]] Error wrap(std::string_view outer) &&;

    // "message (context)" or just "message".
    [[nodiscard]] std::string describe() const;
};

template <class T> using Result = std::expected<T, Error>;
using Status = std::expected<void, Error>;

// Shorthand for returning an error from a function returning Result<T>.
[[nodiscard]] inline std::unexpected<Error> fail(Error e)
{
    return std::unexpected<Error>(std::move(e));
}
[[nodiscard]] std::unexpected<Error> failErrno(int err, std::string_view what);
[[nodiscard]] std::unexpected<Error> failWith(int err, std::string message, std::string context = {});

} // namespace berth
