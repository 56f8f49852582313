// The main window's actions, menus and toolbar, and what the container
// actions do.
#include "main_window.h"

#include "console_tab.h"
#include "container_list_model.h"
#include "error_text.h"
#include "external_terminal.h"
#include "local_fd.h"
#include "task_list.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QToolBar>

#include <csignal>

namespace berth::gui {
namespace {

constexpr uint kStopTimeoutSeconds = 10;

} // namespace

QAction* MainWindow::makeAction(Action which, const QString& text, Icon icon, const QKeySequence& keys)
{
    auto* action = new QAction(gui::icon(icon), text, this);
    action->setShortcut(keys);
    m_actions.insert(which, action);
    return action;
}

void MainWindow::createActions()
{
    using S = StatusCallback;
    connect(makeAction(Action::New, tr("&New…"), Icon::New, QKeySequence::New), &QAction::triggered, this,
            [this] { openNewContainerWizard(); });
    connect(makeAction(Action::Start, tr("&Start"), Icon::Start, QKeySequence(tr("Ctrl+R"))), &QAction::triggered, this,
            [this] { perform(tr("start '%1'"), [this](const QString& n, S done) { m_source.start(n, this, done); }); });
    connect(makeAction(Action::Stop, tr("S&top"), Icon::Stop, QKeySequence(tr("Ctrl+T"))), &QAction::triggered, this,
            [this] {
                perform(tr("stop '%1'"),
                        [this](const QString& n, S done) { m_source.stop(n, kStopTimeoutSeconds, this, done); });
            });
    connect(makeAction(Action::ForceStop, tr("&Force stop"), Icon::ForceStop, QKeySequence(tr("Ctrl+Shift+K"))),
            &QAction::triggered, this, [this] {
                if (!confirmForceStop())
                    return;
                perform(tr("force '%1' to stop"),
                        [this](const QString& n, S done) { m_source.kill(n, SIGKILL, this, done); });
            });
    connect(makeAction(Action::Freeze, tr("F&reeze"), Icon::Freeze, QKeySequence(tr("Ctrl+Shift+F"))),
            &QAction::triggered, this, [this] {
                perform(tr("freeze '%1'"), [this](const QString& n, S done) { m_source.freeze(n, this, done); });
            });
    connect(makeAction(Action::Thaw, tr("T&haw"), Icon::Thaw, QKeySequence(tr("Ctrl+Shift+U"))), &QAction::triggered,
            this,
            [this] { perform(tr("thaw '%1'"), [this](const QString& n, S done) { m_source.thaw(n, this, done); }); });
    connect(makeAction(Action::Terminal, tr("Ter&minal"), Icon::Terminal, QKeySequence(tr("Ctrl+Shift+T"))),
            &QAction::triggered, this, [this] {
                showTab(Tab::Console);
                m_console->focusTerminal();
            });
    connect(makeAction(Action::Clone, tr("&Clone…"), Icon::Clone, QKeySequence(tr("Ctrl+Shift+C"))),
            &QAction::triggered, this, [this] { openNewContainerWizard(selectedName()); });
    connect(makeAction(Action::Export, tr("E&xport…"), Icon::Export, QKeySequence(tr("Ctrl+E"))), &QAction::triggered,
            this, &MainWindow::exportSelected);
    connect(makeAction(Action::Convert, tr("Make &unprivileged…"), Icon::Unprivileged, QKeySequence()),
            &QAction::triggered, this, &MainWindow::convertSelected);
    connect(makeAction(Action::Destroy, tr("&Destroy…"), Icon::Destroy, QKeySequence::Delete), &QAction::triggered,
            this, &MainWindow::destroySelected);
}

void MainWindow::createMenusAndToolBar()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_actions[Action::New]);
    file->addAction(icon(Icon::Settings), tr("&Settings…"), this, &MainWindow::openSettings);
    file->addSeparator();
    QAction* quit = file->addAction(icon(Icon::Quit), tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, [this] {
        if (mayQuit())
            qApp->quit();
    });

    QMenu* container = menuBar()->addMenu(tr("&Container"));
    QToolBar* toolBar = addToolBar(tr("Container actions"));
    toolBar->setObjectName(QStringLiteral("containerToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    for (QAction* action : std::as_const(m_actions)) {
        container->addAction(action);
        toolBar->addAction(action);
    }
    container->addSeparator();
    container->addAction(tr("Console in a terminal &window"), this, [this] { openExternalTerminal(false); });
    container->addAction(tr("Shell in a terminal w&indow"), this, [this] { openExternalTerminal(true); });

    // Images are no container action: a menu of their own, and the
    // toolbar's last button.
    QMenu* images = menuBar()->addMenu(tr("&Images"));
    QAction* imagesAction =
        images->addAction(icon(Icon::TemplateOci), tr("&Images…"), this, &MainWindow::openImagesWindow);
    imagesAction->setObjectName(QStringLiteral("imagesAction"));
    imagesAction->setShortcut(QKeySequence(tr("Ctrl+I")));
    imagesAction->setToolTip(tr("The images pulled from registries: pull, remove, prune"));
    toolBar->addSeparator();
    toolBar->addAction(imagesAction);

    QMenu* network = menuBar()->addMenu(tr("&Network"));
    network->addAction(icon(Icon::Networks), tr("&Networks…"), this, &MainWindow::openNetworksWindow);
    network->addAction(icon(Icon::Bridge), tr("New &bridge…"), this, &MainWindow::openBridgeWizard);
    QMenu* tools = menuBar()->addMenu(tr("&Tools"));
    tools->addAction(icon(Icon::SystemCheck), tr("&System check…"), this, &MainWindow::openSystemCheck);
}

void MainWindow::perform(const QString& whatTemplate, const Call& call)
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    const QString what = whatTemplate.arg(name);
    statusBar()->showMessage(tr("Asking the helper to %1…").arg(what));
    call(name, [this, name, what](client::Status status) {
        if (status)
            statusBar()->clearMessage();
        else
            reportError(errorText(status.error(), what));
        m_model->refresh(name); // the view follows even if a signal was missed
    });
}

void MainWindow::destroySelected()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    const QString question = tr("Destroy the container '%1'? Its files are deleted; this cannot be undone.").arg(name);
    if (!m_confirm(tr("Destroy Container"), question))
        return;
    perform(tr("destroy '%1'"),
            [this](const QString& n, StatusCallback done) { m_source.destroy(n, false, this, std::move(done)); });
}

// SIGKILL gives the container's programs no chance to save their work.
bool MainWindow::confirmForceStop()
{
    const QString name = selectedName();
    return !name.isEmpty() &&
           m_confirm(tr("Force Stop"),
                     tr("Force stop '%1'? Its processes are killed without a chance to save their work.").arg(name));
}

void MainWindow::exportSelected()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    const QString suggested = QDir::home().filePath(name + QStringLiteral(".tar.gz"));
    const QString path = m_askExportPath
                             ? m_askExportPath(suggested)
                             : QFileDialog::getSaveFileName(this, tr("Export '%1'").arg(name), suggested,
                                                            tr("Tarballs (*.tar.gz *.tar.xz *.tar.zst *.tar)"));
    if (path.isEmpty())
        return;
    // The helper writes through this descriptor; it never opens our paths.
    const auto fd = client::LocalFd::open(path, client::LocalFd::Mode::Create);
    if (!fd) {
        reportError(tr("Cannot write '%1': %2").arg(path, client::errnoText(fd.error())));
        return;
    }
    const QString what = tr("export '%1'").arg(name);
    statusBar()->showMessage(tr("Exporting '%1' to '%2'…").arg(name, path));
    m_source.exportTo(name, fd->get(), this, [this, path, what](client::Result<JobHandle*> job) {
        if (!job) {
            QFile::remove(path);
            reportError(errorText(job.error(), what));
            return;
        }
        JobHandle* handle = *job;
        m_tasks->add(handle, tr("Exporting to '%1'").arg(QFileInfo(path).fileName()), what);
        connect(handle, &JobHandle::finished, this,
                [this, handle, path, what](bool ok, const QString& error, const QString& message) {
                    handle->deleteLater();
                    if (ok) {
                        statusBar()->showMessage(tr("Exported to '%1'.").arg(path));
                        return;
                    }
                    QFile::remove(path);
                    reportError(errorText(client::clientError(error, message), what));
                });
    });
    // The call holds its own duplicate of the descriptor; ours closes here.
}

void MainWindow::convertSelected()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    const QString question = tr("Give '%1' a user namespace of its own? Root inside becomes an unprivileged user "
                                "on this computer; files it owns keep working.")
                                 .arg(name);
    if (!m_confirm(tr("Make Unprivileged"), question))
        return;
    const QString what = tr("make '%1' unprivileged").arg(name);
    statusBar()->showMessage(tr("Asking the helper to %1…").arg(what));
    m_source.convertToUnprivileged(name, this, [this, name, what](client::Result<JobHandle*> job) {
        if (!job) {
            reportError(errorText(job.error(), what));
            return;
        }
        JobHandle* handle = *job;
        m_tasks->add(handle, tr("Making '%1' unprivileged").arg(name), what);
        connect(handle, &JobHandle::finished, this,
                [this, handle, name, what](bool ok, const QString& error, const QString& message) {
                    handle->deleteLater();
                    if (ok)
                        statusBar()->clearMessage();
                    else
                        reportError(errorText(client::clientError(error, message), what));
                    m_model->refresh(name);
                });
    });
}

void MainWindow::openExternalTerminal(bool shell)
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    const QString why =
        ExternalTerminal::open(name, shell ? ExternalTerminal::Mode::Shell : ExternalTerminal::Mode::Console);
    if (!why.isEmpty())
        reportError(why);
}

} // namespace berth::gui
