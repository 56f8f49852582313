// The console log is capped (issue #20, item 7): a container that prints
// 50 MB leaves a log within lxc.console.size (Berth's default, and a
// size the config sets), with one older file <log>.1 at most, the last
// lines kept, and berthctl logs showing them; destroy leaves none of them.
#include "berthctl_run.h"
#include "helper_calls.h"
#include "integration_bus.h"
#include "integration_env.h"
#include "system_bus.h"

#include "berth/paths.h"

#include <QCoreApplication>
#include <QtTest>

#include <filesystem>
#include <sys/stat.h>

using namespace berth::test;

namespace {

constexpr std::uint64_t kDefaultCap = 4 << 20; // ContainerSpec::consoleLogSize
const QByteArray kLastLine = "berth-last-line";

// 50 MB of 50-byte lines, then one line the log must still hold.
QString chatter()
{
    return QStringLiteral("yes 0123456789012345678901234567890123456789012345678 | head -c 50000000; echo %1")
        .arg(QString::fromLatin1(kLastLine));
}

std::uint64_t fileSize(const std::filesystem::path& file)
{
    struct stat st {};
    return ::stat(file.c_str(), &st) == 0 ? std::uint64_t(st.st_size) : 0;
}

std::filesystem::path logOf(const QString& name)
{
    return berth::Paths(IntegrationEnvironment::instance().stateRoot()).logFile(name.toStdString());
}

} // namespace

class TestConsoleLog : public QObject {
    Q_OBJECT
private:
    SystemBus m_bus;

    // Runs the chatter in a new container `name` (extra `run` options
    // first) and waits until it has stopped.
    void runChatter(const QString& name, const QStringList& options)
    {
        EXPECT_CODE(berthctl(QStringList{QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), name} +
                             options +
                             QStringList{QStringLiteral("busybox"), QStringLiteral("--"), QStringLiteral("sh"),
                                         QStringLiteral("-c"), chatter()}),
                    0);
        QString state;
        QVERIFY2(waitUntil(
                     [&] {
                         state = containerState(m_bus, name);
                         return state == QLatin1String("stopped");
                     },
                     240000),
                 qPrintable(QStringLiteral("%1 still %2 after 4 minutes").arg(name, state)));
    }

    void checkCapped(const QString& name, std::uint64_t cap)
    {
        const auto log = logOf(name);
        const auto rotated = berth::rotatedLogFile(log);
        const QString sizes = QStringLiteral("log %1 bytes, %2 %3 bytes, cap %4")
                                  .arg(fileSize(log))
                                  .arg(QString::fromStdString(rotated.filename().string()))
                                  .arg(fileSize(rotated))
                                  .arg(cap);
        QVERIFY2(std::filesystem::exists(log), qPrintable(sizes));
        QVERIFY2(fileSize(log) <= cap && fileSize(rotated) <= cap, qPrintable(sizes));
        QVERIFY2(!std::filesystem::exists(berth::nextLogFile(log)), qPrintable(sizes));
        const Outcome shown = berthctl({QStringLiteral("logs"), name});
        EXPECT_CODE(shown, 0);
        QVERIFY2(shown.out.size() <= qsizetype(2 * cap) && shown.out.size() >= qsizetype(cap / 2),
                 qPrintable(sizes + QStringLiteral(", berthctl logs printed %1 bytes").arg(shown.out.size())));
        QVERIFY2(shown.out.trimmed().endsWith(kLastLine), qPrintable(QString::fromLatin1(shown.out.right(200))));
        // Whole lines of the chatter before it, across the rotation.
        QVERIFY(shown.out.contains("0123456789012345678901234567890123456789012345678\n"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        QVERIFY2(startTestBus(m_bus, &why), qPrintable(why));
    }

    void cleanupTestCase()
    {
        destroyAllContainers(m_bus);
        m_bus.stop();
    }

    void defaultCapHolds50MB()
    {
        runChatter(QStringLiteral("log1"), {});
        checkCapped(QStringLiteral("log1"), kDefaultCap);
    }

    void configuredCapHolds50MB()
    {
        runChatter(QStringLiteral("log2"), {QStringLiteral("-s"), QStringLiteral("lxc.console.size=64K")});
        checkCapped(QStringLiteral("log2"), 64 * 1024);
        QCOMPARE(fileSize(berth::rotatedLogFile(logOf(QStringLiteral("log2")))), std::uint64_t(64 * 1024));
    }

    void destroyRemovesEveryLogFile()
    {
        for (const QString& name : {QStringLiteral("log1"), QStringLiteral("log2")}) {
            EXPECT_CODE(berthctl({QStringLiteral("destroy"), name}), 0);
            QVERIFY(!std::filesystem::exists(logOf(name)));
            QVERIFY(!std::filesystem::exists(berth::rotatedLogFile(logOf(name))));
        }
    }
};

BERTH_SYSTEM_TEST_MAIN(TestConsoleLog)
#include "test_console_log.moc"
