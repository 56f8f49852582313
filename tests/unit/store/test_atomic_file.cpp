// writeFileAtomic and PreparedFile: content, exact mode, no temp file
// left, and the old content intact when writing fails.
#include "berth/unique_fd.h"
#include "fs/atomic_file.h"

#include <QtTest/QtTest>

#include <cerrno>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>

namespace stdfs = std::filesystem;

namespace {

std::string readText(const stdfs::path& file)
{
    std::ifstream in(file);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

int entryCount(const stdfs::path& dir)
{
    int n = 0;
    for ([[maybe_unused]] const auto& e : stdfs::directory_iterator(dir))
        ++n;
    return n;
}

// Lowers the file size limit for one scope: writes past it fail with EFBIG
// even for root, which a read-only directory would not stop.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        ::getrlimit(RLIMIT_FSIZE, &m_old);
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit lower = m_old;
        lower.rlim_cur = bytes;
        ::setrlimit(RLIMIT_FSIZE, &lower);
    }
    ~FileSizeLimit()
    {
        ::setrlimit(RLIMIT_FSIZE, &m_old);
        std::signal(SIGXFSZ, m_oldHandler);
    }

private:
    rlimit m_old{};
    void (*m_oldHandler)(int) = nullptr;
};

} // namespace

class TestAtomicFile : public QObject {
    Q_OBJECT

private slots:
    void writesContentAndMode_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("synced");
        QTest::newRow("text 0640") << QByteArray("lxc.uts.name = x\n") << 0640 << true;
        QTest::newRow("empty 0600") << QByteArray() << 0600 << true;
        QTest::newRow("large 0644") << QByteArray(300000, 'x') << 0644 << true;
        // The run directory's and a staging directory's files: atomic all the same.
        QTest::newRow("unsynced text 0644") << QByteArray("{\"state\": \"running\"}\n") << 0644 << false;
        QTest::newRow("unsynced large 0640") << QByteArray(300000, 'y') << 0640 << false;
    }

    void writesContentAndMode()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, mode);
        QFETCH(bool, synced);
        QTemporaryDir tmp;
        const stdfs::path file = stdfs::path(tmp.path().toStdString()) / "config";
        std::ofstream(file) << "old";
        const mode_t oldMask = ::umask(077);
        auto ok = berth::fs::writeFileAtomic(file, content.toStdString(), static_cast<mode_t>(mode),
                                             synced ? berth::fs::Durability::Synced : berth::fs::Durability::Unsynced);
        ::umask(oldMask);
        QVERIFY2(ok, ok ? "" : ok.error().describe().c_str());
        QCOMPARE(readText(file), content.toStdString());
        struct stat st {};
        QCOMPARE(::stat(file.c_str(), &st), 0);
        QCOMPARE(int(st.st_mode & 07777), mode);
        QCOMPARE(entryCount(tmp.path().toStdString()), 1); // no temp file left
    }

    void failedWriteKeepsOldContent()
    {
        QTemporaryDir tmp;
        const stdfs::path file = stdfs::path(tmp.path().toStdString()) / "config";
        std::ofstream(file) << "old content";
        berth::Status ok;
        {
            FileSizeLimit limit(16);
            ok = berth::fs::writeFileAtomic(file, std::string(4096, 'n'), 0644);
        }
        QVERIFY(!ok);
        QCOMPARE(ok.error().code, EFBIG);
        QCOMPARE(ok.error().context, file.string());
        QCOMPARE(readText(file), std::string("old content"));
        QCOMPARE(entryCount(tmp.path().toStdString()), 1);
    }

    // A staged file that cannot be written fails the same way: the old
    // content stays and no temp file is left (the store then drops the staging).
    void failedStagedWriteKeepsOldContent()
    {
        QTemporaryDir tmp;
        const stdfs::path file = stdfs::path(tmp.path().toStdString()) / "config";
        std::ofstream(file) << "old content";
        berth::Status ok;
        {
            FileSizeLimit limit(16);
            ok = berth::fs::writeStagedFile(file, std::string(4096, 'n'), 0640);
        }
        QVERIFY(!ok);
        QCOMPARE(ok.error().code, EFBIG);
        QCOMPARE(readText(file), std::string("old content"));
        QCOMPARE(entryCount(tmp.path().toStdString()), 1);
    }

    void missingDirectory()
    {
        QTemporaryDir tmp;
        auto ok = berth::fs::writeFileAtomic(stdfs::path(tmp.path().toStdString()) / "no/such/config", "x", 0644);
        QVERIFY(!ok);
        QCOMPARE(ok.error().code, ENOENT);
    }

    void atVariantWithPathFd()
    {
        QTemporaryDir tmp;
        berth::UniqueFd dir(::open(tmp.path().toLocal8Bit().constData(), O_PATH | O_DIRECTORY | O_CLOEXEC));
        QVERIFY(dir.valid());
        QVERIFY(berth::fs::writeFileAtomicAt(dir.get(), "state", "running\n", 0600));
        QCOMPARE(readText(stdfs::path(tmp.path().toStdString()) / "state"), std::string("running\n"));
        auto bad = berth::fs::writeFileAtomicAt(dir.get(), "../escape", "x", 0600);
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, EINVAL);
    }

    // The two halves: nothing changes until commit(); a prepared file
    // dropped uncommitted leaves the old file and no temp file.
    void preparedFileChangesNothingUntilCommit()
    {
        QTemporaryDir tmp;
        const stdfs::path dirPath(tmp.path().toStdString());
        std::ofstream(dirPath / "config") << "old";
        berth::UniqueFd dir(::open(dirPath.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
        {
            auto dropped = berth::fs::PreparedFile::prepare(dir.get(), "config", "dropped", 0640);
            QVERIFY(dropped);
            QCOMPARE(readText(dirPath / "config"), std::string("old"));
        }
        QCOMPARE(entryCount(dirPath), 1);
        auto prepared = berth::fs::PreparedFile::prepare(dir.get(), "config", "new", 0640);
        QVERIFY(prepared);
        QCOMPARE(readText(dirPath / "config"), std::string("old"));
        QVERIFY(std::move(*prepared).commit());
        QCOMPARE(readText(dirPath / "config"), std::string("new"));
        QCOMPARE(entryCount(dirPath), 1);
    }

    // A write that does not fit fails at prepare(), before anything else
    // was changed, and leaves no temp file.
    void preparedFileThatDoesNotFit()
    {
        QTemporaryDir tmp;
        const stdfs::path dirPath(tmp.path().toStdString());
        std::ofstream(dirPath / "config") << "old";
        berth::UniqueFd dir(::open(dirPath.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
        auto prepared = [&] {
            FileSizeLimit limit(16);
            return berth::fs::PreparedFile::prepare(dir.get(), "config", std::string(4096, 'n'), 0640);
        }();
        QVERIFY(!prepared);
        QCOMPARE(prepared.error().code, EFBIG);
        QCOMPARE(readText(dirPath / "config"), std::string("old"));
        QCOMPARE(entryCount(dirPath), 1);
    }
};

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "test_atomic_file.moc"
