#include "runtime/loopback.h"

#include <cerrno>
#include <cstring>

#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace berth::runtime {

// Two ioctls on a datagram socket rather than rtnetlink through libnl: in
// a freshly cloned child libnl's socket, lookup and change took 2.3 ms
// here, the kernel's part 0.06 ms; and these are system calls only.
Status bringUpLoopback()
{
    const int sock = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (sock < 0)
        return failErrno(errno, "open a socket to bring up lo");
    ifreq request{};
    std::memcpy(request.ifr_name, "lo", 3);
    int result = ::ioctl(sock, SIOCGIFFLAGS, &request);
    request.ifr_flags = static_cast<short>(request.ifr_flags | IFF_UP);
    if (result == 0)
        result = ::ioctl(sock, SIOCSIFFLAGS, &request);
    const int err = errno;
    ::close(sock);
    if (result != 0)
        return failErrno(err, "bring up lo");
    return {};
}

} // namespace berth::runtime
