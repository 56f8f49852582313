// model/id_map: LXC's lxc.idmap syntax read and written, the kernel's rules
// for a map, and IDs translated both ways.
#include "berth/model/id_map.h"

#include <QtTest>

using namespace berth::model;

Q_DECLARE_METATYPE(std::string)

class TestIdMap : public QObject {
    Q_OBJECT
private slots:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("users") << "u 0 1000000000 65536";
        QTest::newRow("groups") << "g 0 100000 65536";
        QTest::newRow("one id") << "u 1000 1000 1";
        QTest::newRow("largest") << "g 4294967294 0 1";
    }
    void roundTrip()
    {
        QFETCH(QString, text);
        auto entry = parseIdMapEntry(text.toStdString());
        QVERIFY2(entry, entry ? "" : entry.error().c_str());
        QCOMPARE(QString::fromStdString(formatIdMapEntry(*entry)), text);
    }

    void spacesAndTabs()
    {
        auto entry = parseIdMapEntry("  g\t5 100000  10 ");
        QVERIFY(entry);
        QCOMPARE(*entry, (IdMapEntry{IdKind::Group, 5, 100000, 10}));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("says");
        QTest::newRow("empty") << ""
                               << "expected 'u|g INSIDE HOST COUNT'";
        QTest::newRow("three fields") << "u 0 100000"
                                      << "expected";
        QTest::newRow("five fields") << "u 0 100000 65536 1"
                                     << "expected";
        QTest::newRow("kind b") << "b 0 100000 65536"
                                << "the kind must be u";
        QTest::newRow("negative") << "u -1 100000 65536"
                                  << "whole numbers";
        QTest::newRow("past 2^32") << "u 0 4294967296 1"
                                   << "whole numbers";
        QTest::newRow("hex") << "u 0 0x100 1"
                             << "whole numbers";
        QTest::newRow("count 0") << "u 0 100000 0"
                                 << "at least 1";
    }
    void errors()
    {
        QFETCH(QString, text);
        QFETCH(QString, says);
        auto entry = parseIdMapEntry(text.toStdString());
        QVERIFY(!entry);
        QVERIFY2(QString::fromStdString(entry.error()).contains(says), entry.error().c_str());
    }

    void problems_data()
    {
        QTest::addColumn<QStringList>("lines");
        QTest::addColumn<QString>("problem"); // empty: none
        QTest::newRow("a block") << QStringList{"u 0 1000000000 65536", "g 0 1000000000 65536"} << "";
        QTest::newRow("split ranges") << QStringList{"u 0 100000 1000", "u 1000 1000 1", "u 1001 101001 64535",
                                                     "g 0 100000 65536"}
                                      << "";
        QTest::newRow("no groups") << QStringList{"u 0 100000 65536"} << "no group IDs are mapped";
        QTest::newRow("no users") << QStringList{"g 0 100000 65536"} << "no user IDs are mapped";
        QTest::newRow("root unmapped") << QStringList{"u 1 100000 65535", "g 0 100000 65536"}
                                       << "the container's root user (0) is not mapped";
        QTest::newRow("overlap inside") << QStringList{"u 0 100000 10", "u 5 200000 10", "g 0 100000 65536"}
                                        << "user ranges overlap inside the container";
        QTest::newRow("overlap on host") << QStringList{"u 0 100000 10", "u 10 100005 10", "g 0 100000 65536"}
                                         << "user ranges overlap on the host";
        QTest::newRow("past the largest")
            << QStringList{"u 0 4294967295 2", "g 0 100000 65536"} << "a user range runs past the largest ID";
    }
    void problems()
    {
        QFETCH(QStringList, lines);
        QFETCH(QString, problem);
        IdMap map;
        for (const QString& line : lines)
            map.entries.push_back(*parseIdMapEntry(line.toStdString()));
        const auto found = idMapProblem(map);
        QCOMPARE(QString::fromStdString(found.value_or("")), problem);
    }

    void tooManyLines()
    {
        IdMap map = blockIdMap(100000);
        for (std::uint32_t i = 0; i < 340; ++i)
            map.entries.push_back({IdKind::User, 70000 + i, 200000 + i, 1});
        QCOMPARE(QString::fromStdString(idMapProblem(map).value_or("")), QStringLiteral("more than 340 user ranges"));
    }

    void translation()
    {
        const IdMap map = blockIdMap(1000000000);
        QCOMPARE(map.toHost(IdKind::User, 0), std::optional<std::uint32_t>(1000000000));
        QCOMPARE(map.toHost(IdKind::Group, 65535), std::optional<std::uint32_t>(1000065535));
        QCOMPARE(map.toHost(IdKind::User, 65536), std::nullopt);
        QCOMPARE(map.toInside(IdKind::User, 1000000033), std::optional<std::uint32_t>(33));
        QCOMPARE(map.toInside(IdKind::Group, 999999999), std::nullopt);
        QCOMPARE(map.toInside(IdKind::User, 1000065536), std::nullopt);
        QVERIFY(IdMap{}.empty());
        QCOMPARE(IdMap{}.toHost(IdKind::User, 0), std::nullopt);
    }

    // What the kernel prints ("%10u %10u %10u" lines) reads back as the map.
    void procTextReadBack()
    {
        const IdMap block = blockIdMap(1000000000);
        const auto read = parseProcIdMap(IdKind::User, "         0 1000000000      65536\n");
        QVERIFY(read);
        QCOMPARE(read->entries, block.ofKind(IdKind::User));
        QCOMPARE(parseProcIdMap(IdKind::Group, block.procText(IdKind::Group))->entries, block.ofKind(IdKind::Group));
        QVERIFY(parseProcIdMap(IdKind::User, "")->empty());
        QVERIFY(!parseProcIdMap(IdKind::User, "0 0\n"));
        QVERIFY(!parseProcIdMap(IdKind::User, "0 0 x\n"));
    }

    void procText()
    {
        IdMap map = blockIdMap(1000000000);
        map.entries.push_back({IdKind::User, 70000, 5000, 2});
        QCOMPARE(map.procText(IdKind::User), std::string("0 1000000000 65536\n70000 5000 2\n"));
        QCOMPARE(map.procText(IdKind::Group), std::string("0 1000000000 65536\n"));
        QCOMPARE(IdMap{}.procText(IdKind::User), std::string());
    }
};

QTEST_GUILESS_MAIN(TestIdMap)
#include "test_id_map.moc"
