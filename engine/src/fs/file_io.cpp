#include "fs/file_io.h"

#include <array>
#include <cerrno>

#include <sys/random.h>
#include <unistd.h>

namespace berth::fs {

Status writeAll(int fd, std::string_view data)
{
    while (!data.empty()) {
        const ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return failErrno(errno, "write");
        data.remove_prefix(static_cast<size_t>(n));
    }
    return {};
}

Result<std::string> readAll(int fd, std::size_t limit)
{
    std::string out;
    std::array<char, 65536> buf{};
    for (;;) {
        const ssize_t n = ::read(fd, buf.data(), buf.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return failErrno(errno, "read");
        if (n == 0)
            return out;
        if (out.size() + static_cast<size_t>(n) > limit)
            return failWith(EFBIG, "file is larger than " + std::to_string(limit) + " bytes");
        out.append(buf.data(), static_cast<size_t>(n));
    }
}

std::string randomSuffix()
{
    std::array<unsigned char, 8> bytes{};
    // GRND_NONBLOCK: early at boot a name that is merely unlikely to collide
    // is enough, every user of it creates with O_EXCL or mkdir.
    if (::getrandom(bytes.data(), bytes.size(), GRND_NONBLOCK) != static_cast<ssize_t>(bytes.size())) {
        const unsigned long mix =
            static_cast<unsigned long>(::getpid()) * 2654435761UL ^ reinterpret_cast<unsigned long>(&bytes);
        for (size_t i = 0; i < bytes.size(); ++i)
            bytes[i] = static_cast<unsigned char>(mix >> (i * 8));
    }
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned char b : bytes) {
        out += kHex[b >> 4];
        out += kHex[b & 15];
    }
    return out;
}

} // namespace berth::fs
