#include "core/engine_checks.h"

#include "berth/names.h"
#include "store/container_store.h"

namespace berth {

Status checkContainerExists(const Paths& paths, const std::string& name)
{
    if (auto valid = validateContainerName(name); !valid)
        return valid;
    if (!ContainerStore(paths).exists(name))
        return fail(Error::missingContainer(name));
    return {};
}

Result<ContainerLock> lockExistingContainer(const Paths& paths, const std::string& name)
{
    if (auto exists = checkContainerExists(paths, name); !exists)
        return fail(exists.error());
    return ContainerLock::acquire(paths, name);
}

Status notRunningError(const std::string& name)
{
    return failWith(ESRCH, "container '" + name + "' is not running");
}

} // namespace berth
