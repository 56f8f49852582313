// Replacing a file's content so that readers see the old or the new
// content, never a mix, even across a crash.
#pragma once

#include "berth/error.h"
#include "berth/unique_fd.h"

#include <filesystem>
#include <string>
#include <string_view>

#include <sys/types.h>

namespace berth::fs {

// Synced: the new content survives a crash of the machine (fsync of the
// file and of its directory). Unsynced: readers still see the old or the
// new content, never a mix (a process's crash cannot undo a rename), but
// the syncs, milliseconds each where the disk is slow, are left out. For
// two kinds of file only: the run directory's state files (/run/berth,
// which a crash of the host ends with the containers they describe), and
// a staging directory's files, which the store syncs once before it moves
// the staged container in (writeStagedFile).
enum class Durability { Synced, Unsynced };

// Temp file in the same directory, write, fsync, rename over `file`, fsync
// the directory. On failure the old file is untouched and no temp file stays.
[[nodiscard]] Status writeFileAtomic(const std::filesystem::path& file, std::string_view content, mode_t mode,
                                     Durability durability = Durability::Synced);

// The same for `name` in the directory `dirFd` (any fd of the directory,
// O_PATH included). `name` is a single component.
[[nodiscard]] Status writeFileAtomicAt(int dirFd, std::string_view name, std::string_view content, mode_t mode,
                                       Durability durability = Durability::Synced);

// A file of a container being staged (ContainerStore::create): replaced
// atomically, synced by the store when the whole container moves in.
[[nodiscard]] Status writeStagedFile(const std::filesystem::path& file, std::string_view content, mode_t mode);

// writeFileAtomicAt in two halves, for a change that must also be made
// elsewhere (a limit in the kernel) and be undone there if the file cannot
// take it: prepare() writes and syncs the new content beside `name` (the
// step that runs out of space), commit() renames it over `name` (which needs
// none). Dropped uncommitted, it leaves the old file as it was.
class PreparedFile {
public:
    [[nodiscard]] static Result<PreparedFile> prepare(int dirFd, std::string_view name, std::string_view content,
                                                      mode_t mode, Durability durability = Durability::Synced);
    PreparedFile(PreparedFile&& other) noexcept;
    PreparedFile& operator=(PreparedFile&&) = delete;
    PreparedFile(const PreparedFile&) = delete;
    PreparedFile& operator=(const PreparedFile&) = delete;
    ~PreparedFile();

    [[nodiscard]] Status commit() &&;

private:
    PreparedFile(UniqueFd dir, std::string name, std::string temp, Durability durability);

    UniqueFd m_dir;
    std::string m_name;
    std::string m_temp; // empty once committed or moved from
    Durability m_durability;
};

} // namespace berth::fs
