// The windows the main window opens: the wizards, the networks window,
// the system check and the settings.
#include "main_window.h"

#include "bridge_wizard.h"
#include "console_tab.h"
#include "container_list_model.h"
#include "error_text.h"
#include "images_window.h"
#include "networks_window.h"
#include "new_container_wizard.h"
#include "settings.h"
#include "settings_dialog.h"
#include "system_check_dialog.h"
#include "system_check_page.h"

#include <QSettings>
#include <QStatusBar>

namespace berth::gui {
namespace {

// Whether the first start has had its system check.
const QString kSystemCheckedKey = QStringLiteral("startup/systemChecked");

} // namespace

NewContainerWizard* MainWindow::openNewContainerWizard(const QString& cloneSource)
{
    auto* wizard = new NewContainerWizard(m_source, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setTaskList(m_tasks);
    if (!cloneSource.isEmpty())
        wizard->preset(QStringLiteral("clone"), {{QStringLiteral("source"), cloneSource}});
    connect(wizard, &QDialog::finished, this, [this, wizard] { wizardFinished(wizard); });
    wizard->show();
    return wizard;
}

void MainWindow::wizardFinished(NewContainerWizard* wizard)
{
    const QString name = wizard->createdName();
    if (name.isEmpty())
        return;
    m_model->refresh(name);
    // The row appears when the helper's answer does.
    auto select = [this, name] { selectContainer(name); };
    QMetaObject::invokeMethod(this, select, Qt::QueuedConnection);
    if (wizard->startRequested()) {
        const bool terminal = wizard->terminalRequested();
        statusBar()->showMessage(tr("Starting '%1'…").arg(name));
        m_source.start(name, this, [this, name, terminal](client::Status status) {
            m_model->refresh(name);
            if (!status) {
                reportError(errorText(status.error(), tr("start '%1'").arg(name)));
                return;
            }
            statusBar()->clearMessage();
            if (terminal && selectContainer(name)) {
                showTab(Tab::Console);
                m_console->focusTerminal();
            }
        });
    }
}

BridgeWizard* MainWindow::openBridgeWizard()
{
    auto* wizard = new BridgeWizard(m_source, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &QWizard::accepted, this, [this] {
        if (m_networksWindow)
            m_networksWindow->refresh();
    });
    wizard->show();
    return wizard;
}

NetworksWindow* MainWindow::openNetworksWindow()
{
    if (!m_networksWindow) {
        m_networksWindow = new NetworksWindow(m_source, this);
        m_networksWindow->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_networksWindow, &NetworksWindow::containerActivated, this, [this](const QString& name) {
            if (selectContainer(name)) {
                showTab(Tab::Network);
                activateWindow();
                raise();
            }
        });
    } else {
        m_networksWindow->refresh();
    }
    m_networksWindow->show();
    m_networksWindow->raise();
    return m_networksWindow;
}

ImagesWindow* MainWindow::openImagesWindow()
{
    if (!m_imagesWindow) {
        m_imagesWindow = new ImagesWindow(m_source, this);
        m_imagesWindow->setAttribute(Qt::WA_DeleteOnClose);
    } else {
        m_imagesWindow->refresh();
    }
    m_imagesWindow->show();
    m_imagesWindow->raise();
    return m_imagesWindow;
}

SystemCheckDialog* MainWindow::openSystemCheck()
{
    auto* dialog = new SystemCheckDialog(m_source, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void MainWindow::checkSystemOnFirstStart()
{
    QSettings store;
    if (store.value(kSystemCheckedKey).toBool())
        return;
    // Shown only when something essential is missing.
    auto* dialog = new SystemCheckDialog(m_source, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(
        dialog->page(), &SystemCheckPage::checked, dialog,
        [dialog] {
            QSettings().setValue(kSystemCheckedKey, true);
            if (dialog->page()->hasEssentialMissing())
                dialog->show();
            else
                dialog->deleteLater();
        },
        Qt::SingleShotConnection);
}

void MainWindow::openSettings()
{
    auto* dialog = new SettingsDialog(*m_settings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

} // namespace berth::gui
