// Engine::setAutostart: one key of the config, the rest as written.
#include "berth/engine.h"

#include "berth/config.h"
#include "core/engine_checks.h"
#include "runtime/plan_builder.h"
#include "store/container_store.h"

namespace berth {

Status Engine::setAutostart(const std::string& name, bool enabled)
{
    auto lock = lockExistingContainer(m_settings.paths, name);
    if (!lock)
        return fail(lock.error());
    auto config = runtime::loadContainerConfig(m_settings, name);
    if (!config)
        return fail(config.error());
    if (auto set = config->set("lxc.start.auto", enabled ? "1" : "0"); !set)
        return set;
    return ContainerStore(m_settings.paths).writeConfig(name, config->serialize());
}

} // namespace berth
