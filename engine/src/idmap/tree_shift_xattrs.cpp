// The IDs inside extended attributes: POSIX ACLs and file capabilities.
#include "idmap/tree_shift.h"

#include <cstring>

#include <endian.h>
#include <linux/capability.h>

namespace berth::idmap {

namespace {

// <linux/posix_acl_xattr.h>'s layout (that header is not shipped to user space everywhere).
constexpr std::uint32_t kAclVersion = 2;
constexpr std::uint16_t kAclUser = 0x02;
constexpr std::uint16_t kAclGroup = 0x08;
constexpr std::size_t kAclHeader = 4;
constexpr std::size_t kAclEntry = 8;

std::uint32_t readLe32(const char* p)
{
    std::uint32_t v = 0;
    std::memcpy(&v, p, sizeof(v));
    return le32toh(v);
}

void writeLe32(char* p, std::uint32_t value)
{
    const std::uint32_t v = htole32(value);
    std::memcpy(p, &v, sizeof(v));
}

std::uint16_t readLe16(const char* p)
{
    std::uint16_t v = 0;
    std::memcpy(&v, p, sizeof(v));
    return le16toh(v);
}

} // namespace

std::uint32_t IdShift::operator()(model::IdKind kind, std::uint32_t id) const
{
    const std::uint32_t inside = from.empty() ? id : from.toInside(kind, id).value_or(kOverflowId);
    if (to.empty())
        return inside;
    if (auto host = to.toHost(kind, inside))
        return *host;
    return to.toHost(kind, kOverflowId).value_or(kOverflowId);
}

std::optional<std::string> shiftedAcl(std::string_view value, const IdShift& shift)
{
    if (value.size() < kAclHeader || (value.size() - kAclHeader) % kAclEntry != 0 ||
        readLe32(value.data()) != kAclVersion)
        return std::nullopt;
    std::string out(value);
    for (std::size_t at = kAclHeader; at < out.size(); at += kAclEntry) {
        const std::uint16_t tag = readLe16(out.data() + at);
        if (tag != kAclUser && tag != kAclGroup)
            continue;
        const auto kind = tag == kAclUser ? model::IdKind::User : model::IdKind::Group;
        writeLe32(out.data() + at + 4, shift(kind, readLe32(out.data() + at + 4)));
    }
    return out;
}

std::optional<std::string> shiftedCapability(std::string_view value, const IdShift& shift)
{
    if (value.size() < 4)
        return std::nullopt;
    const std::uint32_t magic = readLe32(value.data());
    const std::uint32_t revision = magic & VFS_CAP_REVISION_MASK;
    std::uint32_t rootid = 0;
    if (revision == VFS_CAP_REVISION_3 && value.size() == XATTR_CAPS_SZ_3)
        rootid = readLe32(value.data() + XATTR_CAPS_SZ_2);
    else if (revision != VFS_CAP_REVISION_2 || value.size() != XATTR_CAPS_SZ_2)
        return revision == VFS_CAP_REVISION_1 ? std::optional<std::string>(value) : std::nullopt;
    const std::uint32_t newRoot = shift(model::IdKind::User, rootid);
    const std::uint32_t flags = magic & ~VFS_CAP_REVISION_MASK;
    std::string out(value.substr(0, XATTR_CAPS_SZ_2));
    if (newRoot == 0) {
        writeLe32(out.data(), VFS_CAP_REVISION_2 | flags);
        return out;
    }
    writeLe32(out.data(), VFS_CAP_REVISION_3 | flags);
    out.resize(XATTR_CAPS_SZ_3);
    writeLe32(out.data() + XATTR_CAPS_SZ_2, newRoot);
    return out;
}

} // namespace berth::idmap
