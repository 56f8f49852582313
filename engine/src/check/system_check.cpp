#include "berth/system_check.h"

#include "check/check_groups.h"
#include "check/check_text.h"

namespace berth {

std::vector<CheckGroup> runSystemCheck(const SystemCheckOptions& options)
{
    return {
        check::checkNamespaces(options.root),
        check::checkUserNamespaces(options.root, options.probeKernel),
        check::checkCgroups(options.root, options.probeKernel, options.cgroupParent),
        check::checkNetwork(options.root, options.probeKernel),
        check::checkFilesystems(options.root),
        check::checkSecurity(options.root),
        check::checkTools(options.root),
    };
}

const char* checkStatusName(CheckStatus status)
{
    switch (status) {
    case CheckStatus::Ok:
        return "ok";
    case CheckStatus::Missing:
        return "missing";
    case CheckStatus::Limited:
        return "limited";
    }
    return "unknown";
}

namespace check {

CheckGroup makeGroup(std::string_view groupId)
{
    return CheckGroup{std::string(groupTitle(groupId)), {}};
}

CheckItem makeItem(std::string_view id, CheckStatus status, std::string detail)
{
    const CheckText text = checkText(id);
    return CheckItem{std::string(id), std::string(text.label), status, std::move(detail),
                     std::string(text.description)};
}

std::string displayPath(const std::filesystem::path& root, const std::filesystem::path& path)
{
    if (root == "/" || root.empty())
        return path.string();
    return (std::filesystem::path("/") / path.lexically_relative(root)).lexically_normal().string();
}

} // namespace check

} // namespace berth
