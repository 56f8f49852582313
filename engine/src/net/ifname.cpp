#include "net/ifname.h"

#include "config/values.h"

#include <cerrno>
#include <string>

namespace berth::net {

namespace {

constexpr std::size_t kMaxInterfaceName = 15; // IFNAMSIZ - 1

bool isNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
           c == '-';
}

} // namespace

bool isValidInterfaceName(std::string_view name)
{
    if (name.empty() || name.size() > kMaxInterfaceName || name == "." || name == "..")
        return false;
    for (char c : name) {
        if (!isNameChar(c))
            return false;
    }
    return true;
}

Status validateInterfaceName(std::string_view name, std::string_view what)
{
    if (isValidInterfaceName(name))
        return {};
    std::string why = "may only contain letters, digits, '_', '.' and '-'";
    if (name.empty())
        why = "is empty";
    else if (name.size() > kMaxInterfaceName)
        why = "is longer than 15 bytes";
    else if (name == "." || name == "..")
        why = "is not a usable name";
    return failWith(EINVAL, std::string(what) + " " + quoteForMessage(name) + " " + why);
}

} // namespace berth::net
