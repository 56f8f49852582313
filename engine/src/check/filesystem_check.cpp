#include "check/check_groups.h"
#include "fs/host_files.h"
#include "check/kernel_modules.h"

#include <array>

namespace berth::check {

namespace stdfs = std::filesystem;

namespace {

struct FilesystemSpec {
    std::string_view id;
    std::string_view name; // in /proc/filesystems, and its module's name
    std::string_view configSymbol;
};

constexpr std::array kFilesystems{
    FilesystemSpec{"fs.overlay", "overlay", "OVERLAY_FS"},
    FilesystemSpec{"fs.tmpfs", "tmpfs", "TMPFS"},
    FilesystemSpec{"fs.devpts", "devpts", "UNIX98_PTYS"},
};

// /proc/filesystems lists what is registered now; a module not yet loaded
// registers its file system on the first mount.
CheckItem filesystemItem(const stdfs::path& root, const Result<std::string>& registered, const FilesystemSpec& spec)
{
    if (registered && hasWord(*registered, spec.name))
        return makeItem(spec.id, CheckStatus::Ok, "listed in /proc/filesystems");
    if (std::optional<std::string> module = findKernelModule(root, spec.name, spec.configSymbol))
        return makeItem(spec.id, CheckStatus::Ok, *module + " (registers on first mount)");
    if (!registered)
        return makeItem(spec.id, CheckStatus::Missing, registered.error().describe());
    return makeItem(spec.id, CheckStatus::Missing, "not in /proc/filesystems and no module");
}

} // namespace

CheckGroup checkFilesystems(const stdfs::path& root)
{
    const Result<std::string> registered = readHostFile(underRoot(root, "proc/filesystems"));
    CheckGroup group = makeGroup("fs");
    for (const FilesystemSpec& spec : kFilesystems)
        group.items.push_back(filesystemItem(root, registered, spec));
    return group;
}

} // namespace berth::check
