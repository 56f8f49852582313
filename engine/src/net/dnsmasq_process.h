// One dnsmasq per bridge (DHCP and DNS), started and stopped by Berth as
// LXC's lxc-net does.
//
// The arguments are generated elsewhere (the network's configuration);
// this file runs them. A dnsmasq is known by its pid file: every call takes
// the pid file, and the arguments must name that same file
// ("--pid-file=<path>", "--pid-file <path>", "-x<path>" or "-x <path>"),
// because that is how a process read from a pid file is told apart from a
// recycled pid: it must be a live "dnsmasq" whose command line names the
// pid file. Nothing is ever signalled without that check.
//
// dnsmasq runs in the network namespace of the caller. It may daemonize
// (the default) or stay in the foreground (-k); not -d, whose log would go
// to a pipe that is closed once the start is confirmed.
#pragma once

#include "berth/error.h"

#include <filesystem>
#include <string>
#include <vector>

#include <sys/types.h>

namespace berth::net {

// Where Debian's dnsmasq-base installs dnsmasq.
inline constexpr const char* kDnsmasqProgram = "/usr/sbin/dnsmasq";

// `program` if it is an executable file; else ENOENT/EACCES with a message
// that names the Debian package dnsmasq-base.
[[nodiscard]] Result<std::filesystem::path> findDnsmasq(const std::filesystem::path& program = kDnsmasqProgram);

// Starts dnsmasq: argv[0] is the program, the rest its arguments. It runs
// with an empty environment, stdin/stdout on /dev/null, no other inherited
// fds, default signal handling and a session of its own. Returns once the
// pid file names a live dnsmasq (bounded wait), with that pid. Errors carry
// dnsmasq's own message ("failed to create listening socket ...").
// EEXIST when a dnsmasq already runs for `pidFile`; a stale pid file is replaced.
[[nodiscard]] Result<pid_t> startDnsmasq(const std::vector<std::string>& argv, const std::filesystem::path& pidFile);

// SIGTERM, a bounded wait, then SIGKILL; removes the pid file. Succeeds
// when nothing runs (no pid file, or a stale one, which is removed).
[[nodiscard]] Status stopDnsmasq(const std::filesystem::path& pidFile);

// SIGHUP to the live dnsmasq of `pidFile`: it forgets the --dhcp-hostsdir
// and --hostsdir entries whose files were removed or changed (it only ever
// adds entries on its own) and reads the directories again. Succeeds when
// nothing runs: a new dnsmasq reads every file anyway.
[[nodiscard]] Status reloadDnsmasq(const std::filesystem::path& pidFile);

// Whether the pid file names a live dnsmasq for that pid file. A missing
// pid file is "not running"; an unreadable or malformed one an error.
[[nodiscard]] Result<bool> dnsmasqRunning(const std::filesystem::path& pidFile);

// Starts dnsmasq unless it runs already with these very arguments
// (restarts it if it died, or if it runs with others).
[[nodiscard]] Status ensureDnsmasq(const std::vector<std::string>& argv, const std::filesystem::path& pidFile);

// Whether `args` (without argv[0]) name `pidFile` as dnsmasq's pid file.
[[nodiscard]] bool argumentsNamePidFile(const std::vector<std::string>& args, const std::filesystem::path& pidFile);

} // namespace berth::net
