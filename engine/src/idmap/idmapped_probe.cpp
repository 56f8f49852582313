#include "idmap/idmapped_probe.h"

#include "berth/model/id_map.h"
#include "fs/idmapped_tree.h"
#include "security/user_namespace.h"

namespace berth::idmap {

Result<bool> idmappedMountsWork(const std::filesystem::path& dir)
{
    // Nothing runs in the namespace: any valid map does.
    auto userns = security::makeUserNamespace(model::blockIdMap(model::kIdBlockSize));
    if (!userns)
        return fail(userns.error().wrap("probe idmapped mounts"));
    auto tree = fs::idmappedTree(dir, userns->get());
    if (tree)
        return true;
    const int code = tree.error().code;
    if (code == EINVAL || code == EPERM || code == EOPNOTSUPP || code == ENOSYS)
        return false;
    return fail(tree.error().wrap("probe idmapped mounts"));
}

} // namespace berth::idmap
