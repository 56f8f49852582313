#include "runtime/upper_layer_owner.h"

#include "idmap/tree_shift.h"

#include <filesystem>
#include <optional>
#include <string>

#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

namespace berth::runtime {

namespace {

constexpr const char* kShiftedMark = "trusted.berth.shifted";
constexpr const char* kCapability = "security.capability";

// The host ID that `id` (a host ID below 65536, as written from the host)
// is in the container; nothing when it is already in some block.
std::optional<std::uint32_t> shifted(const model::IdMap& map, model::IdKind kind, std::uint32_t id)
{
    if (id >= model::kIdBlockSize)
        return std::nullopt;
    return map.toHost(kind, id);
}

std::string markOf(const model::IdMap& map)
{
    return std::to_string(map.toHost(model::IdKind::User, 0).value_or(0));
}

bool alreadyShifted(const std::filesystem::path& upper, const std::string& mark)
{
    char value[32] = {};
    const ssize_t size = ::lgetxattr(upper.c_str(), kShiftedMark, value, sizeof(value) - 1);
    return size > 0 && std::string(value, static_cast<std::size_t>(size)) == mark;
}

// chown clears setuid/setgid and drops file capabilities: both put back,
// the capabilities with their root in the block.
Status shiftEntry(const std::filesystem::path& path, const model::IdMap& map)
{
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0)
        return failErrno(errno, "stat " + path.string());
    const auto uid = shifted(map, model::IdKind::User, st.st_uid);
    const auto gid = shifted(map, model::IdKind::Group, st.st_gid);
    if (!uid && !gid)
        return {};
    char caps[64];
    const ssize_t capSize = S_ISREG(st.st_mode) ? ::lgetxattr(path.c_str(), kCapability, caps, sizeof(caps)) : -1;
    if (::lchown(path.c_str(), uid.value_or(st.st_uid), gid.value_or(st.st_gid)) != 0)
        return failErrno(errno, "give " + path.string() + " to the container");
    if (S_ISREG(st.st_mode) && (st.st_mode & (S_ISUID | S_ISGID)) && ::chmod(path.c_str(), st.st_mode & 07777) != 0)
        return failErrno(errno, "keep the mode of " + path.string());
    if (capSize <= 0)
        return {};
    // The capability's root moves with the file, or it would not apply inside.
    const std::string value(caps, static_cast<std::size_t>(capSize));
    const std::string kept = idmap::shiftedCapability(value, idmap::IdShift{model::IdMap{}, map}).value_or(value);
    if (::lsetxattr(path.c_str(), kCapability, kept.data(), kept.size(), 0) != 0)
        return failErrno(errno, "keep the file capabilities of " + path.string());
    return {};
}

} // namespace

Status shiftUpperIntoBlock(const image::OverlayLayout& layout, const model::IdMap& map)
{
    if (!map.toHost(model::IdKind::User, 0) || !map.toHost(model::IdKind::Group, 0))
        return failWith(EINVAL, "the ID map does not map root");
    const std::string mark = markOf(map);
    if (alreadyShifted(layout.upper, mark))
        return {};
    if (auto root = shiftEntry(layout.upper, map); !root)
        return root;
    std::error_code ec;
    // Symlinks are not followed: each is shifted as itself.
    for (std::filesystem::recursive_directory_iterator it(layout.upper, ec), end; !ec && it != end; it.increment(ec))
        if (auto entry = shiftEntry(it->path(), map); !entry)
            return entry;
    if (ec)
        return failWith(ec.value(), "walk the snapshot's upper layer " + layout.upper.string());
    if (::lsetxattr(layout.upper.c_str(), kShiftedMark, mark.data(), mark.size(), 0) != 0)
        return failErrno(errno, "mark the snapshot's upper layer as the container's");
    return {};
}

} // namespace berth::runtime
