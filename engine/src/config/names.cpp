#include "berth/names.h"

#include "config/values.h"

#include <cerrno>

namespace berth {

namespace {

constexpr std::size_t kMaxNameLength = 63;

bool isLeadChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool isNameChar(char c)
{
    return isLeadChar(c) || c == '_' || c == '.' || c == '-';
}

std::unexpected<Error> refuse(std::string_view name, std::string_view why)
{
    return failWith(EINVAL, "container name " + quoteForMessage(name) + " " + std::string(why));
}

} // namespace

bool isValidContainerName(std::string_view name)
{
    return validateContainerName(name).has_value();
}

Status validateContainerName(std::string_view name)
{
    if (name.empty())
        return failWith(EINVAL, "container name is empty");
    // The lead-character rule already excludes these; they are checked by
    // name because a directory called "." or ".." would be the parent.
    if (name == "." || name == "..")
        return refuse(name, "is not a directory name of its own");
    if (name.size() > kMaxNameLength)
        return refuse(name, "is longer than 63 characters");
    if (!isLeadChar(name.front()))
        return refuse(name, "must start with a lowercase letter or a digit");
    for (char c : name) {
        if (!isNameChar(c))
            return refuse(name, "contains " + quoteForMessage(std::string_view(&c, 1))
                                    + "; allowed are a-z, 0-9, '_', '.' and '-'");
    }
    return {};
}

} // namespace berth
