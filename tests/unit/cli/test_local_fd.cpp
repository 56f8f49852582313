// LocalFd: the client-side owner of descriptors the GUI and berthctl open
// as their user and hand to the helper.
#include "local_fd.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

using berth::client::LocalFd;

namespace {

bool isOpen(int fd)
{
    return ::fcntl(fd, F_GETFD) != -1;
}

bool isCloseOnExec(int fd)
{
    return (::fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0;
}

} // namespace

class TestLocalFd : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void closesWhenGone()
    {
        QTemporaryDir dir;
        int raw = -1;
        {
            auto fd = LocalFd::open(dir.filePath(QStringLiteral("out")), LocalFd::Mode::Create);
            QVERIFY(fd);
            raw = fd->get();
            QVERIFY(isOpen(raw));
            QVERIFY(isCloseOnExec(raw));
        }
        QVERIFY(!isOpen(raw));
    }

    void movesOwnership()
    {
        QTemporaryDir dir;
        auto opened = LocalFd::open(dir.path(), LocalFd::Mode::ReadDirectory);
        QVERIFY(opened);
        const int raw = opened->get();
        LocalFd kept = std::move(*opened);
        QVERIFY(!opened->isValid());
        QCOMPARE(kept.get(), raw);
        LocalFd other;
        other = std::move(kept);
        QVERIFY(isOpen(raw));
        const int released = other.release();
        QCOMPARE(released, raw);
        QVERIFY(!other.isValid());
        QVERIFY(isOpen(raw)); // released: the new owner closes it
        ::close(raw);
    }

    void modes()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("log"));
        {
            auto append = LocalFd::open(file, LocalFd::Mode::Append);
            QVERIFY(append);
            QCOMPARE(::write(append->get(), "a", 1), ssize_t(1));
        }
        {
            auto append = LocalFd::open(file, LocalFd::Mode::Append);
            QVERIFY(append);
            QCOMPARE(::write(append->get(), "b", 1), ssize_t(1));
        }
        auto read = LocalFd::open(file, LocalFd::Mode::Read);
        QVERIFY(read);
        char buffer[4] = {};
        QCOMPARE(::read(read->get(), buffer, sizeof buffer), ssize_t(2));
        QCOMPARE(QByteArray(buffer, 2), QByteArray("ab"));
        // A directory opens for reading (templates take one), but a file is no directory.
        QVERIFY(LocalFd::open(dir.path(), LocalFd::Mode::Read));
        QCOMPARE(LocalFd::open(file, LocalFd::Mode::ReadDirectory).error(), ENOTDIR);
        QCOMPARE(LocalFd::open(dir.filePath(QStringLiteral("missing")), LocalFd::Mode::Read).error(), ENOENT);
        QVERIFY(!berth::client::errnoText(ENOENT).isEmpty());
    }

    void duplicateLeavesTheOriginal()
    {
        int raw = -1;
        {
            auto copy = LocalFd::duplicate(STDIN_FILENO);
            QVERIFY(copy);
            raw = copy->get();
            QVERIFY(raw != STDIN_FILENO);
            QVERIFY(isCloseOnExec(raw));
        }
        QVERIFY(!isOpen(raw));
        QVERIFY(isOpen(STDIN_FILENO));
    }

    void pipeEnds()
    {
        auto pipe = LocalFd::pipe(O_NONBLOCK);
        QVERIFY(pipe);
        auto& [readEnd, writeEnd] = *pipe;
        QVERIFY(isCloseOnExec(readEnd.get()) && isCloseOnExec(writeEnd.get()));
        QCOMPARE(::write(writeEnd.get(), "x", 1), ssize_t(1));
        char byte = 0;
        QCOMPARE(::read(readEnd.get(), &byte, 1), ssize_t(1));
        QCOMPARE(byte, 'x');
        QCOMPARE(::read(readEnd.get(), &byte, 1), ssize_t(-1)); // non-blocking and empty
        QCOMPARE(errno, EAGAIN);
    }
};

QTEST_GUILESS_MAIN(TestLocalFd)
#include "test_local_fd.moc"
