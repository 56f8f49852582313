// The window against the real helper on a private bus (with the real
// polkitd): it lists a busybox container created through the client, and
// its own Start, Stop, Force stop and Destroy actions drive that
// container, the view following the helper's signals and statistics.
// Root only (label system).
#include "client.h"
#include "client_container_source.h"
#include "container_list_model.h"
#include "gui_system_support.h"
#include "integration_env.h"
#include "limit_slider.h"
#include "main_window.h"
#include "name_page.h"
#include "file_field.h"
#include "new_container_wizard.h"
#include "options_page.h"
#include "progress_page.h"
#include "resources_tab.h"
#include "template_page.h"
#include "usage_charts.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QStatusBar>
#include <QtTest>

#include <QPushButton>
#include <QTemporaryDir>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

using berth::gui::ContainerListModel;
using berth::gui::MainWindow;
using namespace berth::test;

namespace {

const QString kBox = QStringLiteral("guibox");
const QString kMadeBox = QStringLiteral("wizardbox");
const QString kOrphan = QStringLiteral("orphanbox");
constexpr double kMiB = 1024.0 * 1024.0;
constexpr int kTimeoutMs = 60000;

QString stateCell(const MainWindow& window)
{
    const auto& model = window.model();
    const int row = model.rowOf(kBox);
    return row < 0 ? QStringLiteral("<not listed>")
                   : model.index(row, ContainerListModel::StateColumn).data().toString();
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
        const QString why = startHelperBus(m_bus);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        m_client = std::make_unique<berth::client::Client>();
    }

    void cleanupTestCase()
    {
        if (m_client) {
            for (const QString& name : {kBox, kMadeBox, kOrphan}) {
                (void)m_client->kill(name, SIGKILL);
                (void)m_client->destroy(name, true);
            }
            m_client.reset();
        }
        m_bus.stop();
    }

    void windowDrivesContainer()
    {
        berth::client::CreateRequest request;
        request.name = kBox;
        request.templateName = QStringLiteral("busybox");
        const QString created = createThroughJob(*m_client, request);
        QVERIFY2(created.isEmpty(), qPrintable(created));

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
        QCOMPARE(m_client->container(kBox)->state, berth::model::RunState::Stopped);

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

    // The whole way through the window's own controls: the New container
    // wizard, Start now, a memory limit from the slider, the charts
    // following a memory hog in the container, Stop and Destroy.
    void wizardCreatesAndChartsFollow()
    {
        berth::gui::ClientContainerSource source(*m_client);
        MainWindow window(source);
        window.setConfirmation([](const QString&, const QString&) { return true; });
        window.show();
        window.action(MainWindow::Action::New)->trigger();
        auto* wizard = window.findChild<berth::gui::NewContainerWizard*>();
        QVERIFY(wizard);
        QTRY_VERIFY_WITH_TIMEOUT(wizard->templatePage()->choose(QStringLiteral("busybox")), kTimeoutMs);
        wizard->next(); // its options
        wizard->next(); // name and kind
        QCOMPARE(wizard->currentId(), int(berth::gui::NewContainerWizard::NamePageId));
        wizard->namePage()->nameEdit()->setText(kMadeBox);
        QTRY_VERIFY_WITH_TIMEOUT(wizard->namePage()->isComplete(), kTimeoutMs);
        while (wizard->currentId() != int(berth::gui::NewContainerWizard::ProgressPageId))
            wizard->next();
        auto* progress = wizard->progressPage();
        QTRY_COMPARE_WITH_TIMEOUT(progress->state(), berth::gui::ProgressPage::State::Succeeded, kTimeoutMs);
        progress->startBox()->setChecked(true);
        wizard->accept();
        QTRY_VERIFY_WITH_TIMEOUT(window.selectContainer(kMadeBox), kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_client->container(kMadeBox)->state, berth::model::RunState::Running, kTimeoutMs);

        // A memory limit from the slider reaches the kernel through the helper.
        window.showTab(MainWindow::Tab::Resources);
        auto* resources = window.findChild<berth::gui::ResourcesTab*>();
        resources->setDebounceInterval(0);
        auto* memory = resources->slider(QStringLiteral("memory.max"));
        QTRY_VERIFY_WITH_TIMEOUT(memory->isEnabled(), kTimeoutMs);
        memory->spinBox()->setValue(200); // MiB
        QTRY_COMPARE_WITH_TIMEOUT(
            berth::client::limitArgsMap(m_client->container(kMadeBox)->limits).value(QStringLiteral("memory.max")),
            QString::number(200 * 1024 * 1024), kTimeoutMs);
        auto* charts = resources->charts();
        QTRY_VERIFY_WITH_TIMEOUT(!charts->seriesPoints(berth::gui::UsageKind::MemoryLimit).isEmpty() &&
                                     charts->seriesPoints(berth::gui::UsageKind::MemoryLimit).last().y() == 200,
                                 kTimeoutMs);

        // 64 MiB of shared memory is charged to the container: the chart sees it.
        window.model().setStatsInterval(500);
        hog(QStringLiteral("dd if=/dev/zero of=/dev/shm/hog bs=1M count=64"));
        QTRY_VERIFY_WITH_TIMEOUT(peak(charts->seriesPoints(berth::gui::UsageKind::MemoryUsed)) >= 64, kTimeoutMs);
        QVERIFY(peak(charts->seriesPoints(berth::gui::UsageKind::MemoryUsed)) < 200);

        window.action(MainWindow::Action::Stop)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(m_client->container(kMadeBox)->state, berth::model::RunState::Stopped, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(window.action(MainWindow::Action::Destroy)->isEnabled(), kTimeoutMs);
        window.action(MainWindow::Action::Destroy)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(window.model().rowOf(kMadeBox), -1, kTimeoutMs);
        QCOMPARE(m_client->container(kMadeBox).error().kind, berth::client::ErrorKind::NotFound);
    }

    // Issue #19 "never trapped": the helper killed -9 while the wizard's
    // creation reads a tarball from a FIFO. The page says the helper
    // stopped within the wait (it used to stay on its step forever), every
    // way out works, and the next helper leaves no staging directory.
    void helperKilledDuringWizardCreate()
    {
        QTemporaryDir dir;
        const QString tarball = dir.filePath(QStringLiteral("rootfs.tar.gz"));
        QProcess tar;
        tar.start(QStringLiteral("sh"),
                  {QStringLiteral("-c"), QStringLiteral("mkdir -p '%1/tree/etc' && head -c 4M /dev/urandom > "
                                                        "'%1/tree/blob' && tar -czf '%2' -C '%1/tree' .")
                                             .arg(dir.path(), tarball)});
        QVERIFY(tar.waitForFinished(60000) && tar.exitCode() == 0);
        QFile archive(tarball);
        QVERIFY(archive.open(QIODevice::ReadOnly));
        const QByteArray head = archive.read(1024 * 1024);
        const QString fifo = dir.filePath(QStringLiteral("slow.tar.gz"));
        QCOMPARE(::mkfifo(qPrintable(fifo), 0600), 0);
        // Held open for reading and writing: the wizard's open does not wait for a writer.
        const int feed = ::open(qPrintable(fifo), O_RDWR | O_NONBLOCK | O_CLOEXEC);
        QVERIFY(feed >= 0);

        berth::gui::ClientContainerSource source(*m_client);
        MainWindow window(source);
        window.show();
        window.action(MainWindow::Action::New)->trigger();
        auto* wizard = window.findChild<berth::gui::NewContainerWizard*>();
        QVERIFY(wizard);
        QTRY_VERIFY_WITH_TIMEOUT(wizard->templatePage()->choose(QStringLiteral("tarball")), kTimeoutMs);
        wizard->next(); // its options: the file
        auto* file = wizard->optionsPage()->fileField();
        QVERIFY(file);
        QVERIFY2(file->setPath(fifo), qPrintable(file->problem()));
        wizard->next(); // name and kind
        wizard->namePage()->nameEdit()->setText(kOrphan);
        QTRY_VERIFY_WITH_TIMEOUT(wizard->namePage()->isComplete(), kTimeoutMs);
        while (wizard->currentId() != int(berth::gui::NewContainerWizard::ProgressPageId))
            wizard->next();

        // The first MiB, as fast as the helper reads it; then nothing more.
        qsizetype written = 0;
        const auto containers = IntegrationEnvironment::instance().stateRoot() / "var/lib/berth/containers";
        auto staging = [&containers] {
            std::error_code ec;
            for (const auto& entry : std::filesystem::directory_iterator(containers, ec))
                if (entry.path().filename().string().starts_with(".staging-" + kOrphan.toStdString()))
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const ssize_t n = ::write(feed, head.constData() + written, size_t(head.size() - written));
                if (n > 0)
                    written += n;
                return written == head.size() && staging();
            }(),
            kTimeoutMs);
        auto* progress = wizard->progressPage();
        QCOMPARE(progress->state(), berth::gui::ProgressPage::State::Creating);

        const uint helper = m_bus.ownerPid(QStringLiteral("org.berth.Berth1"));
        QVERIFY(helper != 0);
        QCOMPARE(::kill(pid_t(helper), SIGKILL), 0);
        // A wait for the page, not a threshold: before, it never came.
        QTRY_COMPARE_WITH_TIMEOUT(progress->state(), berth::gui::ProgressPage::State::Failed, 10000);
        QVERIFY2(progress->message()->text().contains(QLatin1String("the Berth helper stopped")),
                 qPrintable(progress->message()->text()));
        wizard->button(QWizard::CancelButton)->click();
        QTRY_VERIFY(!window.findChild<berth::gui::NewContainerWizard*>());
        QVERIFY(window.mayQuit()); // nothing left running to ask about
        ::close(feed);

        // The next helper (started by this call) sweeps what the killed one left.
        QCOMPARE(m_client->container(kOrphan).error().kind, berth::client::ErrorKind::NotFound);
        QVERIFY(!staging());
    }

private:
    void hog(const QString& script)
    {
        const QString why = runInContainer(*m_client, kMadeBox, script);
        QVERIFY2(why.isEmpty(), qPrintable(why));
    }

    static double peak(const QList<QPointF>& points)
    {
        double top = 0;
        for (const QPointF& point : points)
            top = std::max(top, point.y());
        return top;
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
