// Where the engine keeps containers, runtime state and logs.
#pragma once

#include <filesystem>
#include <string_view>

namespace berth {

// Every path the engine uses hangs off one root prefix, "/" in production
// and a temporary directory in tests.
class Paths {
public:
    explicit Paths(std::filesystem::path root = "/");

    [[nodiscard]] const std::filesystem::path& root() const { return m_root; }
    [[nodiscard]] std::filesystem::path containersDir() const;    // <root>/var/lib/berth/containers
    [[nodiscard]] std::filesystem::path runDir() const;           // <root>/run/berth
    [[nodiscard]] std::filesystem::path logDir() const;           // <root>/var/log/berth
    [[nodiscard]] std::filesystem::path templateCacheDir() const; // <root>/var/cache/berth/templates
    // The image store (issue #21): blobs, extracted layers, image records.
    [[nodiscard]] std::filesystem::path imagesDir() const; // <root>/var/lib/berth/images

    // Networks (bridges); the name must already be valid.
    [[nodiscard]] std::filesystem::path networksDir() const;                          // <root>/var/lib/berth/networks
    [[nodiscard]] std::filesystem::path networkConfig(std::string_view bridge) const; // <bridge>.conf
    [[nodiscard]] std::filesystem::path networkLeases(std::string_view bridge) const; // dnsmasq's DHCP leases
    [[nodiscard]] std::filesystem::path networkStaticLeases(std::string_view bridge) const; // Berth's IPAM
    [[nodiscard]] std::filesystem::path networkRunDir(std::string_view bridge) const; // <root>/run/berth/.net/<bridge>
    [[nodiscard]] std::filesystem::path networkLock() const; // one lock for all network changes
    // What the bridge's dnsmasq reads after it drops to user nobody (names
    // and DHCP reservations): outside runDir(), which is 0700.
    [[nodiscard]] std::filesystem::path networkDnsDir(std::string_view bridge) const; // <root>/run/berth-dns/<bridge>

    // Per container; the name must already be valid.
    [[nodiscard]] std::filesystem::path containerDir(std::string_view name) const;
    [[nodiscard]] std::filesystem::path configFile(std::string_view name) const;
    [[nodiscard]] std::filesystem::path rootfsDir(std::string_view name) const;
    [[nodiscard]] std::filesystem::path containerRunDir(std::string_view name) const;
    [[nodiscard]] std::filesystem::path lockFile(std::string_view name) const; // flock'd by operations
    [[nodiscard]] std::filesystem::path monitorSocket(std::string_view name) const;
    [[nodiscard]] std::filesystem::path monitorLock(std::string_view name) const; // held by the monitor while alive
    [[nodiscard]] std::filesystem::path stateFile(std::string_view name) const;
    [[nodiscard]] std::filesystem::path logFile(std::string_view name) const;

private:
    std::filesystem::path m_root;
};

// A console log's older file once it was rotated (LXC's lxc.console.rotate
// names it so), and the next one while a rotation makes it.
[[nodiscard]] std::filesystem::path rotatedLogFile(const std::filesystem::path& log); // <log>.1
[[nodiscard]] std::filesystem::path nextLogFile(const std::filesystem::path& log);    // <log>.new

} // namespace berth
