#include "bench_member.h"

#include <grp.h>
#include <pwd.h>
#include <unistd.h>

namespace berth::bench {

namespace {

constexpr const char* kGroup = "berth"; // the shipped polkit rules' group

} // namespace

BenchMember::~BenchMember()
{
    if (m_created)
        (void)runChecked({"userdel", m_name});
    if (m_groupCreated)
        (void)runChecked({"groupdel", kGroup});
}

Status BenchMember::create()
{
    if (!::getgrnam(kGroup)) {
        if (Status ok = runChecked({"groupadd", "--system", kGroup}); !ok)
            return ok;
        m_groupCreated = true;
    }
    m_name = "berth-bench-" + std::to_string(::getpid());
    if (Status ok = runChecked({"useradd", "--system", "--no-create-home", "--home-dir", "/nonexistent", "--shell",
                                "/usr/sbin/nologin", "--groups", kGroup, m_name});
        !ok)
        return ok;
    m_created = true;
    const passwd* entry = ::getpwnam(m_name.c_str());
    if (!entry)
        return failWith(ENOENT, "useradd made no user", m_name);
    m_uid = entry->pw_uid;
    m_gid = entry->pw_gid;
    return {};
}

Argv BenchMember::wrapper() const
{
    return {"setpriv", "--reuid=" + std::to_string(m_uid), "--regid=" + std::to_string(m_gid), "--init-groups", "--"};
}

Argv BenchMember::as(const Argv& argv) const
{
    Argv result = wrapper();
    result.insert(result.end(), argv.begin(), argv.end());
    return result;
}

} // namespace berth::bench
