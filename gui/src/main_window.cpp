#include "main_window.h"

#include "container_actions.h"
#include "container_filter_model.h"
#include "container_list_model.h"
#include "error_text.h"
#include "helper_missing_page.h"
#include "overview_tab.h"
#include "resources_tab.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <csignal>

namespace berth::gui {
namespace {

constexpr uint kStopTimeoutSeconds = 10;

bool askWithMessageBox(QWidget* parent, const QString& title, const QString& question)
{
    return QMessageBox::question(parent, title, question, QMessageBox::Yes | QMessageBox::Cancel,
                                 QMessageBox::Cancel) == QMessageBox::Yes;
}

} // namespace

MainWindow::MainWindow(ContainerSource& source, QWidget* parent)
    : QMainWindow(parent), m_source(source), m_model(new ContainerListModel(source, this)),
      m_proxy(new ContainerFilterModel(this))
{
    setWindowTitle(tr("Berth"));
    m_confirm = [this](const QString& title, const QString& question) {
        return askWithMessageBox(this, title, question);
    };
    m_proxy->setSourceModel(m_model);
    createActions();
    createMenusAndToolBar();
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(createListPage());
    m_helperMissing = new HelperMissingPage(this);
    m_stack->addWidget(m_helperMissing);
    setCentralWidget(m_stack);
    connect(m_helperMissing, &HelperMissingPage::retryRequested, m_model, &ContainerListModel::reload);
    connectModel();
    updateSelection();
    resize(960, 640);
    m_model->reload();
}

QAction* MainWindow::makeAction(Action which, const QString& text, const char* icon, const QKeySequence& keys)
{
    auto* action = new QAction(QIcon::fromTheme(QString::fromLatin1(icon)), text, this);
    action->setShortcut(keys);
    m_actions.insert(which, action);
    return action;
}

void MainWindow::createActions()
{
    using S = StatusCallback;
    connect(makeAction(Action::Start, tr("&Start"), "media-playback-start", QKeySequence(tr("Ctrl+R"))),
            &QAction::triggered, this, [this] {
                perform(tr("start '%1'"), [this](const QString& n, S done) { m_source.start(n, this, done); });
            });
    connect(makeAction(Action::Stop, tr("S&top"), "media-playback-stop", QKeySequence(tr("Ctrl+T"))),
            &QAction::triggered, this, [this] {
                perform(tr("stop '%1'"),
                        [this](const QString& n, S done) { m_source.stop(n, kStopTimeoutSeconds, this, done); });
            });
    connect(makeAction(Action::ForceStop, tr("&Force stop"), "process-stop", QKeySequence(tr("Ctrl+Shift+K"))),
            &QAction::triggered, this, [this] {
                perform(tr("force '%1' to stop"),
                        [this](const QString& n, S done) { m_source.kill(n, SIGKILL, this, done); });
            });
    connect(makeAction(Action::Freeze, tr("F&reeze"), "media-playback-pause", QKeySequence(tr("Ctrl+Shift+F"))),
            &QAction::triggered, this, [this] {
                perform(tr("freeze '%1'"), [this](const QString& n, S done) { m_source.freeze(n, this, done); });
            });
    connect(makeAction(Action::Thaw, tr("T&haw"), "media-playback-start", QKeySequence(tr("Ctrl+Shift+U"))),
            &QAction::triggered, this, [this] {
                perform(tr("thaw '%1'"), [this](const QString& n, S done) { m_source.thaw(n, this, done); });
            });
    connect(makeAction(Action::Destroy, tr("&Destroy…"), "edit-delete", QKeySequence::Delete), &QAction::triggered,
            this, &MainWindow::destroySelected);
}

void MainWindow::createMenusAndToolBar()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* quit = file->addAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, qApp, &QApplication::quit);
    QMenu* container = menuBar()->addMenu(tr("&Container"));
    QToolBar* toolBar = addToolBar(tr("Container actions"));
    toolBar->setObjectName(QStringLiteral("containerToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    for (QAction* action : m_actions) {
        container->addAction(action);
        toolBar->addAction(action);
    }
}

QWidget* MainWindow::createListPage()
{
    auto* splitter = new QSplitter(Qt::Vertical, this);
    auto* top = new QWidget(splitter);
    auto* layout = new QVBoxLayout(top);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(createFilter(top));
    layout->addWidget(createView(top));
    auto* tabs = new QTabWidget(splitter);
    m_overview = new OverviewTab(m_actions.values(), tabs);
    tabs->addTab(m_overview, tr("Overview"));
    m_resources = new ResourcesTab(m_source, tabs);
    m_resources->watch(*m_model);
    connect(m_resources, &ResourcesTab::limitsApplied, m_model, &ContainerListModel::refresh);
    tabs->addTab(m_resources, tr("Resources"));
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    return splitter;
}

QWidget* MainWindow::createFilter(QWidget* parent)
{
    m_filter = new QLineEdit(parent);
    m_filter->setPlaceholderText(tr("Filter by name, state, address or template"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &ContainerFilterModel::setFilterText);
    auto* find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, m_filter, qOverload<>(&QLineEdit::setFocus));
    QMainWindow::addAction(find);
    return m_filter;
}

QWidget* MainWindow::createView(QWidget* parent)
{
    m_view = new QTreeView(parent);
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ContainerListModel::NameColumn, Qt::AscendingOrder);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        QMenu menu;
        menu.addActions(m_actions.values());
        menu.exec(m_view->viewport()->mapToGlobal(at));
    });
    return m_view;
}

void MainWindow::connectModel()
{
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateSelection);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MainWindow::updateSelection);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateSelection);
    connect(m_model, &ContainerListModel::loadFailed, this, [this](const client::ClientError& error) {
        if (error.kind == client::ErrorKind::NoHelper)
            showHelperMissing(error);
        else
            reportError(errorText(error, tr("list the containers")));
    });
    connect(m_model, &ContainerListModel::loaded, this, [this] {
        m_stack->setCurrentIndex(0);
        // Once, not as a resize mode: that would measure every row on every tick.
        m_view->header()->resizeSections(QHeaderView::ResizeToContents);
    });
}

QAction* MainWindow::action(Action which) const
{
    return m_actions.value(which);
}

bool MainWindow::showsHelperMissing() const
{
    return m_stack->currentWidget() == m_helperMissing;
}

QString MainWindow::selectedName() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows(ContainerListModel::NameColumn);
    return rows.isEmpty() ? QString() : rows.first().data().toString();
}

bool MainWindow::selectContainer(const QString& name)
{
    const int row = m_model->rowOf(name);
    const QModelIndex index = row < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->setCurrentIndex(index);
    return true;
}

void MainWindow::updateSelection()
{
    const int row = m_model->rowOf(selectedName());
    const ContainerRow* selected = row < 0 ? nullptr : &m_model->row(row);
    const AllowedActions allowed = allowedActions(selected ? selected->info.state : QString());
    m_actions[Action::Start]->setEnabled(allowed.start);
    m_actions[Action::Stop]->setEnabled(allowed.stop);
    m_actions[Action::ForceStop]->setEnabled(allowed.forceStop);
    m_actions[Action::Freeze]->setEnabled(allowed.freeze);
    m_actions[Action::Thaw]->setEnabled(allowed.thaw);
    m_actions[Action::Destroy]->setEnabled(allowed.destroy);
    m_overview->showContainer(selected, QDateTime::currentSecsSinceEpoch());
    m_resources->showContainer(selected);
}

void MainWindow::showHelperMissing(const client::ClientError& error)
{
    m_helperMissing->setDetail(error.message);
    m_stack->setCurrentWidget(m_helperMissing);
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
        m_model->refresh(name);   // the view follows even if a signal was missed
    });
}

void MainWindow::destroySelected()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    const QString question = tr("Destroy the container '%1'? Its files are deleted; this cannot be undone.").arg(name);
    if (!m_confirm(tr("Destroy container"), question))
        return;
    perform(tr("destroy '%1'"), [this](const QString& n, StatusCallback done) {
        m_source.destroy(n, false, this, std::move(done));
    });
}

void MainWindow::reportError(const QString& text)
{
    statusBar()->showMessage(text);
}

} // namespace berth::gui
