#include "berth/paths.h"

namespace berth {

namespace fs = std::filesystem;

Paths::Paths(fs::path root) : m_root(std::move(root)) {}

fs::path Paths::containersDir() const { return m_root / "var/lib/berth/containers"; }
fs::path Paths::runDir() const { return m_root / "run/berth"; }
fs::path Paths::logDir() const { return m_root / "var/log/berth"; }
fs::path Paths::templateCacheDir() const { return m_root / "var/cache/berth/templates"; }

fs::path Paths::containerDir(std::string_view name) const { return containersDir() / name; }
fs::path Paths::configFile(std::string_view name) const { return containerDir(name) / "config"; }
fs::path Paths::rootfsDir(std::string_view name) const { return containerDir(name) / "rootfs"; }
fs::path Paths::containerRunDir(std::string_view name) const { return runDir() / name; }
fs::path Paths::lockFile(std::string_view name) const { return containerRunDir(name) / "lock"; }
fs::path Paths::monitorSocket(std::string_view name) const { return containerRunDir(name) / "monitor.sock"; }
fs::path Paths::monitorLock(std::string_view name) const { return containerRunDir(name) / "monitor.lock"; }
fs::path Paths::stateFile(std::string_view name) const { return containerRunDir(name) / "state"; }
fs::path Paths::logFile(std::string_view name) const { return logDir() / (std::string(name) + ".log"); }

} // namespace berth
