#include "runtime/user_identity.h"

#include <sys/syscall.h>
#include <unistd.h>

namespace berth::runtime {

namespace {

// The raw system calls: glibc's wrappers signal every thread, and a
// process that only forked needs none of that.
Status setIds(std::uint32_t uid, std::uint32_t gid, const std::vector<std::uint32_t>& groups = {})
{
    static_assert(sizeof(gid_t) == sizeof(std::uint32_t));
    if (::syscall(SYS_setgroups, groups.size(), groups.data()) != 0)
        return failErrno(errno, "set the supplementary groups");
    if (::syscall(SYS_setresgid, gid, gid, gid) != 0)
        return failErrno(errno, "set gid " + std::to_string(gid));
    if (::syscall(SYS_setresuid, uid, uid, uid) != 0)
        return failErrno(errno, "set uid " + std::to_string(uid));
    return {};
}

} // namespace

Status becomeNamespaceRoot()
{
    if (auto root = setIds(0, 0); !root)
        return fail(root.error().wrap("become root of the container's user namespace"));
    return {};
}

Status takeInitIds(const InitIds& ids)
{
    if (ids.uid == 0 && ids.gid == 0 && ids.groups.empty())
        return {};
    if (auto taken = setIds(ids.uid, ids.gid, ids.groups); !taken)
        return fail(taken.error().wrap("run the init as lxc.init.uid/gid/groups"));
    return {};
}

} // namespace berth::runtime
