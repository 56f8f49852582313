// The kinds of error the helper replies with and their stable D-Bus names,
// which clients may rely on (issue #18: the client and the helper read the
// same table instead of spelling the names twice).
#pragma once

#include <optional>
#include <string_view>

namespace berth::model {

enum class ErrorKind {
    InvalidArgument,
    NotAuthorized,
    NotFound, // only a container the caller named that does not exist
    AlreadyExists,
    Busy,
    Failed,
    // exec's command could not be executed: missing (ENOENT, ENOTDIR), or
    // there but not runnable. berthctl exits 127 and 126 for them.
    CommandNotFound,
    CommandNotRunnable,
    // A compare-and-set found a newer version than the one the caller
    // read (SetConfigIfUnchanged): read it again, nothing was written.
    Changed,
};

// "org.berth.Error.<Kind>"; constexpr, so the helper's constants are these.
[[nodiscard]] constexpr std::string_view dbusErrorName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::InvalidArgument:
        return "org.berth.Error.InvalidArgument";
    case ErrorKind::NotAuthorized:
        return "org.berth.Error.NotAuthorized";
    case ErrorKind::NotFound:
        return "org.berth.Error.NotFound";
    case ErrorKind::AlreadyExists:
        return "org.berth.Error.AlreadyExists";
    case ErrorKind::Busy:
        return "org.berth.Error.Busy";
    case ErrorKind::Failed:
        return "org.berth.Error.Failed";
    case ErrorKind::CommandNotFound:
        return "org.berth.Error.CommandNotFound";
    case ErrorKind::CommandNotRunnable:
        return "org.berth.Error.CommandNotRunnable";
    case ErrorKind::Changed:
        return "org.berth.Error.Changed";
    }
    return "org.berth.Error.Failed";
}

// Berth's own names only; nullopt for the bus's (org.freedesktop.DBus.*)
// and any other, which the client maps itself.
[[nodiscard]] std::optional<ErrorKind> errorKindFromName(std::string_view name);

} // namespace berth::model
