// The one shift of a rootfs without idmapped mounts: IDs moved between
// maps, and the IDs inside POSIX ACLs and file capabilities.
#include "idmap/tree_shift.h"

#include <QtTest>

#include <cstring>

#include <endian.h>
#include <linux/capability.h>

using namespace berth;
using namespace berth::idmap;
using model::IdKind;

namespace {

constexpr std::uint32_t kBase = 1000000000;
const IdShift kInto{{}, model::blockIdMap(kBase)};
const IdShift kBack{model::blockIdMap(kBase), {}};

void put32(std::string& s, std::uint32_t v)
{
    v = htole32(v);
    s.append(reinterpret_cast<const char*>(&v), 4);
}

void put16(std::string& s, std::uint16_t v)
{
    v = htole16(v);
    s.append(reinterpret_cast<const char*>(&v), 2);
}

// user::rwx, user:ID:r-x, group::r-x, group:ID:r--, mask, other.
std::string acl(std::uint32_t user, std::uint32_t group)
{
    std::string s;
    put32(s, 2);
    const std::pair<std::uint16_t, std::uint32_t> entries[] = {
        {0x01, 0xFFFFFFFF}, {0x02, user}, {0x04, 0xFFFFFFFF}, {0x08, group}, {0x10, 0xFFFFFFFF}, {0x20, 0xFFFFFFFF}};
    for (const auto& [tag, id] : entries) {
        put16(s, tag);
        put16(s, 5);
        put32(s, id);
    }
    return s;
}

std::string capability(std::uint32_t revision, std::optional<std::uint32_t> rootid)
{
    std::string s;
    put32(s, revision | VFS_CAP_FLAGS_EFFECTIVE);
    put32(s, 1u << 13); // CAP_NET_RAW permitted
    put32(s, 0);
    put32(s, 0);
    put32(s, 0);
    if (rootid)
        put32(s, *rootid);
    return s;
}

} // namespace

class TestIdXattrs : public QObject {
    Q_OBJECT
private slots:
    void ids()
    {
        QCOMPARE(kInto(IdKind::User, 0), kBase);
        QCOMPARE(kInto(IdKind::Group, 1000), kBase + 1000);
        // An ID no block holds becomes nobody inside.
        QCOMPARE(kInto(IdKind::User, 70000), kBase + kOverflowId);
        QCOMPARE(kBack(IdKind::User, kBase + 33), 33u);
        QCOMPARE(kBack(IdKind::User, 5), kOverflowId);
        // From one block to another.
        const IdShift across{model::blockIdMap(kBase), model::blockIdMap(kBase + 65536)};
        QCOMPARE(across(IdKind::Group, kBase + 7), kBase + 65536 + 7);
        // Nothing to nothing: unchanged.
        QCOMPARE((IdShift{}(IdKind::User, 70000)), 70000u);
    }

    void acls()
    {
        const auto shifted = shiftedAcl(acl(1000, 100), kInto);
        QVERIFY(shifted);
        QCOMPARE(*shifted, acl(kBase + 1000, kBase + 100));
        QCOMPARE(*shiftedAcl(*shifted, kBack), acl(1000, 100));
        QVERIFY(!shiftedAcl("junk", kInto));
        std::string wrongVersion = acl(1, 1);
        wrongVersion[0] = 3;
        QVERIFY(!shiftedAcl(wrongVersion, kInto));
    }

    void capabilities()
    {
        // The host's root (revision 2) becomes the block's root (revision 3).
        const auto into = shiftedCapability(capability(VFS_CAP_REVISION_2, std::nullopt), kInto);
        QVERIFY(into);
        QCOMPARE(*into, capability(VFS_CAP_REVISION_3, kBase));
        // And back.
        QCOMPARE(*shiftedCapability(*into, kBack), capability(VFS_CAP_REVISION_2, std::nullopt));
        // Another namespace's root that the old map does not hold: nobody inside.
        QCOMPARE(*shiftedCapability(capability(VFS_CAP_REVISION_3, 12345), kBack),
                 capability(VFS_CAP_REVISION_3, kOverflowId));
        QVERIFY(!shiftedCapability("ab", kInto));
        QVERIFY(!shiftedCapability(capability(VFS_CAP_REVISION_2, 7), kInto)); // wrong size
    }
};

QTEST_GUILESS_MAIN(TestIdXattrs)
#include "test_id_xattrs.moc"
