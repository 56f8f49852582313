#include "net/ip_forward.h"

#include "berth/unique_fd.h"

#include <cerrno>
#include <fcntl.h>
#include <string>
#include <unistd.h>

namespace berth::net {

namespace {

std::filesystem::path forwardFile(const std::filesystem::path& procSys)
{
    return procSys / "net/ipv4/ip_forward";
}

} // namespace

Result<bool> ipv4ForwardingEnabled(const std::filesystem::path& procSys)
{
    const std::filesystem::path file = forwardFile(procSys);
    UniqueFd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd)
        return failErrno(errno, "open " + file.string());
    char buf[16];
    const ssize_t n = ::read(fd.get(), buf, sizeof buf);
    if (n < 0)
        return failErrno(errno, "read " + file.string());
    const std::string_view text(buf, static_cast<std::size_t>(n));
    if (text == "1\n" || text == "1")
        return true;
    if (text == "0\n" || text == "0")
        return false;
    return failWith(EINVAL, "unexpected content in " + file.string(), file.string());
}

Status enableIpv4Forwarding(const std::filesystem::path& procSys)
{
    auto enabled = ipv4ForwardingEnabled(procSys);
    if (!enabled)
        return std::unexpected(std::move(enabled.error()));
    if (*enabled)
        return {}; // a write would reset per-interface forwarding settings again
    const std::filesystem::path file = forwardFile(procSys);
    UniqueFd fd(::open(file.c_str(), O_WRONLY | O_CLOEXEC));
    if (!fd)
        return failErrno(errno, "open " + file.string());
    const ssize_t n = ::write(fd.get(), "1\n", 2);
    if (n < 0)
        return failErrno(errno, "enable IPv4 forwarding: write 1 to " + file.string());
    if (n != 2)
        return failWith(EIO, "enable IPv4 forwarding: short write to " + file.string(), file.string());
    return {};
}

} // namespace berth::net
