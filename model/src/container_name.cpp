#include "berth/model/container_name.h"

namespace berth::model {

namespace {

bool isLeadChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool isNameChar(char c)
{
    return isLeadChar(c) || c == '_' || c == '.' || c == '-';
}

} // namespace

NameCheck checkContainerName(std::string_view name)
{
    if (name.empty())
        return {NameProblem::Empty};
    // The lead-character rule already excludes these; they are checked by
    // name because a directory called "." or ".." would be the parent.
    if (name == "." || name == "..")
        return {NameProblem::DotName};
    if (name.size() > kMaxContainerName)
        return {NameProblem::TooLong};
    if (!isLeadChar(name.front()))
        return {NameProblem::BadLead};
    for (char c : name) {
        if (!isNameChar(c))
            return {NameProblem::BadChar, c};
    }
    return {};
}

std::string defaultHostname(std::string_view name)
{
    std::string host;
    for (char c : name) {
        if (c == '.' && (host.empty() || host.back() == '.'))
            continue;
        host += c == '_' ? '-' : c;
    }
    if (!host.empty() && host.back() == '.')
        host.pop_back();
    return host;
}

std::string containerHostname(std::string_view name, std::string_view given)
{
    return given.empty() ? defaultHostname(name) : std::string(given);
}

} // namespace berth::model
