#include "screenshot_steps.h"

#include "bridge_name_page.h"
#include "bridge_wizard.h"
#include "console_tab.h"
#include "container_list_model.h"
#include "main_window.h"
#include "images_window.h"
#include "networks_window.h"
#include "new_container_wizard.h"
#include "resources_tab.h"
#include "settings_dialog.h"
#include "system_check_dialog.h"
#include "terminal_widget.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPointer>
#include <QTimer>

namespace berth::gui {
namespace {

// Enough samples for the charts to show a line.
constexpr int kChartSettleMs = 12000;
constexpr int kSamplingMs = 1000;
constexpr int kShellStartMs = 1500;

// A running container if there is one, else the first listed.
QString pickContainer(const ContainerListModel& model)
{
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.row(row).state() == model::RunState::Running)
            return model.row(row).info.name;
    return model.rowCount() > 0 ? model.row(0).info.name : QString();
}

// Typed into the terminal as a user would (posted key events).
void type(QWidget* target, const QString& text)
{
    for (const QChar c : text) {
        const int key = c == QLatin1Char('\r') ? int(Qt::Key_Return) : int(c.unicode());
        QCoreApplication::postEvent(target, new QKeyEvent(QEvent::KeyPress, key, Qt::NoModifier, QString(c)));
        QCoreApplication::postEvent(target, new QKeyEvent(QEvent::KeyRelease, key, Qt::NoModifier, QString(c)));
    }
}

ScreenshotTour::Step tabStep(MainWindow& window, const char* file, MainWindow::Tab tab, int settleMs)
{
    return {QString::fromLatin1(file),
            [&window, tab] {
                window.showTab(tab);
                return static_cast<QWidget*>(&window);
            },
            settleMs};
}

} // namespace

std::vector<ScreenshotTour::Step> screenshotSteps(MainWindow& window)
{
    std::vector<ScreenshotTour::Step> steps;
    steps.push_back({QStringLiteral("01-containers.png"),
                     [&window]() -> QWidget* {
                         window.model().setStatsInterval(kSamplingMs);
                         window.findChild<ResourcesTab*>()->setSamplingInterval(kSamplingMs);
                         window.selectContainer(pickContainer(window.model()));
                         window.showTab(MainWindow::Tab::Overview);
                         return &window;
                     },
                     2000});
    steps.push_back(tabStep(window, "02-resources.png", MainWindow::Tab::Resources, kChartSettleMs));
    steps.push_back(tabStep(window, "03-network.png", MainWindow::Tab::Network, 1500));
    steps.push_back({QStringLiteral("04-console.png"),
                     [&window]() -> QWidget* {
                         auto* console = window.findChild<ConsoleTab*>();
                         console->setMode(ConsoleTab::Mode::Shell);
                         window.showTab(MainWindow::Tab::Console);
                         // Once the shell has come up.
                         QTimer::singleShot(kShellStartMs, console, [console] {
                             type(console->terminal(), QStringLiteral("uname -sr; ls /; ps\r"));
                         });
                         return &window;
                     },
                     kShellStartMs + 2000});
    steps.push_back(tabStep(window, "05-log.png", MainWindow::Tab::Log, 2000));
    steps.push_back(tabStep(window, "06-config.png", MainWindow::Tab::Config, 1500));

    auto wizard = std::make_shared<QPointer<NewContainerWizard>>();
    steps.push_back({QStringLiteral("07-new-container.png"),
                     [&window, wizard]() -> QWidget* {
                         *wizard = window.openNewContainerWizard();
                         (*wizard)->preset(QStringLiteral("debian"), {});
                         return *wizard;
                     },
                     1500});
    steps.push_back({QStringLiteral("08-new-container-options.png"),
                     [wizard]() -> QWidget* {
                         if (*wizard)
                             (*wizard)->next();
                         return *wizard;
                     },
                     1000,
                     [wizard] {
                         if (*wizard)
                             (*wizard)->close();
                     }});
    auto bridge = std::make_shared<QPointer<BridgeWizard>>();
    steps.push_back({QStringLiteral("09-bridge-wizard.png"),
                     [&window, bridge]() -> QWidget* {
                         *bridge = window.openBridgeWizard();
                         (*bridge)->namePage()->findChild<QLineEdit*>()->setText(QStringLiteral("berthbr1"));
                         (*bridge)->next();
                         return *bridge;
                     },
                     1500,
                     [bridge] {
                         if (*bridge)
                             (*bridge)->close();
                     }});
    steps.push_back({QStringLiteral("10-networks.png"), [&window]() -> QWidget* { return window.openNetworksWindow(); },
                     2000, [&window] { window.openNetworksWindow()->close(); }});
    auto check = std::make_shared<QPointer<SystemCheckDialog>>();
    steps.push_back({QStringLiteral("11-system-check.png"),
                     [&window, check]() -> QWidget* { return *check = window.openSystemCheck(); }, 2500,
                     [check] {
                         if (*check)
                             (*check)->close();
                     }});
    steps.push_back({QStringLiteral("12-settings.png"),
                     [&window]() -> QWidget* {
                         window.openSettings();
                         return window.findChild<SettingsDialog*>();
                     },
                     500,
                     [&window] {
                         if (auto* dialog = window.findChild<SettingsDialog*>())
                             dialog->close();
                     }});
    steps.push_back({QStringLiteral("13-images.png"), [&window]() -> QWidget* { return window.openImagesWindow(); },
                     1500, [&window] { window.openImagesWindow()->close(); }});
    return steps;
}

} // namespace berth::gui
