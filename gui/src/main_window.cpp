#include "main_window.h"
#include "autostart_box.h"
#include "shared_folders_box.h"

#include "config_tab.h"
#include "confirm_action.h"
#include "console_tab.h"
#include "container_actions.h"
#include "container_filter_model.h"
#include "container_list_delegate.h"
#include "container_list_model.h"
#include "error_text.h"
#include "help_menu.h"
#include "helper_missing_page.h"
#include "log_tab.h"
#include "network_tab.h"
#include "overview_tab.h"
#include "resources_tab.h"
#include "settings.h"
#include "usage_charts.h"
#include "welcome_page.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace berth::gui {
namespace {

// Where the splitter between list and details is remembered (QSettings).
const QString kSplitterKey = QStringLiteral("window/splitter");

} // namespace

MainWindow::MainWindow(ContainerSource& source, QWidget* parent)
    : QMainWindow(parent), m_source(source), m_settings(new Settings(this)),
      m_model(new ContainerListModel(source, this)), m_proxy(new ContainerFilterModel(this))
{
    setWindowTitle(tr("Berth"));
    m_confirm = [this](const QString& title, const QString& question) { return confirmAction(this, title, question); };
    m_proxy->setSourceModel(m_model);
    createActions();
    createMenusAndToolBar();
    createHelpMenu();
    createTaskList();
    m_stack = new QStackedWidget(this);
    m_listPage = createListPage();
    m_stack->addWidget(m_listPage);
    m_helperMissing = new HelperMissingPage(this);
    m_stack->addWidget(m_helperMissing);
    m_welcome = new WelcomePage(m_actions[Action::New], this);
    m_stack->addWidget(m_welcome);
    setCentralWidget(m_stack);
    createOutsiderBanner();
    connect(m_helperMissing, &HelperMissingPage::retryRequested, m_model, &ContainerListModel::reload);
    connect(m_settings, &Settings::changed, this, &MainWindow::applySettings);
    connectModel();
    createPaneSwitch();
    applySettings();
    updateSelection();
    restoreLayout();
    m_model->reload();
}

MainWindow::~MainWindow() = default;

QWidget* MainWindow::createListPage()
{
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("listDetailsSplitter"));
    m_splitter->setChildrenCollapsible(false);
    auto* top = new QWidget(m_splitter);
    auto* layout = new QVBoxLayout(top);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(createFilter(top));
    layout->addWidget(createView(top));
    createTabs(m_splitter);
    // The list grows with the window as much as the details do.
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    connect(m_splitter, &QSplitter::splitterMoved, this,
            [this] { QSettings().setValue(kSplitterKey, m_splitter->saveState()); });
    setTabOrder(m_filter, m_view);
    setTabOrder(m_view, m_tabs);
    return m_splitter;
}

// Tall tabs scroll instead of making the window taller than the screen.
QWidget* MainWindow::wrapInScrollArea(QWidget* tab)
{
    auto* area = new QScrollArea(m_tabs);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setWidget(tab);
    return area;
}

// The first size from the screen (most of it, never more); the splitter
// where the user left it.
void MainWindow::restoreLayout()
{
    const QRect available = screen()->availableGeometry();
    const QSize wanted(std::min(1280, available.width() * 9 / 10), std::min(860, available.height() * 9 / 10));
    resize(wanted.expandedTo(minimumSizeHint()).boundedTo(available.size()));
    const QByteArray splitter = QSettings().value(kSplitterKey).toByteArray();
    if (splitter.isEmpty() || !m_splitter->restoreState(splitter))
        m_splitter->setSizes({wanted.height() * 2 / 5, wanted.height() * 3 / 5});
}

bool MainWindow::showsWelcome() const
{
    return m_stack->currentWidget() == m_welcome;
}

// An empty install shows what Berth does and how to begin, not a blank table.
void MainWindow::updateWelcome()
{
    if (showsHelperMissing())
        return;
    const bool empty = m_model->rowCount() == 0;
    if (empty && !showsWelcome())
        m_welcome->createButton()->setFocus(); // Enter or Space creates one
    m_stack->setCurrentWidget(empty ? static_cast<QWidget*>(m_welcome) : m_listPage);
}

void MainWindow::createHelpMenu()
{
    m_helpMenu = addHelpMenu(*this);
}

// F6 moves between the list and the details, as in file managers.
void MainWindow::createPaneSwitch()
{
    auto* next = new QAction(tr("Switch between list and details"), this);
    next->setObjectName(QStringLiteral("switchPaneAction"));
    next->setShortcut(QKeySequence(Qt::Key_F6));
    connect(next, &QAction::triggered, this, [this] {
        if (m_tabs->isAncestorOf(focusWidget()) || focusWidget() == m_tabs)
            m_view->setFocus(Qt::ShortcutFocusReason);
        else
            m_tabs->tabBar()->setFocus(Qt::ShortcutFocusReason);
    });
    QMainWindow::addAction(next);
}

QWidget* MainWindow::createTabs(QWidget* parent)
{
    m_tabs = new QTabWidget(parent);
    m_overview = new OverviewTab(m_actions.values(), m_tabs);
    m_overview->setForwardSource(&m_source);
    m_overview->setTerminalAction(m_actions[Action::Terminal]);
    m_autostart = new AutostartBox(m_source, m_overview);
    m_overview->addRow(tr("Autostart:"), m_autostart);
    connect(m_autostart, &AutostartBox::changed, m_model, &ContainerListModel::refresh);
    m_shares = new SharedFoldersBox(m_source, m_overview);
    m_overview->addRow(tr("Shared folders:"), m_shares);
    connect(m_shares, &SharedFoldersBox::changed, m_model, &ContainerListModel::refresh);
    m_tabs->addTab(wrapInScrollArea(m_overview), tr("O&verview"));
    m_resources = new ResourcesTab(m_source, m_tabs);
    m_resources->watch(*m_model);
    connect(m_resources, &ResourcesTab::limitsApplied, m_model, &ContainerListModel::refresh);
    connect(m_resources->charts(), &UsageCharts::windowMinutesChanged, m_settings, &Settings::setChartMinutes);
    m_tabs->addTab(wrapInScrollArea(m_resources), tr("&Resources"));
    m_network = new NetworkTab(m_source, m_tabs);
    m_tabs->addTab(wrapInScrollArea(m_network), tr("Net&work"));
    m_console = new ConsoleTab(m_source, m_tabs);
    m_tabs->addTab(m_console, tr("Conso&le"));
    m_log = new LogTab(m_source, m_tabs);
    m_tabs->addTab(m_log, tr("L&og"));
    m_config = new ConfigTab(m_source, m_tabs);
    m_config->setConfirmation(
        [this](const QString& title, const QString& question) { return m_confirm(title, question); });
    connect(m_config, &ConfigTab::saved, m_model, &ContainerListModel::refresh);
    connect(m_autostart, &AutostartBox::changed, m_config, &ConfigTab::reloadUnlessEdited);
    connect(m_shares, &SharedFoldersBox::changed, m_config, &ConfigTab::reloadUnlessEdited);
    m_tabs->addTab(m_config, tr("Confi&g"));
    return m_tabs;
}

QWidget* MainWindow::createFilter(QWidget* parent)
{
    m_filter = new QLineEdit(parent);
    m_filter->setPlaceholderText(tr("Filter by name, state, address or template"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &ContainerFilterModel::setFilterText);
    auto* find = new QAction(tr("Filter the list"), this);
    find->setObjectName(QStringLiteral("filterAction"));
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
    m_view->setItemDelegate(new ContainerListDelegate(m_view));
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ContainerListModel::NameColumn, Qt::AscendingOrder);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        QMenu menu;
        for (QAction* action : std::as_const(m_actions))
            if (action != m_actions[Action::New])
                menu.addAction(action);
        menu.exec(m_view->viewport()->mapToGlobal(at));
    });
    connect(m_view, &QTreeView::activated, this, [this] { showTab(Tab::Overview); });
    // Names and templates arrive with each GetContainer answer, after the
    // list: their columns grow to fit (once per burst of answers; only the
    // rows in sight are measured), never shrink under the user's choice.
    auto* fit = new QTimer(this);
    fit->setSingleShot(true);
    connect(fit, &QTimer::timeout, this, [this] {
        for (int column : {int(ContainerListModel::NameColumn), int(ContainerListModel::TemplateColumn)}) {
            const int wanted = static_cast<QAbstractItemView*>(m_view)->sizeHintForColumn(column);
            if (m_view->header()->sectionSize(column) < wanted)
                m_view->header()->resizeSection(column, wanted);
        }
    });
    connect(m_model, &QAbstractItemModel::dataChanged, fit, [fit](const QModelIndex& from) {
        if (from.column() == ContainerListModel::NameColumn) // a whole row, not the figures
            fit->start();
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
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateWelcome);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateWelcome);
    connect(m_model, &ContainerListModel::loaded, this, [this] {
        m_stack->setCurrentWidget(m_listPage);
        updateWelcome();
        // Once, not as a resize mode: that would measure every row on every tick.
        m_view->header()->resizeSections(QHeaderView::ResizeToContents);
        // Addresses and figures arrive after the list (leases, starts, the
        // first samples): room for one of each.
        const QList<std::pair<int, QString>> widest{
            {ContainerListModel::AddressColumn, QStringLiteral("000.000.000.000/00")},
            {ContainerListModel::MemoryColumn, QStringLiteral("000.0 MiB / 000.0 MiB")},
            {ContainerListModel::CpuColumn, QStringLiteral("000.0 %")},
            {ContainerListModel::TemplateColumn, QStringLiteral("lxc-import")}}; // the longest template name
        for (const auto& [column, sample] : widest) {
            const int width = m_view->fontMetrics().horizontalAdvance(sample) + 24;
            if (m_view->header()->sectionSize(column) < width)
                m_view->header()->resizeSection(column, width);
        }
        // Every state word fits, whichever the rows hold now.
        m_view->header()->setSectionResizeMode(ContainerListModel::StateColumn, QHeaderView::Fixed);
        m_view->header()->resizeSection(ContainerListModel::StateColumn,
                                        ContainerListDelegate::stateColumnWidth(m_view->fontMetrics()));
        if (!m_systemChecked) {
            m_systemChecked = true;
            checkSystemOnFirstStart();
        }
    });
}

void MainWindow::applySettings()
{
    m_model->setStatsInterval(m_settings->samplingSeconds() * 1000);
    m_resources->setSamplingInterval(m_settings->samplingSeconds() * 1000);
    m_resources->charts()->setWindowMinutes(m_settings->chartMinutes());
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

void MainWindow::showTab(Tab which)
{
    QWidget* shown = tab(which);
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->widget(i) == shown || m_tabs->widget(i)->isAncestorOf(shown))
            m_tabs->setCurrentIndex(i);
    }
}

QWidget* MainWindow::tab(Tab which) const
{
    switch (which) {
    case Tab::Overview:
        return m_overview;
    case Tab::Resources:
        return m_resources;
    case Tab::Network:
        return m_network;
    case Tab::Console:
        return m_console;
    case Tab::Log:
        return m_log;
    case Tab::Config:
        return m_config;
    }
    return m_overview;
}

void MainWindow::updateSelection()
{
    QString name = selectedName();
    // The config tab keeps unsaved edits: it may refuse to let go.
    if (name != m_shownName && !m_config->setContainer(name)) {
        const QSignalBlocker blocker(m_view->selectionModel());
        if (!selectContainer(m_shownName))
            m_view->clearSelection();
        name = m_shownName;
    }
    m_shownName = name;
    const int row = m_model->rowOf(name);
    const ContainerRow* selected = row < 0 ? nullptr : &m_model->row(row);
    const auto state = selected ? selected->state() : std::nullopt;
    const AllowedActions allowed = allowedActions(state, selected && selected->info.privileged);
    m_actions[Action::Start]->setEnabled(allowed.start);
    m_actions[Action::Stop]->setEnabled(allowed.stop);
    m_actions[Action::ForceStop]->setEnabled(allowed.forceStop);
    m_actions[Action::Freeze]->setEnabled(allowed.freeze);
    m_actions[Action::Thaw]->setEnabled(allowed.thaw);
    m_actions[Action::Terminal]->setEnabled(allowed.terminal);
    m_actions[Action::Clone]->setEnabled(allowed.clone);
    m_actions[Action::Export]->setEnabled(allowed.exportTree);
    m_actions[Action::Convert]->setEnabled(allowed.convert);
    m_actions[Action::Destroy]->setEnabled(allowed.destroy);
    m_overview->showContainer(selected, QDateTime::currentSecsSinceEpoch());
    m_autostart->showContainer(selected ? &selected->info : nullptr);
    m_shares->showContainer(selected ? &selected->info : nullptr);
    m_resources->showContainer(selected);
    m_network->setContainer(selected ? selected->info : client::ContainerInfo{});
    m_console->setContainer(name, state);
    m_log->setContainer(name, state);
}

void MainWindow::showHelperMissing(const client::ClientError& error)
{
    m_helperMissing->setDetail(error.message);
    m_stack->setCurrentWidget(m_helperMissing);
}

void MainWindow::reportError(const QString& text)
{
    statusBar()->showMessage(text);
}

} // namespace berth::gui
