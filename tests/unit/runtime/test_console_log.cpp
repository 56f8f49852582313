// The console log's cap (lxc.console.size) and rotation (lxc.console.rotate):
// the files stay within the cap, the newest output is kept, and a reader's
// logical offsets neither repeat nor skip what is still there.
#include "runtime/console_log.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <sstream>
#include <fcntl.h>
#include <sys/stat.h>

using namespace berth;
using namespace berth::runtime;

namespace {

std::uint64_t fileSize(const std::filesystem::path& file)
{
    struct stat st {};
    return ::stat(file.c_str(), &st) == 0 ? std::uint64_t(st.st_size) : 0;
}

// "0000\n0001\n...": five bytes a line, so a line's number says its offset.
std::string lines(int first, int count)
{
    std::string text;
    for (int i = first; i < first + count; ++i) {
        char line[16]; // room for any int, though the tests stay below 10000
        std::snprintf(line, sizeof(line), "%04d\n", i);
        text += line;
    }
    return text;
}

// Everything a follower reads from `offset` to the end, and the bytes it skipped.
std::string follow(const std::filesystem::path& file, std::uint64_t& offset, std::uint64_t* skipped, std::size_t max)
{
    std::string all;
    for (;;) {
        auto piece = readConsoleLog(file, offset, max);
        if (!piece)
            return "error: " + piece.error().describe();
        if (piece->from > offset && skipped)
            *skipped += piece->from - offset;
        all += piece->data;
        offset = piece->from + piece->data.size();
        if (offset >= piece->end)
            return all;
    }
}

} // namespace

class TestConsoleLog : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::filesystem::path file(const char* name) { return std::filesystem::path(m_dir.path().toStdString()) / name; }

private Q_SLOTS:
    void rotatesAtTheCapKeepingOneOlderFile()
    {
        const auto path = file("rotate.log");
        auto log = ConsoleLog::open(path, {4096, true});
        QVERIFY(log);
        const std::string text = lines(0, 10000); // 50 000 bytes, written in odd pieces
        for (std::size_t at = 0; at < text.size(); at += 777)
            log->write(text.data() + at, std::min<std::size_t>(777, text.size() - at));
        QVERIFY(fileSize(path) <= 4096);
        QCOMPARE(fileSize(rotatedLogFile(path)), std::uint64_t(4096));
        QVERIFY(!std::filesystem::exists(nextLogFile(path)));
        std::uint64_t offset = 0;
        std::uint64_t skipped = 0;
        const std::string kept = follow(path, offset, &skipped, 1000);
        QCOMPARE(offset, std::uint64_t(text.size()));
        QCOMPARE(skipped + kept.size(), std::uint64_t(text.size()));
        QVERIFY(kept.size() >= 4096);
        QCOMPARE(kept, text.substr(text.size() - kept.size())); // the newest output, in order
    }

    void followerNeitherRepeatsNorSkipsAcrossRotations()
    {
        const auto path = file("follow.log");
        auto log = ConsoleLog::open(path, {4096, true});
        QVERIFY(log);
        std::uint64_t offset = 0;
        std::uint64_t skipped = 0;
        std::string seen;
        std::string written;
        for (int round = 0; round < 40; ++round) {
            const std::string text = lines(round * 100, 100); // 500 bytes: less than the cap each time
            log->write(text.data(), text.size());
            written += text;
            seen += follow(path, offset, &skipped, 300);
        }
        QCOMPARE(skipped, std::uint64_t(0));
        QCOMPARE(seen, written);
    }

    void reopenedLogContinuesItsOffsets()
    {
        const auto path = file("reopen.log");
        {
            auto log = ConsoleLog::open(path, {4096, true});
            QVERIFY(log);
            const std::string text = lines(0, 1000);
            log->write(text.data(), text.size());
        }
        auto log = ConsoleLog::open(path, {4096, true});
        QVERIFY(log);
        const std::string more = lines(1000, 1000);
        log->write(more.data(), more.size());
        auto piece = readConsoleLog(path, 0, 1 << 20);
        QVERIFY(piece);
        QCOMPARE(piece->end, std::uint64_t(10000));
        QVERIFY(fileSize(path) + fileSize(rotatedLogFile(path)) <= 2 * 4096);
    }

    void withoutRotateStartsOver()
    {
        const auto path = file("truncate.log");
        auto log = ConsoleLog::open(path, {4096, false});
        QVERIFY(log);
        const std::string text = lines(0, 1000); // 5000 bytes: one truncation
        log->write(text.data(), text.size());
        QCOMPARE(fileSize(path), std::uint64_t(5000 - 4096));
        QVERIFY(!std::filesystem::exists(rotatedLogFile(path)));
        auto piece = readConsoleLog(path, 0, 1 << 20);
        QVERIFY(piece);
        QCOMPARE(piece->from, std::uint64_t(4096));
        QCOMPARE(piece->data, text.substr(4096));
    }

    void deviceIsNeitherCappedNorRenamed()
    {
        const auto path = file("null.log");
        std::filesystem::create_symlink("/dev/null", file("link.log"));
        QVERIFY(!ConsoleLog::open(file("link.log"), {4096, true})); // never through a symlink
        QVERIFY(::mknod(path.c_str(), S_IFIFO | 0600, 0) == 0);
        UniqueFd reader(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
        auto log = ConsoleLog::open(path, {4096, true});
        QVERIFY(log);
        const std::string text = lines(0, 1000);
        log->write(text.data(), text.size()); // past the cap, straight through
        QVERIFY(!std::filesystem::exists(rotatedLogFile(path)));
        QVERIFY(std::filesystem::is_fifo(path));
    }

    void missingLogIsEmpty()
    {
        auto piece = readConsoleLog(file("none.log"), 0, 100);
        QVERIFY(piece);
        QVERIFY(piece->data.empty());
        QCOMPARE(piece->end, std::uint64_t(0));
    }
};

QTEST_GUILESS_MAIN(TestConsoleLog)
#include "test_console_log.moc"
