// The window against the real helper on a private bus (with the real
// polkitd): it lists a busybox container created through the client, and
// its own Start, Stop, Force stop and Destroy actions drive that
// container, the view following the helper's signals and statistics.
// Root only (label system).
#include "client.h"
#include "client_container_source.h"
#include "container_list_model.h"
#include "integration_env.h"
#include "job_watcher.h"
#include "main_window.h"
#include "system_bus.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QStatusBar>
#include <QtTest>

#include <csignal>
#include <memory>

using berth::gui::ContainerListModel;
using berth::gui::MainWindow;
using namespace berth::test;

namespace {

const QString kBox = QStringLiteral("guibox");
constexpr int kTimeoutMs = 60000;

QString stateCell(const MainWindow& window)
{
    const auto& model = window.model();
    const int row = model.rowOf(kBox);
    return row < 0 ? QStringLiteral("<not listed>") : model.index(row, ContainerListModel::StateColumn).data().toString();
}

} // namespace

class TestMainWindowSystem : public QObject {
    Q_OBJECT
private:
    SystemBus m_bus;
    std::unique_ptr<berth::client::Client> m_client;

private Q_SLOTS:
    void initTestCase()
    {
        SystemBusSettings settings;
        settings.stateRoot = QString::fromStdString(IntegrationEnvironment::instance().stateRoot().string());
        settings.cgroupParent = QString::fromStdString(IntegrationEnvironment::instance().cgroupParent());
        QString why;
        QVERIFY2(m_bus.start(settings, &why), qPrintable(why));
        qputenv("BERTH_BUS_ADDRESS", m_bus.address().toUtf8());
        m_client = std::make_unique<berth::client::Client>();
    }

    void cleanupTestCase()
    {
        if (m_client) {
            (void)m_client->kill(kBox, SIGKILL);
            (void)m_client->destroy(kBox, true);
            m_client.reset();
        }
        m_bus.stop();
    }

    void windowDrivesContainer()
    {
        berth::client::CreateRequest request;
        request.name = kBox;
        request.templateName = QStringLiteral("busybox");
        auto job = m_client->create(request);
        QVERIFY2(job, qPrintable(job ? QString() : job.error().message));
        berth::client::JobWatcher watcher(m_client->connection(), job->path());
        watcher.watch();
        auto created = watcher.waitForFinished();
        QVERIFY2(created, qPrintable(created ? QString() : created.error().message));

        berth::gui::ClientContainerSource source(*m_client);
        MainWindow window(source);
        window.setConfirmation([](const QString&, const QString&) { return true; });
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(window.selectContainer(kBox), kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(stateCell(window), QStringLiteral("Stopped"), kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(window.findChild<QLabel*>(QStringLiteral("templateValue"))->text(),
                                  QStringLiteral("busybox"), kTimeoutMs);
        QVERIFY(window.action(MainWindow::Action::Start)->isEnabled());

        window.action(MainWindow::Action::Start)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(stateCell(window), QStringLiteral("Running"), kTimeoutMs);
        QVERIFY2(m_client->container(kBox)->pid > 0, "the helper says it runs");
        QTRY_VERIFY_WITH_TIMEOUT(!window.findChild<QLabel*>(QStringLiteral("pidValue"))->text().isEmpty(), kTimeoutMs);
        QVERIFY(window.action(MainWindow::Action::Stop)->isEnabled());
        QVERIFY(!window.action(MainWindow::Action::Start)->isEnabled());
        // Figures from the helper's GetStats, on the model's own timer.
        const int row = window.model().rowOf(kBox);
        QTRY_VERIFY_WITH_TIMEOUT(
            !window.model().index(row, ContainerListModel::MemoryColumn).data().toString().isEmpty(), kTimeoutMs);
        // Kept for people (and CI artifacts) to look at; not compared.
        window.grab().save(QStringLiteral(QT_TESTCASE_BUILDDIR "/main_window_running.png"));

        window.action(MainWindow::Action::Stop)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(stateCell(window), QStringLiteral("Stopped"), kTimeoutMs);
        QCOMPARE(m_client->container(kBox)->state, QStringLiteral("stopped"));

        // SIGKILL: the helper sends no state signal; the model notices by itself.
        window.action(MainWindow::Action::Start)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(stateCell(window), QStringLiteral("Running"), kTimeoutMs);
        window.action(MainWindow::Action::ForceStop)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(stateCell(window), QStringLiteral("Stopped"), kTimeoutMs);
        QVERIFY(window.action(MainWindow::Action::Destroy)->isEnabled());

        window.action(MainWindow::Action::Destroy)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(window.model().rowOf(kBox), -1, kTimeoutMs);
        QCOMPARE(m_client->container(kBox).error().kind, berth::client::ErrorKind::NotFound);
        QVERIFY2(window.statusBar()->currentMessage().isEmpty(), qPrintable(window.statusBar()->currentMessage()));
    }
};

// As BERTH_INTEGRATION_MAIN, with a QApplication for the widgets.
int main(int argc, char** argv)
{
    return berth::test::runIntegrationTest("TestMainWindowSystem", [&] {
        QApplication app(argc, argv);
        TestMainWindowSystem test;
        return QTest::qExec(&test, argc, argv);
    });
}

#include "test_main_window_system.moc"
