#include "runtime/guest_network.h"

#include "fs/atomic_file.h"
#include "fs/dir_list.h"
#include "fs/file_io.h"
#include "fs/safe_path.h"

#include <algorithm>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

namespace berth::runtime {

namespace {

constexpr std::string_view kNetworkDir = "etc/systemd/network";
constexpr std::string_view kPrefix = "10-berth-";
constexpr std::string_view kSuffix = ".network";

bool isBerthFileName(std::string_view name)
{
    return name.starts_with(kPrefix) && name.ends_with(kSuffix) && name.size() > kPrefix.size() + kSuffix.size();
}

// Whether the file `name` in dirFd starts with Berth's header. A symlink
// is the user's (never followed).
Result<bool> ownedByBerth(int dirFd, const std::string& name)
{
    UniqueFd fd(::openat(dirFd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    if (!fd && errno == ELOOP)
        return false;
    if (!fd)
        return failErrno(errno, "open /" + std::string(kNetworkDir) + "/" + name);
    std::string head(kGuestNetworkHeader.size() + 1, '\0');
    const ssize_t got = ::read(fd.get(), head.data(), head.size());
    if (got < 0)
        return failErrno(errno, "read /" + std::string(kNetworkDir) + "/" + name);
    head.resize(static_cast<std::size_t>(got));
    return head == std::string(kGuestNetworkHeader) + "\n";
}

bool exists(int dirFd, const std::string& name)
{
    return ::faccessat(dirFd, name.c_str(), F_OK, AT_SYMLINK_NOFOLLOW) == 0;
}

std::vector<std::string> wantedFiles(const NetworkPlan& plan)
{
    std::vector<std::string> names;
    for (const InterfacePlan& iface : plan.interfaces)
        if (iface.up)
            names.push_back(guestNetworkFileName(iface.name));
    return names;
}

// Berth's files of interfaces gone from the config (a rename, type none).
Status removeStale(int dirFd, const std::vector<std::string>& wanted)
{
    auto names = fs::listDirectory(dirFd);
    if (!names)
        return fail(names.error().wrap("list /" + std::string(kNetworkDir)));
    for (const std::string& name : *names) {
        if (!isBerthFileName(name) || std::ranges::find(wanted, name) != wanted.end())
            continue;
        auto owned = ownedByBerth(dirFd, name);
        if (!owned)
            return fail(owned.error());
        if (*owned && ::unlinkat(dirFd, name.c_str(), 0) != 0)
            return failErrno(errno, "remove /" + std::string(kNetworkDir) + "/" + name);
    }
    return {};
}

Status writeOne(int dirFd, const InterfacePlan& iface)
{
    const std::string name = guestNetworkFileName(iface.name);
    if (exists(dirFd, name)) {
        auto owned = ownedByBerth(dirFd, name);
        if (!owned)
            return fail(owned.error());
        if (!*owned)
            return {};
    }
    return fs::writeFileAtomicAt(dirFd, name, guestNetworkUnit(iface), 0644);
}

} // namespace

std::string guestNetworkFileName(std::string_view interface)
{
    return std::string(kPrefix) + std::string(interface) + std::string(kSuffix);
}

std::string guestNetworkUnit(const InterfacePlan& iface)
{
    std::string text = std::string(kGuestNetworkHeader) + "\n[Match]\nName=" + iface.name + "\n\n[Network]\n";
    if (!iface.address) {
        // dnsmasq keeps a container's address by its MAC (dhcp-host), so
        // the lease is asked for by MAC, not by networkd's default DUID.
        return text + "DHCP=ipv4\n\n[DHCPv4]\nClientIdentifier=mac\n";
    }
    // The init has set these already; networkd keeps them as its own.
    text += "Address=" + iface.address->toString() + "\n";
    if (iface.gateway)
        text += "Gateway=" + iface.gateway->toString() + "\n";
    return text;
}

Status writeGuestNetwork(int rootFd, const NetworkPlan& plan)
{
    auto dir = fs::openInRoot(rootFd, kNetworkDir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (!dir)
        return dir.error().code == ENOENT ? Status{} : fail(dir.error().wrap("open /" + std::string(kNetworkDir)));
    if (auto removed = removeStale(dir->get(), wantedFiles(plan)); !removed)
        return removed;
    for (const InterfacePlan& iface : plan.interfaces)
        if (iface.up)
            if (auto written = writeOne(dir->get(), iface); !written)
                return fail(written.error().wrap("write the network of " + iface.name));
    return {};
}

} // namespace berth::runtime
