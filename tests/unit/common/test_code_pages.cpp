// releaseCodePages (engine/src/common/code_pages.h): the resident pages of
// a read-only file mapping leave the process's resident set and read back
// the same; a read-only mapping holding a private copy of a page (written
// before it was made read-only, as the dynamic loader does with relocated
// data) keeps its copy; writable and anonymous memory is never touched.
#include "common/code_pages.h"

#include <QTemporaryFile>
#include <QtTest>

#include <cstdio>
#include <cstring>
#include <string>

#include <sys/mman.h>
#include <unistd.h>

namespace {

constexpr std::size_t kPages = 16;

// The Rss of the mapping that starts at `start`, in KiB; -1 if not listed.
long residentKiB(const void* start)
{
    std::FILE* smaps = std::fopen("/proc/self/smaps", "re");
    if (!smaps)
        return -1;
    char line[512];
    bool inside = false;
    long rss = -1;
    const auto wanted = reinterpret_cast<unsigned long>(start);
    while (std::fgets(line, sizeof(line), smaps)) {
        unsigned long from = 0;
        unsigned long to = 0;
        char perms[8] = {};
        if (std::sscanf(line, "%lx-%lx %7s", &from, &to, perms) == 3) { // a mapping's first line
            inside = from == wanted;
            continue;
        }
        long kib = 0;
        if (inside && std::sscanf(line, "Rss: %ld kB", &kib) == 1) {
            rss = kib;
            break;
        }
    }
    std::fclose(smaps);
    return rss;
}

std::size_t pageSize()
{
    return static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
}

// Every page read, so that each is resident.
unsigned touch(const unsigned char* data, std::size_t length)
{
    unsigned sum = 0;
    for (std::size_t i = 0; i < length; i += pageSize())
        sum += data[i];
    return sum;
}

} // namespace

class TestCodePages : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_file.open());
        std::string content(kPages * pageSize(), '\0');
        for (std::size_t i = 0; i < content.size(); ++i)
            content[i] = static_cast<char>('a' + i % 26);
        QCOMPARE(m_file.write(content.data(), qint64(content.size())), qint64(content.size()));
        QVERIFY(m_file.flush());
    }

    void cleanup() { m_file.close(); }

    void readOnlyFileMappingLeavesAndReadsBack()
    {
        const std::size_t length = kPages * pageSize();
        auto* data = static_cast<unsigned char*>(::mmap(nullptr, length, PROT_READ, MAP_PRIVATE, m_file.handle(), 0));
        QVERIFY(data != MAP_FAILED);
        const unsigned sum = touch(data, length);
        QVERIFY(residentKiB(data) > 0);

        QVERIFY(berth::releaseCodePages() >= length);
        QCOMPARE(residentKiB(data), 0L);
        QCOMPARE(touch(data, length), sum);
        QCOMPARE(data[27], static_cast<unsigned char>('b'));
        ::munmap(data, length);
    }

    // As relocated data made read-only: the written page is the process's
    // own copy, which the file does not hold.
    void writtenThenReadOnlyMappingKeepsItsCopy()
    {
        const std::size_t length = kPages * pageSize();
        auto* data = static_cast<unsigned char*>(
            ::mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_PRIVATE, m_file.handle(), 0));
        QVERIFY(data != MAP_FAILED);
        data[0] = 'X';
        QCOMPARE(::mprotect(data, length, PROT_READ), 0);
        (void)touch(data, length);

        berth::releaseCodePages();
        QCOMPARE(data[0], static_cast<unsigned char>('X'));
        QVERIFY(residentKiB(data) > 0);
        ::munmap(data, length);
    }

    void anonymousAndWritableMemoryStays()
    {
        const std::size_t length = kPages * pageSize();
        auto* anonymous = static_cast<unsigned char*>(
            ::mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
        QVERIFY(anonymous != MAP_FAILED);
        std::memset(anonymous, 'z', length);
        auto* writable = static_cast<unsigned char*>(
            ::mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_PRIVATE, m_file.handle(), 0));
        QVERIFY(writable != MAP_FAILED);
        writable[1] = 'Y';

        berth::releaseCodePages();
        QCOMPARE(anonymous[length - 1], static_cast<unsigned char>('z'));
        QCOMPARE(writable[1], static_cast<unsigned char>('Y'));
        ::munmap(anonymous, length);
        ::munmap(writable, length);
    }

private:
    QTemporaryFile m_file;
};

QTEST_GUILESS_MAIN(TestCodePages)
#include "test_code_pages.moc"
