// A throwaway user in group "berth" for the bench's member rows: made with
// useradd (a system user, no home, no login shell) and removed with
// userdel at the end; group "berth" is made too when missing, and then
// removed as well. Commands run as the user through setpriv, whose own
// cost is a row of its own (wrapper() + /bin/true).
#pragma once

#include "command.h"

#include "berth/error.h"

#include <string>

#include <sys/types.h>

namespace berth::bench {

class BenchMember {
public:
    BenchMember() = default;
    BenchMember(const BenchMember&) = delete;
    BenchMember& operator=(const BenchMember&) = delete;
    // userdel, and groupdel when the group was the bench's.
    ~BenchMember();

    [[nodiscard]] Status create();

    [[nodiscard]] const std::string& name() const { return m_name; }
    // setpriv --reuid=UID --regid=GID --init-groups --
    [[nodiscard]] Argv wrapper() const;
    // wrapper() followed by argv.
    [[nodiscard]] Argv as(const Argv& argv) const;

private:
    std::string m_name;
    uid_t m_uid = 0;
    gid_t m_gid = 0;
    bool m_created = false;
    bool m_groupCreated = false;
};

} // namespace berth::bench
