#include "check/check_groups.h"
#include "fs/host_files.h"

namespace berth::check {

namespace stdfs = std::filesystem;

namespace {

// Berth's filter answers refused calls with errno and allows the rest.
CheckItem seccompItem(const stdfs::path& root, const Result<std::string>& status)
{
    if (!status)
        return makeItem("sec.seccomp", CheckStatus::Missing, status.error().describe());
    if (!statusField(*status, "Seccomp"))
        return makeItem("sec.seccomp", CheckStatus::Missing,
                        "kernel built without seccomp (no Seccomp in /proc/self/status)");
    Result<std::string> actions = readHostFile(underRoot(root, "proc/sys/kernel/seccomp/actions_avail"));
    if (!actions)
        return makeItem("sec.seccomp", CheckStatus::Limited, "filter actions unknown: " + actions.error().describe());
    std::string list = *actions;
    while (!list.empty() && list.back() == '\n')
        list.pop_back();
    if (!hasWord(list, "errno") || !hasWord(list, "allow"))
        return makeItem("sec.seccomp", CheckStatus::Limited, "filters cannot return errors; actions: " + list);
    return makeItem("sec.seccomp", CheckStatus::Ok, "actions: " + list);
}

// The NoNewPrivs line exists since Linux 4.10; the prctl is older, but
// without the line there is no cheap way to be sure.
CheckItem noNewPrivsItem(const Result<std::string>& status)
{
    if (!status)
        return makeItem("sec.no_new_privs", CheckStatus::Missing, status.error().describe());
    if (statusField(*status, "NoNewPrivs"))
        return makeItem("sec.no_new_privs", CheckStatus::Ok, "NoNewPrivs in /proc/self/status");
    return makeItem("sec.no_new_privs", CheckStatus::Limited, "cannot confirm: no NoNewPrivs in /proc/self/status");
}

CheckItem capabilitiesItem(const stdfs::path& root)
{
    Result<std::uint64_t> last = readHostNumber(underRoot(root, "proc/sys/kernel/cap_last_cap"));
    if (!last)
        return makeItem("sec.capabilities", CheckStatus::Missing, last.error().describe());
    return makeItem("sec.capabilities", CheckStatus::Ok,
                    std::to_string(*last + 1) + " capabilities (last is " + std::to_string(*last) + ")");
}

} // namespace

CheckGroup checkSecurity(const stdfs::path& root)
{
    const Result<std::string> status = readHostFile(underRoot(root, "proc/self/status"));
    CheckGroup group = makeGroup("sec");
    group.items.push_back(seccompItem(root, status));
    group.items.push_back(noNewPrivsItem(status));
    group.items.push_back(capabilitiesItem(root));
    return group;
}

} // namespace berth::check
