// kill -9 of berthctl (issue #20): during `create` from a FIFO the job goes
// on in the helper and ends whole (the rest of the archive arrives) or
// leaves nothing (its input ends early), never half-made; during `console`
// the container keeps running and a new console attaches. (`run --rm` is tests/faults/test_run_rm.cpp's.)
#include "berthctl_run.h"
#include "bus_names.h"
#include "fault_host.h"
#include "fault_steps.h"
#include "helper_calls.h"
#include "integration_bus.h"
#include "integration_env.h"
#include "slow_input.h"
#include "system_bus.h"
#include "user_terminal.h"

#include <QCoreApplication>
#include <QDBusMetaType>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

using namespace berth::test;

namespace {

const QString kRoot = QStringLiteral("root");

berth::Paths statePaths()
{
    return berth::Paths(IntegrationEnvironment::instance().stateRoot());
}

} // namespace

class TestClientKilled : public QObject {
    Q_OBJECT
private:
    SystemBus m_bus;
    QTemporaryDir m_dir;
    QByteArray m_tarball;

    QStringList containerNames()
    {
        auto reply = callHelper(m_bus, kManager, QStringLiteral("ListContainers"));
        return qdbus_cast<QMap<QString, QString>>(reply.arguments().value(0)).keys();
    }

    // Opens a console on `name` in a terminal and proves it works: what is
    // typed reaches the container's shell and its answer comes back.
    void attachAndEcho(UserTerminal& terminal, const QString& name, const QByteArray& word)
    {
        QString why;
        QVERIFY2(terminal.start(kRoot, {QStringLiteral(BERTHCTL_BINARY), QStringLiteral("console"), name},
                                m_bus.address(), &why),
                 qPrintable(why));
        terminal.type("\r"); // busybox init asks for Enter first on the console
        terminal.type("echo " + word + "-$((20+22))\r");
        QVERIFY2(terminal.waitFor(word + "-42", 60000), terminal.screen().constData());
    }

private Q_SLOTS:
    void initTestCase()
    {
        // A helper that stopped reading must fail our write, not kill the test.
        ::signal(SIGPIPE, SIG_IGN);
        qDBusRegisterMetaType<QMap<QString, QString>>();
        QVERIFY(m_dir.isValid());
        QString why;
        m_tarball = makeTarball(&why);
        QVERIFY2(m_tarball.size() > 4 * 1024 * 1024, qPrintable(why));
        QVERIFY2(startTestBus(m_bus, &why), qPrintable(why));
        // Berth's own directories exist from here on, as on a host in use.
        EXPECT_CODE(berthctl({QStringLiteral("create"), QStringLiteral("ck-warm"), QStringLiteral("-t"),
                              QStringLiteral("busybox")}),
                    0);
        EXPECT_CODE(berthctl({QStringLiteral("start"), QStringLiteral("ck-warm")}), 0);
        EXPECT_CODE(berthctl({QStringLiteral("destroy"), QStringLiteral("ck-warm"), QStringLiteral("--force")}), 0);
    }

    void cleanupTestCase()
    {
        destroyAllContainers(m_bus);
        m_bus.stop();
    }

    // The caller is killed while the helper extracts. The job is the
    // helper's and goes on (a GUI that quits may leave its creation
    // running, main_window_tasks.cpp): when the archive's writer (here the
    // test, in life `curl ... |`) sends the rest, the container is made
    // whole; when it gives up, the job fails and leaves nothing.
    void createKilled_data()
    {
        QTest::addColumn<bool>("writeRest");
        QTest::newRow("rest written") << true;
        QTest::newRow("pipe closed") << false;
    }
    void createKilled()
    {
        QFETCH(bool, writeRest);
        const QString name = writeRest ? QStringLiteral("ck-whole") : QStringLiteral("ck-cut");
        const HostSnapshot before = HostSnapshot::take();
        const QString fifo = m_dir.filePath(name + QStringLiteral(".fifo"));
        QCOMPARE(::mkfifo(qPrintable(fifo), 0600), 0);
        QProcess create;
        QVERIFY(startBerthctl(create, {QStringLiteral("create"), name, QStringLiteral("-t"), QStringLiteral("tarball"),
                                       QStringLiteral("--file"), fifo}));
        const int writeEnd = openFifoWriter(fifo);
        QVERIFY(writeEnd >= 0);
        const qsizetype half = m_tarball.size() / 2;
        QVERIFY(writeAll(writeEnd, QByteArrayView(m_tarball).first(half)));
        const auto containers = statePaths().containersDir();
        QTRY_VERIFY_WITH_TIMEOUT(!entriesNaming(containers, QStringLiteral(".staging-") + name).isEmpty(), 60000);
        create.kill();
        QVERIFY(create.state() == QProcess::NotRunning || create.waitForFinished(10000));
        if (writeRest)
            QVERIFY(writeAll(writeEnd, QByteArrayView(m_tarball).sliced(half)));
        ::close(writeEnd);
        // The job ends by itself: its staging directory and create lock go.
        QTRY_COMPARE_WITH_TIMEOUT(entriesNaming(containers, QStringLiteral(".")).filter(name), QStringList{}, 120000);
        QCOMPARE(containerNames().contains(name), writeRest);
        if (writeRest) {
            QCOMPARE(containerState(m_bus, name), QStringLiteral("stopped"));
            EXPECT_CODE(berthctl({QStringLiteral("destroy"), name}), 0);
        }
        const QStringList left = before.differences(HostSnapshot::take());
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char('\n'))));
    }

    // A console whose berthctl is killed: the container runs on, and the
    // next console attaches and works.
    void consoleKilled()
    {
        const QString name = QStringLiteral("ck-console");
        EXPECT_CODE(berthctl({QStringLiteral("create"), name, QStringLiteral("-t"), QStringLiteral("busybox")}), 0);
        EXPECT_CODE(berthctl({QStringLiteral("start"), name}), 0);
        {
            UserTerminal first;
            attachAndEcho(first, name, "first");
            first.kill();
        }
        QCOMPARE(containerState(m_bus, name), QStringLiteral("running"));
        UserTerminal second;
        attachAndEcho(second, name, "second");
        second.type("\x01q");
        QCOMPARE(second.waitForExit(30000), 0);
        QCOMPARE(containerState(m_bus, name), QStringLiteral("running"));
        EXPECT_CODE(berthctl({QStringLiteral("stop"), name, QStringLiteral("-t"), QStringLiteral("2")}), 0);
        EXPECT_CODE(berthctl({QStringLiteral("destroy"), name}), 0);
    }
};

BERTH_SYSTEM_TEST_MAIN(TestClientKilled)

#include "test_client_killed.moc"
