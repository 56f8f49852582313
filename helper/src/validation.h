// Checks on every argument a D-Bus caller sends, before authorization is
// asked and before the engine sees it. Pure (no Qt, no bus, no root) so
// unit tests and fuzzers can drive it with tables of hostile input.
#pragma once

#include "berth/error.h"
#include "berth/images.h"
#include "berth/model/stop_timeout.h"
#include "berth/templates.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

namespace berth::helper {

// Caps on what one caller can make the helper allocate or hold.
inline constexpr std::size_t kMaxConfigBytes = 1024 * 1024;
inline constexpr std::size_t kMaxArgvEntries = 256;
inline constexpr std::size_t kMaxEnvEntries = 256;
inline constexpr std::size_t kMaxArgBytes = 64 * 1024; // one argv/env entry, one option value
inline constexpr std::size_t kMaxOptions = 64;
inline constexpr std::size_t kMaxRunningJobs = 16;
inline constexpr std::size_t kMaxPendingExecs = 64;
inline constexpr std::chrono::seconds kMaxStopTimeout{model::kMaxStopTimeoutSeconds};
inline constexpr int kMaxTty = 63;

[[nodiscard]] Status validateName(std::string_view name);
// The template exists and its options match its schema; returns the
// options with defaults filled in.
[[nodiscard]] Result<TemplateOptions> validateTemplate(std::string_view templateName, const TemplateOptions& options);
// "" (the template's default), "system" or "application".
[[nodiscard]] Status validateKind(std::string_view kind);
[[nodiscard]] Status validateSignal(int signal);
[[nodiscard]] Result<std::chrono::milliseconds> validateStopTimeout(std::uint32_t seconds);
[[nodiscard]] Status validateTty(int tty);
// A terminal's rows and columns, each 1..4096.
[[nodiscard]] Status validateWindowSize(unsigned rows, unsigned columns);
// A command line: not empty unless allowEmpty, capped in count and size, no NUL.
[[nodiscard]] Status validateArgv(const std::vector<std::string>& argv, bool allowEmpty);
// KEY=VALUE with a shell-variable KEY.
[[nodiscard]] Status validateEnv(const std::vector<std::string>& env);
// An absolute path inside the container, no NUL, no "..".
[[nodiscard]] Status validateCwd(std::string_view cwd);
[[nodiscard]] Status validateConfigText(std::string_view text);

// Images (validation_image.cpp, issue #21). What PullImage takes: a
// reference model::parseImageReference accepts, at most kMaxReferenceBytes.
inline constexpr std::size_t kMaxReferenceBytes = 1024;
inline constexpr std::size_t kMaxCredentials = 16;
inline constexpr std::size_t kMaxCredentialFieldBytes = 4096;
[[nodiscard]] Status validateImageReference(std::string_view reference);
// What GetImage and RemoveImage take: a reference, or an image id
// ("sha256:<64 hex>") or id prefix (12 to 64 lowercase hex digits).
[[nodiscard]] Status validateImageLookup(std::string_view reference);
// Registry logins: at most 16, each field at most 4 KiB without control
// characters (they end up in HTTP headers), the registry a host[:port] as
// a reference names it, a username without ':' (basic auth splits there).
// Messages never quote a username or a secret.
[[nodiscard]] Status validateCredentials(const std::vector<RegistryCredential>& credentials);

// Networks: a bridge name fits IFNAMSIZ and is a safe file name.
[[nodiscard]] Status validateBridgeName(std::string_view name);
// "10.0.3.1/24"; empty allowed when allowEmpty (the engine picks one).
[[nodiscard]] Status validateCidr(std::string_view cidr, bool allowEmpty);
// "10.0.3.2-10.0.3.199" or empty.
[[nodiscard]] Status validateDhcpRange(std::string_view range);
[[nodiscard]] Status validateMtu(std::uint32_t mtu);
[[nodiscard]] Status validateDomain(std::string_view domain);
// "tcp:8080:80", "udp:127.0.0.1:5353:53".
[[nodiscard]] Status validateForward(std::string_view forward);

// Descriptors a caller passes are used only through themselves, with the
// rights the caller opened them with: never O_PATH (no rights to use), and
// opened for what Berth does with them (FdUse::Read: O_RDONLY or O_RDWR;
// FdUse::Write: O_WRONLY or O_RDWR).
enum class FdUse { Read, Write };
// What the kernel says of a descriptor: fstat's type, fcntl(F_GETFL)'s
// flags, and whether it is a terminal.
struct FdFacts {
    mode_t mode = 0;
    int flags = 0;
    bool terminal = false;
    dev_t rdev = 0;
};
[[nodiscard]] Result<FdFacts> fdFacts(int fd);
[[nodiscard]] Status validateFdAccess(int flags, FdUse use);
// An input or output file: fileOk accepts a regular file or a pipe,
// directoryOk a directory. Sockets, devices and the like never.
[[nodiscard]] Status validateFdMode(mode_t mode, bool fileOk, bool directoryOk);
[[nodiscard]] Status validateFileFacts(const FdFacts& facts, FdUse use, bool fileOk, bool directoryOk);
// fdFacts, then validateFileFacts.
[[nodiscard]] Status validateFd(int fd, FdUse use, bool fileOk, bool directoryOk);
// What stdio can be: a pipe, a socket, a terminal, /dev/null or a regular
// file, opened for the direction of `stream` (stdin is read, stdout and
// stderr written). The error names the stream.
enum class StdioStream { In, Out, Err };
[[nodiscard]] Status validateStdioFacts(const FdFacts& facts, StdioStream stream);
[[nodiscard]] Status validateStdioFd(int fd, StdioStream stream);

[[nodiscard]] Status validateJobCount(std::size_t running);

} // namespace berth::helper
