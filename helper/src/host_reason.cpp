#include "host_reason.h"

namespace berth::helper {

std::string HostReason::sentence() const
{
    std::string out = where.empty() ? rule : where + ": " + rule;
    if (!why.empty())
        out += " (" + why + ")";
    return out;
}

std::string refusalText(std::string_view action, const HostReasons& reasons)
{
    if (reasons.empty())
        return "not authorized for " + std::string(action);
    std::string out = "not authorized: ";
    for (std::size_t i = 0; i < reasons.size(); ++i)
        out += (i ? "; " : "") + reasons[i].sentence();
    return out + " \u2014 needs an administrator (" + std::string(action) + ")";
}

} // namespace berth::helper
