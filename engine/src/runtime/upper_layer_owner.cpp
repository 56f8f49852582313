#include "runtime/upper_layer_owner.h"

#include "berth/unique_fd.h"
#include "fs/tree_walk.h"
#include "idmap/tree_shift.h"

#include <filesystem>
#include <optional>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

namespace berth::runtime {

namespace {

constexpr const char* kShiftedMark = "trusted.berth.shifted";
constexpr const char* kCapability = "security.capability";

enum class Direction {
    IntoBlock, // host IDs below 65536 (written from the host) become the block's
    OutOfBlock // the block's host IDs become the inside IDs again
};

// The ID `id` becomes; nothing when it stays (already in some block, or
// going out: not in this one).
std::optional<std::uint32_t> shifted(Direction direction, const model::IdMap& map, model::IdKind kind, std::uint32_t id)
{
    if (direction == Direction::OutOfBlock)
        return map.toInside(kind, id);
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
// the capabilities with their root in the block. `fd` is the entry opened
// (a regular file or a directory); -1 for others, changed through their
// name in `dirFd` without following a symlink.
Status shiftEntry(int fd, int dirFd, const std::string& name, const struct statx& st, const std::string& shown,
                  Direction direction, const model::IdMap& map)
{
    const auto uid = shifted(direction, map, model::IdKind::User, st.stx_uid);
    const auto gid = shifted(direction, map, model::IdKind::Group, st.stx_gid);
    if (!uid && !gid)
        return {};
    const bool regular = S_ISREG(st.stx_mode);
    char caps[64];
    const ssize_t capSize = regular ? ::fgetxattr(fd, kCapability, caps, sizeof(caps)) : -1;
    const int rc = fd >= 0 ? ::fchown(fd, uid.value_or(st.stx_uid), gid.value_or(st.stx_gid))
                           : ::fchownat(dirFd, name.c_str(), uid.value_or(st.stx_uid), gid.value_or(st.stx_gid),
                                        AT_SYMLINK_NOFOLLOW);
    if (rc != 0)
        return failErrno(errno, "give " + shown + " to the container");
    if (regular && (st.stx_mode & (S_ISUID | S_ISGID)) && ::fchmod(fd, st.stx_mode & 07777) != 0)
        return failErrno(errno, "keep the mode of " + shown);
    if (capSize <= 0)
        return {};
    // The capability's root moves with the file, or it would not apply inside.
    const std::string value(caps, static_cast<std::size_t>(capSize));
    const idmap::IdShift shift =
        direction == Direction::IntoBlock ? idmap::IdShift{model::IdMap{}, map} : idmap::IdShift{map, model::IdMap{}};
    const std::string kept = idmap::shiftedCapability(value, shift).value_or(value);
    if (::fsetxattr(fd, kCapability, kept.data(), kept.size(), 0) != 0)
        return failErrno(errno, "keep the file capabilities of " + shown);
    return {};
}

// Every entry once: directories (the root too) as the walk enters them,
// regular files through an fd of their own, the rest by name.
class UpperShift : public fs::TreeVisitor {
public:
    UpperShift(const std::filesystem::path& upper, Direction direction, const model::IdMap& map)
        : m_upper(upper), m_direction(direction), m_map(map)
    {}

    Status enter(const fs::WalkDir& dir) override
    {
        return shiftEntry(dir.fd, -1, {}, dir.st, shown(dir.path), m_direction, m_map);
    }

    Result<fs::Descend> entry(const fs::WalkEntry& e) override
    {
        if (S_ISDIR(e.st.stx_mode))
            return fs::Descend::Yes;
        const std::string name(e.name);
        UniqueFd fd;
        if (S_ISREG(e.st.stx_mode)) {
            fd.reset(::openat(e.dirFd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
            if (!fd)
                return failErrno(errno, "open " + shown(e.path));
        }
        if (auto ok = shiftEntry(fd.get(), e.dirFd, name, e.st, shown(e.path), m_direction, m_map); !ok)
            return std::unexpected(ok.error());
        return fs::Descend::No;
    }

private:
    [[nodiscard]] std::string shown(std::string_view path) const
    {
        return (path.empty() ? m_upper : m_upper / path).string();
    }

    const std::filesystem::path& m_upper;
    Direction m_direction;
    const model::IdMap& m_map;
};

} // namespace

Status shiftUpperIntoBlock(const image::OverlayLayout& layout, const model::IdMap& map)
{
    if (!map.toHost(model::IdKind::User, 0) || !map.toHost(model::IdKind::Group, 0))
        return failWith(EINVAL, "the ID map does not map root");
    const std::string mark = markOf(map);
    if (alreadyShifted(layout.upper, mark))
        return {};
    UniqueFd upper(::open(layout.upper.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!upper)
        return failErrno(errno, "open the snapshot's upper layer " + layout.upper.string());
    UpperShift shift(layout.upper, Direction::IntoBlock, map);
    if (auto ok = fs::walkTree(upper.get(), shift, layout.upper.string()); !ok)
        return ok;
    if (::lsetxattr(layout.upper.c_str(), kShiftedMark, mark.data(), mark.size(), 0) != 0)
        return failErrno(errno, "mark the snapshot's upper layer as the container's");
    return {};
}

bool upperShiftedInto(const std::filesystem::path& upper, const model::IdMap& map)
{
    return !map.empty() && alreadyShifted(upper, markOf(map));
}

Status shiftCopyOutOfBlock(const std::filesystem::path& tree, const model::IdMap& map)
{
    UniqueFd root(::open(tree.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!root)
        return failErrno(errno, "open " + tree.string());
    if (::fremovexattr(root.get(), kShiftedMark) != 0 && errno != ENODATA)
        return failErrno(errno, "unmark " + tree.string());
    if (map.empty())
        return {};
    UpperShift shift(tree, Direction::OutOfBlock, map);
    return fs::walkTree(root.get(), shift, tree.string());
}

} // namespace berth::runtime
