#include "check/check_groups.h"
#include "fs/host_files.h"

#include <array>
#include <system_error>

namespace berth::check {

namespace stdfs = std::filesystem;

namespace {

// /proc/self/ns/<name> are symlinks into nsfs: their presence is enough,
// they need not resolve below a fixture root.
bool present(const stdfs::path& file)
{
    std::error_code ec;
    return stdfs::exists(stdfs::symlink_status(file, ec));
}

CheckItem namespaceItem(const stdfs::path& root, std::string_view id, std::string_view name)
{
    const std::string shown = "/proc/self/ns/" + std::string(name);
    if (present(underRoot(root, shown)))
        return makeItem(id, CheckStatus::Ok, shown);
    return makeItem(id, CheckStatus::Missing, "no " + shown);
}

// The limit, then the Debian/Ubuntu switch for unprivileged users.
CheckItem userLimits(const stdfs::path& root)
{
    Result<std::uint64_t> max = readHostNumber(underRoot(root, "proc/sys/user/max_user_namespaces"));
    if (!max)
        return makeItem("ns.user", CheckStatus::Ok, "no limit known: " + max.error().describe());
    const std::string limit = "max " + std::to_string(*max);
    if (*max == 0)
        return makeItem("ns.user", CheckStatus::Limited,
                        limit + ": new user namespaces are disabled (user.max_user_namespaces)");
    Result<std::uint64_t> unprivileged = readHostNumber(underRoot(root, "proc/sys/kernel/unprivileged_userns_clone"));
    if (unprivileged && *unprivileged == 0)
        return makeItem("ns.user", CheckStatus::Limited,
                        limit + "; only root may create them (kernel.unprivileged_userns_clone = 0)");
    return makeItem("ns.user", CheckStatus::Ok, limit);
}

} // namespace

CheckGroup checkNamespaces(const stdfs::path& root)
{
    constexpr std::array<std::array<std::string_view, 2>, 6> kKinds{{
        {"ns.pid", "pid"},
        {"ns.mount", "mnt"},
        {"ns.uts", "uts"},
        {"ns.ipc", "ipc"},
        {"ns.net", "net"},
        {"ns.cgroup", "cgroup"},
    }};
    CheckGroup group = makeGroup("ns");
    for (const auto& [id, name] : kKinds)
        group.items.push_back(namespaceItem(root, id, name));
    CheckItem user = namespaceItem(root, "ns.user", "user");
    group.items.push_back(user.status == CheckStatus::Ok ? userLimits(root) : std::move(user));
    return group;
}

} // namespace berth::check
