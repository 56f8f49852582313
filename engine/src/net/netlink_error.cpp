#include "net/netlink_error.h"

#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <utility>

#include <netlink/errno.h>

namespace berth::net {

namespace {

constexpr std::size_t kMaxLinkName = 15; // IFNAMSIZ - 1

constexpr std::pair<int, int> kErrnoOf[] = {
    {NLE_INTR, EINTR},           {NLE_BAD_SOCK, EBADF},
    {NLE_AGAIN, EAGAIN},         {NLE_NOMEM, ENOMEM},
    {NLE_EXIST, EEXIST},         {NLE_INVAL, EINVAL},
    {NLE_RANGE, ERANGE},         {NLE_MSGSIZE, EMSGSIZE},
    {NLE_OPNOTSUPP, EOPNOTSUPP}, {NLE_AF_NOSUPPORT, EAFNOSUPPORT},
    {NLE_OBJ_NOTFOUND, ENODEV},  {NLE_NODEV, ENODEV},
    {NLE_BUSY, EBUSY},           {NLE_NOACCESS, EACCES},
    {NLE_PERM, EPERM},           {NLE_NOADDR, EADDRNOTAVAIL},
    {NLE_MISSING_ATTR, EINVAL},
};

bool badNameChar(char c)
{
    return c == '/' || c == ':' || std::isspace(static_cast<unsigned char>(c)) || c == '\0';
}

} // namespace

std::string quotedName(std::string_view name)
{
    return "'" + std::string(name) + "'";
}

Status validateLinkName(std::string_view name)
{
    if (name.empty())
        return failWith(EINVAL, "link name is empty");
    if (name.size() > kMaxLinkName)
        return failWith(EINVAL, "link name " + quotedName(name) + " is longer than 15 bytes");
    if (name == "." || name == "..")
        return failWith(EINVAL, "link name " + quotedName(name) + " is not allowed");
    for (char c : name)
        if (badNameChar(c))
            return failWith(EINVAL, "link name " + quotedName(name) + " contains '/', ':' or a space");
    return {};
}

int errnoFromNetlink(int nlError)
{
    const int code = nlError < 0 ? -nlError : nlError;
    for (const auto& [nl, err] : kErrnoOf)
        if (nl == code)
            return err;
    return EIO;
}

Error netlinkError(int nlError, std::string_view what)
{
    const int err = errnoFromNetlink(nlError);
    // Codes without an errno twin keep libnl's own words.
    const char* text = err == EIO ? nl_geterror(nlError) : std::strerror(err);
    return Error::make(err, std::string(what) + ": " + text);
}

Result<std::array<std::uint8_t, 6>> parseMacAddress(std::string_view text)
{
    std::array<std::uint8_t, 6> bytes{};
    const auto bad = [&] { return failWith(EINVAL, "MAC address " + quotedName(text) + " is not six hex bytes"); };
    if (text.size() != 17)
        return bad();
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const char* begin = text.data() + i * 3;
        if (i > 0 && begin[-1] != ':')
            return bad();
        const auto [end, ec] = std::from_chars(begin, begin + 2, bytes[i], 16);
        if (ec != std::errc() || end != begin + 2)
            return bad();
    }
    return bytes;
}

} // namespace berth::net
