// Berth's range and its blocks: read from subuid/subgid, the lowest free
// block, exhaustion, reuse after destroy, maps refused, and no block held
// by a creation that died before its config was in place.
#include "idmap/block_choice.h"
#include "idmap/block_lock.h"
#include "idmap/container_maps.h"
#include "idmap/subordinate_range.h"
#include "store/container_store.h"

#include <QtTest>

#include <csignal>
#include <filesystem>
#include <fstream>

#include <sys/wait.h>
#include <unistd.h>

using namespace berth;
using namespace berth::idmap;

namespace fsys = std::filesystem;

namespace {

constexpr std::uint32_t kBlock = model::kIdBlockSize;
const IdRange kRange{1000000000, 4 * kBlock};

std::string configWithBlock(std::uint32_t base)
{
    return "lxc.uts.name = x\nlxc.idmap = u 0 " + std::to_string(base) + " 65536\nlxc.idmap = g 0 " +
           std::to_string(base) + " 65536\n";
}

Status makeContainer(const Paths& paths, const std::string& name, const std::string& config)
{
    return ContainerStore(paths).create(name, [&](const fsys::path& staging) -> Status {
        std::ofstream(staging / "config") << config;
        fsys::create_directory(staging / "rootfs");
        return {};
    });
}

UsedMap used(const std::string& name, std::uint32_t base)
{
    return {name, model::blockIdMap(base)};
}

} // namespace

class TestIdRange : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Paths paths() const { return Paths(m_dir.path().toStdString()); }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        fsys::remove_all(paths().containersDir());
    }

    void subordinateEntries_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("start"); // -1: none
        QTest::addColumn<qint64>("count");
        QTest::newRow("one entry") << "_berth:1000000000:1000000000\n" << qint64(1000000000) << qint64(1000000000);
        QTest::newRow("among others") << "alice:100000:65536\n_berth:2000000:655360\nbob:165536:65536"
                                      << qint64(2000000) << qint64(655360);
        QTest::newRow("first of two") << "_berth:5000000:65536\n_berth:9000000:65536\n"
                                      << qint64(5000000) << qint64(65536);
        QTest::newRow("malformed skipped") << "_berth:x:65536\n_berth:100:\n_berth:7000000:65536\n"
                                           << qint64(7000000) << qint64(65536);
        QTest::newRow("a prefix is not the name") << "_berthx:100000:65536\n" << qint64(-1) << qint64(0);
        QTest::newRow("count 0") << "_berth:100000:0\n" << qint64(-1) << qint64(0);
        QTest::newRow("past 2^32") << "_berth:4294901760:65536\n" << qint64(-1) << qint64(0);
        QTest::newRow("none") << "" << qint64(-1) << qint64(0);
    }
    void subordinateEntries()
    {
        QFETCH(QString, text);
        QFETCH(qint64, start);
        QFETCH(qint64, count);
        const auto range = parseSubordinateEntry(text.toStdString(), kRangeUser);
        QCOMPARE(range.has_value(), start >= 0);
        if (range)
            QCOMPARE(*range, (IdRange{std::uint32_t(start), std::uint32_t(count)}));
    }

    void rangeOfBothFiles()
    {
        const fsys::path etc = m_dir.path().toStdString() + "/etc";
        fsys::create_directories(etc);
        auto missing = readBerthRange(etc);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, EOPNOTSUPP);
        QVERIFY2(missing.error().message.contains((etc / "subuid").string()) &&
                     missing.error().message.contains("_berth") && missing.error().message.contains("berth-id-range"),
                 missing.error().message.c_str());
        std::ofstream(etc / "subuid") << "_berth:1000000000:1000000000\n";
        QVERIFY(!readBerthRange(etc)); // subgid still missing
        std::ofstream(etc / "subgid") << "_berth:1000065536:2000000\n";
        auto both = readBerthRange(etc);
        QVERIFY(both);
        QCOMPARE(*both, (IdRange{1000065536, 2000000}));
        QCOMPARE(both->blocks(), 2000000u / kBlock);
        std::ofstream(etc / "subgid") << "_berth:5000:65536\n";
        QVERIFY(!readBerthRange(etc)); // no block in common
    }

    void lowestFree()
    {
        QCOMPARE(lowestFreeBlock(kRange, {}), std::optional(kRange.start));
        QCOMPARE(lowestFreeBlock(kRange, {used("a", kRange.start)}), std::optional(kRange.start + kBlock));
        QCOMPARE(lowestFreeBlock(kRange, {used("b", kRange.start + kBlock), used("a", kRange.start)}),
                 std::optional(kRange.start + 2 * kBlock));
        // A gap is reused before the end.
        QCOMPARE(lowestFreeBlock(kRange, {used("c", kRange.start + 2 * kBlock), used("a", kRange.start)}),
                 std::optional(kRange.start + kBlock));
        // A map that touches a block by one ID takes it.
        UsedMap odd{"odd", {{{model::IdKind::Group, 0, kRange.start + kBlock - 1, 2}}}};
        QCOMPARE(lowestFreeBlock(kRange, {odd}), std::optional(kRange.start + 2 * kBlock));
        QCOMPARE(freeBlocks(kRange, {odd}), 2u);
        // Maps outside the range take nothing of it.
        QCOMPARE(freeBlocks(kRange, {used("far", 100000)}), 4u);
    }

    void exhaustion()
    {
        std::vector<UsedMap> all;
        for (std::uint32_t i = 0; i < 4; ++i)
            all.push_back(used("c" + std::to_string(i), kRange.start + i * kBlock));
        QCOMPARE(lowestFreeBlock(kRange, all), std::nullopt);
        QCOMPARE(freeBlocks(kRange, all), 0u);
        // A range smaller than a block has none.
        QCOMPARE(lowestFreeBlock(IdRange{1000000000, kBlock - 1}, {}), std::nullopt);
    }

    void reuseAfterDestroy()
    {
        QVERIFY(makeContainer(paths(), "first", configWithBlock(kRange.start)));
        QVERIFY(makeContainer(paths(), "second", configWithBlock(kRange.start + kBlock)));
        QVERIFY(makeContainer(paths(), "privileged", "lxc.uts.name = p\nberth.privileged = 1\n"));
        auto maps = containerMaps(paths());
        QVERIFY(maps);
        QCOMPARE(maps->size(), std::size_t(2));
        QCOMPARE(lowestFreeBlock(kRange, *maps), std::optional(kRange.start + 2 * kBlock));
        QVERIFY(ContainerStore(paths()).remove("first"));
        maps = containerMaps(paths());
        QCOMPARE(lowestFreeBlock(kRange, *maps), std::optional(kRange.start));
        // A container's own map is left out when asked (SetConfig, convert).
        QVERIFY(containerMaps(paths(), "second")->empty());
    }

    void refusedMaps_data()
    {
        QTest::addColumn<QStringList>("lines");
        QTest::addColumn<int>("entry"); // -1: accepted
        QTest::addColumn<QString>("says");
        QTest::newRow("a free block") << QStringList{"u 0 1000131072 65536", "g 0 1000131072 65536"} << -1 << "";
        QTest::newRow("below the range") << QStringList{"u 0 100000 65536", "g 0 1000131072 65536"} << 0
                                         << "host IDs 100000-165535 are outside Berth's range 1000000000-1000262143";
        QTest::newRow("past its end") << QStringList{"u 0 1000196608 65536", "g 0 1000200000 65536"} << 1
                                      << "outside Berth's range";
        QTest::newRow("another's block") << QStringList{"u 0 1000131072 65536", "g 0 1000000000 65536"} << 1
                                         << "already those of container 'holder'";
        QTest::newRow("one ID of it") << QStringList{"u 0 1000131072 65536", "g 0 1000131072 65536",
                                                     "u 70000 1000065535 1"}
                                      << 2 << "'holder'";
    }
    void refusedMaps()
    {
        QFETCH(QStringList, lines);
        QFETCH(int, entry);
        QFETCH(QString, says);
        model::IdMap map;
        for (const QString& line : lines)
            map.entries.push_back(*model::parseIdMapEntry(line.toStdString()));
        const auto problem = mapOwnershipProblem(map, kRange, {used("holder", kRange.start)});
        QCOMPARE(problem.has_value(), entry >= 0);
        if (!problem)
            return;
        QCOMPARE(int(problem->entry), entry);
        QVERIFY2(QString::fromStdString(problem->text).contains(says), problem->text.c_str());
    }

    // The configs are the record: a staging directory (a creation that
    // died before its rename) holds no block, and a holder killed while it
    // held the lock leaves the lock free.
    void aDeadCreationLeavesNoBlock()
    {
        QVERIFY(makeContainer(paths(), "alive", configWithBlock(kRange.start)));
        const pid_t child = ::fork();
        if (child == 0) {
            auto lock = BlockLock::acquire(paths());
            auto maps = containerMaps(paths());
            if (!lock || !maps)
                ::_exit(1);
            const fsys::path staging = paths().containersDir() / ".staging-dying-1234";
            fsys::create_directories(staging / "rootfs");
            std::ofstream(staging / "config") << configWithBlock(*lowestFreeBlock(kRange, *maps));
            ::raise(SIGKILL);
        }
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY(WIFSIGNALED(status));
        QVERIFY(fsys::exists(paths().containersDir() / ".staging-dying-1234/config"));
        auto lock = BlockLock::acquire(paths()); // waits: would hang if the dead holder kept it
        QVERIFY(lock);
        auto maps = containerMaps(paths());
        QVERIFY(maps);
        QCOMPARE(maps->size(), std::size_t(1));
        QCOMPARE(lowestFreeBlock(kRange, *maps), std::optional(kRange.start + kBlock));
    }

    // A config that no longer parses as a whole still holds its block.
    void linesAreReadOneByOne()
    {
        const model::IdMap map = idMapLines("lxc.uts.name = a\nthis is broken\nlxc.idmap = u 0 1000000000 65536\n"
                                            "lxc.idmap = nonsense\n  lxc.idmap=g 0 1000000000 65536\n");
        QCOMPARE(map, model::blockIdMap(1000000000));
    }
};

QTEST_GUILESS_MAIN(TestIdRange)
#include "test_id_range.moc"
