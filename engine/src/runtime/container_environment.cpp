#include "runtime/container_environment.h"

#include <algorithm>

namespace berth::runtime {

namespace {

void setVariable(std::vector<std::string>& env, const std::string& assignment)
{
    const auto eq = assignment.find('=');
    if (eq == std::string::npos || eq == 0)
        return;
    const std::string prefix = assignment.substr(0, eq + 1);
    auto it = std::find_if(env.begin(), env.end(), [&](const std::string& v) { return v.starts_with(prefix); });
    if (it != env.end())
        *it = assignment;
    else
        env.push_back(assignment);
}

} // namespace

std::vector<std::string> containerEnvironment(const std::vector<std::string>& configured,
                                              const std::vector<std::string>& extra)
{
    std::vector<std::string> env = {
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        "TERM=linux",
        "HOME=/root",
        "container=berth",
    };
    for (const std::string& var : configured)
        setVariable(env, var);
    for (const std::string& var : extra)
        setVariable(env, var);
    return env;
}

} // namespace berth::runtime
