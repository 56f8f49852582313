// bench_cli's image (issue #22): the references' busybox rootfs as a
// one-layer OCI image on a local registry (tests/registry's TestRegistry:
// Debian's docker-registry on 127.0.0.1 in the bench's own network
// namespace, plain http, which Berth and podman take as insecure
// localhost), so that `berthctl run --rm IMAGE` and `podman run --rm IMAGE`
// run the very files lxc-execute, crun and nspawn run. The layer is the
// tree as it is on disk: every file, directory, symbolic and hard link,
// device and FIFO with its mode and owner (sockets are left out). The
// image is pulled before the rounds; stop() ends the registry by PID and
// removes its storage once every pull is done, so nothing timed reaches it.
#pragma once

#include "test_registry.h"

#include "berth/error.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace berth::bench {

// The tree under root as layer entries, paths relative to root, sorted
// (a directory before what it holds).
[[nodiscard]] Result<std::vector<berth::test::LayerFile>> treeLayerFiles(const std::filesystem::path& root);

class RootfsRegistry {
public:
    RootfsRegistry() = default;
    RootfsRegistry(const RootfsRegistry&) = delete;
    RootfsRegistry& operator=(const RootfsRegistry&) = delete;

    // Brings lo up (the bench's network namespace only), builds the image
    // of rootfs, starts the registry and pushes it as REPO:latest.
    [[nodiscard]] Status publish(const std::filesystem::path& rootfs, const std::string& repo);
    // Stops the registry and removes its files (the destructor does too).
    void stop() { m_registry.stop(); }

    // "127.0.0.1:PORT/REPO:latest"
    [[nodiscard]] const std::string& reference() const { return m_reference; }
    [[nodiscard]] std::size_t entries() const { return m_entries; }
    [[nodiscard]] std::uint64_t layerBytes() const { return m_layerBytes; }

private:
    berth::test::TestRegistry m_registry;
    std::string m_reference;
    std::size_t m_entries = 0;
    std::uint64_t m_layerBytes = 0;
};

} // namespace berth::bench
