// Checks on every argument a D-Bus caller sends, before authorization is
// asked and before the engine sees it. Pure (no Qt, no bus, no root) so
// unit tests and fuzzers can drive it with tables of hostile input.
#pragma once

#include "berth/error.h"
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
inline constexpr std::size_t kMaxArgBytes = 64 * 1024;        // one argv/env entry, one option value
inline constexpr std::size_t kMaxOptions = 64;
inline constexpr std::size_t kMaxRunningJobs = 16;
inline constexpr std::size_t kMaxPendingExecs = 64;
inline constexpr std::chrono::seconds kMaxStopTimeout{3600};
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

// What a descriptor the caller passed must be: fileOk accepts a regular
// file or a pipe, directoryOk a directory. Sockets, devices and the like never.
[[nodiscard]] Status validateFdMode(mode_t mode, bool fileOk, bool directoryOk);
// fstat()s the descriptor, then validateFdMode.
[[nodiscard]] Status validateFd(int fd, bool fileOk, bool directoryOk);

[[nodiscard]] Status validateJobCount(std::size_t running);

} // namespace berth::helper
