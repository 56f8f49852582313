#include "idmap/idmapped_probe.h"

#include "berth/model/id_map.h"
#include "fs/idmapped_tree.h"
#include "security/user_namespace.h"

#include <mutex>
#include <set>

#include <sys/stat.h>

namespace berth::idmap {

namespace {

// File systems (by device) known to take idmapped mounts. A yes does not
// change while the process runs, and the probe (a user namespace made and
// an idmapped clone) costs milliseconds of every create; a no or an error
// is asked again.
class KnownIdmappable {
public:
    bool contains(dev_t device)
    {
        const std::lock_guard lock(m_mutex);
        return m_devices.contains(device);
    }
    void add(dev_t device)
    {
        const std::lock_guard lock(m_mutex);
        m_devices.insert(device);
    }

private:
    std::mutex m_mutex;
    std::set<dev_t> m_devices;
};

KnownIdmappable& knownIdmappable()
{
    static KnownIdmappable known;
    return known;
}

Result<bool> probe(const std::filesystem::path& dir)
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

} // namespace

Result<bool> idmappedMountsWork(const std::filesystem::path& dir)
{
    struct stat st {};
    const bool known = ::stat(dir.c_str(), &st) == 0;
    if (known && knownIdmappable().contains(st.st_dev))
        return true;
    auto works = probe(dir);
    if (known && works && *works)
        knownIdmappable().add(st.st_dev);
    return works;
}

} // namespace berth::idmap
