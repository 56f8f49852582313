// The containers on disk: <root>/var/lib/berth/containers/<name>/{config,rootfs}.
#pragma once

#include "berth/error.h"
#include "berth/paths.h"
#include "berth/unique_fd.h"

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace berth {

namespace fs {
class PreparedFile; // fs/atomic_file.h
}

class ContainerStore {
public:
    // Fills a staging directory with `config` and `rootfs/`.
    using Populate = std::function<Status(const std::filesystem::path& stagingDir)>;

    explicit ContainerStore(Paths paths);

    [[nodiscard]] const Paths& paths() const { return m_paths; }

    // Valid container names with a directory, sorted; staging and other
    // entries are skipped. No containers directory yet: an empty list.
    [[nodiscard]] Result<std::vector<std::string>> list() const;
    [[nodiscard]] bool exists(std::string_view name) const;

    // Validates the name, lets `populate` fill containers/.staging-<name>-<random>
    // (0700) and renames it into place, so a container is either complete
    // or absent. EEXIST when it exists, EBUSY while another create of the
    // same name runs; on any failure the staging directory is removed.
    [[nodiscard]] Status create(std::string_view name, const Populate& populate);

    // Removes the container's directory (moved aside to a leftovers.h
    // destroyingEntry first), its run directory and its log.
    // ENOENT when none of them existed. The caller makes sure it is stopped.
    [[nodiscard]] Status remove(std::string_view name);

    [[nodiscard]] Result<std::string> readConfig(std::string_view name) const;
    // Replaces the config atomically (0640).
    [[nodiscard]] Status writeConfig(std::string_view name, std::string_view text);
    // Its first half: the new config written and synced, in place on commit().
    [[nodiscard]] Result<fs::PreparedFile> prepareConfig(std::string_view name, std::string_view text);

private:
    [[nodiscard]] Result<UniqueFd> openContainersDir(bool create) const;
    [[nodiscard]] Result<UniqueFd> openContainerDir(std::string_view name) const;
    // Renames containers/<name> to its destroyingEntry; its new path.
    [[nodiscard]] Result<std::filesystem::path> moveAside(std::string_view name) const;
    [[nodiscard]] Status fillStaging(int dirFd, std::string_view name, const std::string& staging,
                                     const Populate& populate) const;

    Paths m_paths;
};

} // namespace berth
