#include "berth/paths.h"

namespace berth {

namespace fs = std::filesystem;

Paths::Paths(fs::path root) : m_root(std::move(root)) {}

fs::path Paths::containersDir() const
{
    return m_root / "var/lib/berth/containers";
}
fs::path Paths::runDir() const
{
    return m_root / "run/berth";
}
fs::path Paths::logDir() const
{
    return m_root / "var/log/berth";
}
fs::path Paths::templateCacheDir() const
{
    return m_root / "var/cache/berth/templates";
}
fs::path Paths::imagesDir() const
{
    return m_root / "var/lib/berth/images";
}

fs::path Paths::networksDir() const
{
    return m_root / "var/lib/berth/networks";
}
fs::path Paths::networkConfig(std::string_view bridge) const
{
    return networksDir() / (std::string(bridge) + ".conf");
}
fs::path Paths::networkLeases(std::string_view bridge) const
{
    return networksDir() / (std::string(bridge) + ".leases");
}
fs::path Paths::networkStaticLeases(std::string_view bridge) const
{
    return networksDir() / (std::string(bridge) + ".static");
}
// ".net": container names cannot start with a dot, so no container run dir collides.
fs::path Paths::networkRunDir(std::string_view bridge) const
{
    return runDir() / ".net" / bridge;
}
fs::path Paths::networkLock() const
{
    return runDir() / ".net" / "lock";
}
fs::path Paths::networkDnsDir(std::string_view bridge) const
{
    return m_root / "run/berth-dns" / bridge;
}

fs::path Paths::containerDir(std::string_view name) const
{
    return containersDir() / name;
}
fs::path Paths::configFile(std::string_view name) const
{
    return containerDir(name) / "config";
}
fs::path Paths::rootfsDir(std::string_view name) const
{
    return containerDir(name) / "rootfs";
}
fs::path Paths::containerRunDir(std::string_view name) const
{
    return runDir() / name;
}
fs::path Paths::lockFile(std::string_view name) const
{
    return containerRunDir(name) / "lock";
}
fs::path Paths::monitorSocket(std::string_view name) const
{
    return containerRunDir(name) / "monitor.sock";
}
fs::path Paths::monitorLock(std::string_view name) const
{
    return containerRunDir(name) / "monitor.lock";
}
fs::path Paths::stateFile(std::string_view name) const
{
    return containerRunDir(name) / "state";
}
fs::path Paths::logFile(std::string_view name) const
{
    return logDir() / (std::string(name) + ".log");
}

fs::path rotatedLogFile(const fs::path& log)
{
    return fs::path(log.string() + ".1");
}

fs::path nextLogFile(const fs::path& log)
{
    return fs::path(log.string() + ".new");
}

} // namespace berth
