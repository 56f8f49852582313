// Engine: limits, statistics and the freezer of containers.
#include "berth/engine.h"

#include "berth/config.h"
#include "berth/names.h"
#include "cgroup/limit_writes.h"
#include "cgroup/limits_config.h"
#include "fs/atomic_file.h"
#include "spec/container_spec.h"
#include "core/engine_checks.h"
#include "core/running_cgroup.h"
#include "net/netlink_counters.h"
#include "net/netlink_socket.h"
#include "runtime/state_file.h"
#include "runtime/plan_builder.h"
#include "runtime/spawn_monitor.h"
#include "store/container_lock.h"
#include "store/container_store.h"

#include <ctime>

namespace berth {

namespace {

// The new config text, checked as a whole before it replaces the old one.
Result<std::string> configWithLimits(const EngineSettings& settings, const std::string& name, const Limits& limits)
{
    auto config = runtime::loadContainerConfig(settings, name);
    if (!config)
        return fail(config.error());
    if (auto stored = cgroup::storeLimitsInConfig(*config, limits); !stored)
        return fail(stored.error());
    std::string text = config->serialize();
    ConfigParseOptions options;
    options.baseDir = settings.paths.containerDir(name);
    options.includeRoots = settings.includeRoots;
    auto reparsed = Config::parse(text, options);
    if (!reparsed)
        return fail(reparsed.error());
    if (auto spec = ContainerSpec::fromConfig(*reparsed); !spec)
        return fail(spec.error());
    return text;
}

std::int64_t monotonicNow()
{
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// Host-side counters of the container's veth ends: what the host end
// receives, the container sent.
void addNetworkCounters(net::NetlinkSocket& sock, const std::vector<std::string>& hostInterfaces, ContainerStats& stats)
{
    for (const std::string& link : hostInterfaces) {
        auto counters = net::linkCounters(sock, link);
        if (!counters)
            continue;
        stats.netRxBytes += counters->txBytes;
        stats.netTxBytes += counters->rxBytes;
        stats.netRxPackets += counters->txPackets;
        stats.netTxPackets += counters->rxPackets;
    }
}

} // namespace

Result<Limits> Engine::limits(const std::string& name) const
{
    if (auto exists = checkContainerExists(m_settings.paths, name); !exists)
        return fail(exists.error());
    auto config = runtime::loadContainerConfig(m_settings, name);
    if (!config)
        return fail(config.error());
    return cgroup::limitsFromConfig(*config);
}

Status Engine::setLimits(const std::string& name, const Limits& limits)
{
    auto lock = lockExistingContainer(m_settings.paths, name);
    if (!lock)
        return fail(lock.error());
    auto context = cgroup::validateLimitsOnHost(limits);
    if (!context)
        return fail(context.error().wrap("limits of '" + name + "'"));
    const cgroup::Layout* layout = &context->layout;
    const cgroup::HostResources* host = &context->host;
    auto text = configWithLimits(m_settings, name, limits);
    if (!text)
        return fail(text.error().wrap("limits of '" + name + "'"));
    // All or nothing: the new config is written (where a full disk fails)
    // before the kernel gets the limits, and only put in place once it took
    // them; a failure on either side leaves both with the old limits.
    auto config = ContainerStore(m_settings.paths).prepareConfig(name, *text);
    if (!config)
        return fail(config.error().wrap("limits of '" + name + "'"));

    if (runtime::monitorAlive(m_settings.paths, name)) {
        auto writes = cgroup::limitWrites(limits, layout->mode, *host);
        if (!writes)
            return fail(writes.error());
        auto group = openRunningCgroup(m_settings, *layout, name);
        if (!group)
            return fail(group.error().wrap("limits of '" + name + "'"));
        if (auto applied = group->applyLimits(*writes); !applied)
            return fail(applied.error().wrap("limits of '" + name + "'"));
    }
    if (auto stored = std::move(*config).commit(); !stored)
        return fail(stored.error().wrap("limits of '" + name + "'"));
    return {};
}

Result<std::vector<ContainerStats>> Engine::stats() const
{
    auto names = ContainerStore(m_settings.paths).list();
    if (!names)
        return fail(names.error());
    auto layout = cgroup::detectLayout();
    if (!layout)
        return fail(layout.error());
    auto sock = net::NetlinkSocket::open();
    std::vector<ContainerStats> all;
    for (const std::string& name : *names) {
        if (!runtime::monitorAlive(m_settings.paths, name))
            continue;
        // One read of the state file: where the cgroup is, which links are its.
        auto recorded = runtime::readState(m_settings.paths.stateFile(name));
        if (!recorded)
            continue;
        auto group = cgroup::ContainerCgroup::open(*layout, cgroupParentIn(*recorded, m_settings), name);
        if (!group)
            continue; // stopped between the two checks
        auto stats = group->stats();
        if (!stats)
            continue;
        stats->name = name;
        if (sock)
            addNetworkCounters(*sock, recorded->hostInterfaces, *stats);
        if (stats->timestampNs == 0)
            stats->timestampNs = monotonicNow();
        all.push_back(std::move(*stats));
    }
    return all;
}

Status Engine::freeze(const std::string& name)
{
    return setFrozen(name, true);
}

Status Engine::thaw(const std::string& name)
{
    return setFrozen(name, false);
}

Status Engine::setFrozen(const std::string& name, bool frozen)
{
    const std::string what = (frozen ? "freeze '" : "thaw '") + name + "'";
    auto lock = lockExistingContainer(m_settings.paths, name);
    if (!lock)
        return fail(lock.error());
    if (!runtime::monitorAlive(m_settings.paths, name))
        return notRunningError(name);
    auto layout = cgroup::detectLayout();
    if (!layout)
        return fail(layout.error());
    auto group = openRunningCgroup(m_settings, *layout, name);
    if (!group)
        return fail(group.error().wrap(what));
    if (auto done = group->setFrozen(frozen); !done)
        return fail(done.error().wrap(what));
    return {};
}

} // namespace berth
