#include "net/namespace_addresses.h"

#include "net/netlink_error.h"
#include "net/netlink_lookup.h"
#include "net/netlink_socket.h"

#include <cerrno>
#include <cstring>

#include <arpa/inet.h>
#include <net/if.h>
#include <linux/rtnetlink.h>
#include <pthread.h>
#include <sched.h>
#include <sys/socket.h>
#include <sys/stat.h>

namespace berth::net {

using namespace detail;

namespace {

Result<ino_t> netNamespaceOfThisThread()
{
    struct stat ns {};
    if (::stat("/proc/thread-self/ns/net", &ns) != 0)
        return failErrno(errno, "read this thread's network namespace");
    return ns.st_ino;
}

// The addresses of the namespace the calling thread is in; interface names
// looked up there too.
Result<std::vector<InterfaceAddress>> readAddresses()
{
    auto sock = NetlinkSocket::open();
    if (!sock)
        return fail(sock.error());
    nl_cache* raw = nullptr;
    if (int err = rtnl_addr_alloc_cache(sock->get(), &raw); err < 0)
        return fail(netlinkError(err, "list the container's addresses"));
    CachePtr cache(raw);
    std::vector<InterfaceAddress> out;
    for (nl_object* obj = nl_cache_get_first(cache.get()); obj; obj = nl_cache_get_next(obj)) {
        auto* addr = reinterpret_cast<rtnl_addr*>(obj);
        nl_addr* local = rtnl_addr_get_local(addr);
        if (!local || nl_addr_get_family(local) != AF_INET || nl_addr_get_len(local) != 4 ||
            rtnl_addr_get_scope(addr) >= RT_SCOPE_HOST)
            continue;
        std::uint32_t networkOrder = 0;
        std::memcpy(&networkOrder, nl_addr_get_binary_addr(local), sizeof networkOrder);
        const int prefix = rtnl_addr_get_prefixlen(addr);
        char name[IF_NAMESIZE] = {};
        const int index = rtnl_addr_get_ifindex(addr);
        if (prefix < 0 || prefix > 32 || index <= 0 || !::if_indextoname(unsigned(index), name))
            continue; // gone since the dump, or nothing a person could use
        out.push_back({name, Ipv4Cidr{Ipv4Address{ntohl(networkOrder)}, unsigned(prefix)}});
    }
    return out;
}

// On its own thread: setns changes the calling thread's namespace only, and
// the thread ends with it.
Result<std::vector<InterfaceAddress>> readInNamespace(int pidfd)
{
    auto ours = netNamespaceOfThisThread();
    if (!ours)
        return fail(ours.error());
    if (::setns(pidfd, CLONE_NEWNET) != 0)
        return failErrno(errno, "enter the container's network namespace");
    auto theirs = netNamespaceOfThisThread();
    if (!theirs)
        return fail(theirs.error());
    if (*theirs == *ours)
        return std::vector<InterfaceAddress>{};
    return readAddresses();
}

} // namespace

Result<std::vector<InterfaceAddress>> namespaceAddresses(int pidfd)
{
    struct Read {
        int pidfd;
        Result<std::vector<InterfaceAddress>> result = std::vector<InterfaceAddress>{};
    } read{pidfd};
    // pthread rather than std::thread: a thread that cannot be made is an
    // error to return, not an exception.
    pthread_t reader{};
    const auto run = [](void* arg) -> void* {
        auto* self = static_cast<Read*>(arg);
        self->result = readInNamespace(self->pidfd);
        return nullptr;
    };
    if (int err = ::pthread_create(&reader, nullptr, run, &read); err != 0)
        return failErrno(err, "start a thread to read the container's addresses");
    ::pthread_join(reader, nullptr);
    return std::move(read.result);
}

} // namespace berth::net
